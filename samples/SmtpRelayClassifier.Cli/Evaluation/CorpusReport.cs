using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SmtpRelayClassifier.Cli.Evaluation;

/// <summary>Writes an evaluation as plain text: the totals, accuracy per file, kind, source and confidence, the confusion matrix and the misses.</summary>
internal static class CorpusReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(CorpusEvaluation evaluation, TextWriter output, bool misses)
    {
        var results = evaluation.Results;
        int hits = results.Count(r => r.IsHit);
        output.WriteLine(string.Create(Invariant, $"replies: {results.Count}   kind right: {hits} ({evaluation.Accuracy:P1})   relay flag right: {results.Count(r => r.IsRelayHit)} ({evaluation.RelayAccuracy:P1})"));

        Table(output, "file", evaluation.By(r => r.Entry.File));
        Table(output, "expected kind", evaluation.By(r => r.Entry.Kind.ToString()));
        Table(output, "confidence", evaluation.By(r => r.Diagnosis.Confidence.ToString()));
        Table(output, "source", evaluation.By(r => r.Entry.Publisher).Take(40));
        Confusion(output, evaluation.Confusion());

        var wrong = results.Where(r => !r.IsHit || !r.IsRelayHit).ToList();
        output.WriteLine();
        if (!misses)
        {
            output.WriteLine(string.Create(Invariant, $"{wrong.Count} misses (kind or relay flag); --misses lists them"));
            return;
        }

        output.WriteLine(string.Create(Invariant, $"misses ({wrong.Count}): file:line expected -> diagnosed [rule, confidence; runner-up kind by its rule] reply"));
        foreach (var miss in wrong)
        {
            string expected = miss.Entry.Kind + (miss.Entry.IsRelayBlock ? "+relay" : "");
            string diagnosed = miss.Diagnosis.Kind + (miss.Diagnosis.IsRelayBlock ? "+relay" : "");
            var evidence = miss.Diagnosis.Evidence;
            string runnerUp = evidence.ContradictingKind is { } kind ? $"; runner-up {kind} by {evidence.ContradictingRuleId}" : "; no runner-up";
            output.WriteLine(string.Create(Invariant, $"{miss.Entry.File}:{miss.Entry.Line} {expected} -> {diagnosed} [{miss.Diagnosis.RuleId}, {miss.Diagnosis.Confidence}{runnerUp}] {OneLine(miss.Entry.Reply)}"));
        }
    }

    private static void Table(TextWriter output, string title, System.Collections.Generic.IEnumerable<(string Key, int Count, int Hits)> rows)
    {
        output.WriteLine();
        output.WriteLine(string.Create(Invariant, $"{title,-32} {"replies",7} {"right",7} {"accuracy",9}"));
        foreach (var (key, count, hits) in rows)
            output.WriteLine(string.Create(Invariant, $"{Clip(key, 32),-32} {count,7} {hits,7} {(double)hits / count,9:P1}"));
    }

    private static void Confusion(TextWriter output, int[,] matrix)
    {
        var kinds = Enum.GetValues<SmtpFailureKind>();
        output.WriteLine();
        output.WriteLine("confusion (rows: expected, columns: diagnosed; an accepted alternative counts as expected)");
        output.Write($"{"",-30}");
        foreach (var kind in kinds)
            output.Write($" {Abbreviation(kind),4}");
        output.WriteLine();
        foreach (var expected in kinds)
        {
            output.Write($"{Clip(expected.ToString(), 25),-25} {Abbreviation(expected),4}");
            foreach (var diagnosed in kinds)
            {
                int count = matrix[(int)expected, (int)diagnosed];
                output.Write(count == 0 ? $" {".",4}" : string.Create(Invariant, $" {count,4}"));
            }

            output.WriteLine();
        }
    }

    /// <summary>The capitals of a kind's name: RelayDenied is RD, RecipientVerificationDeferred RVD.</summary>
    private static string Abbreviation(SmtpFailureKind kind) => kind == SmtpFailureKind.Unknown
        ? "?"
        : string.Concat(kind.ToString().Where(char.IsUpper));

    private static string Clip(string text, int width) => text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");

    private static string OneLine(string reply) => reply.Replace("\r\n", "\\n", StringComparison.Ordinal);
}
