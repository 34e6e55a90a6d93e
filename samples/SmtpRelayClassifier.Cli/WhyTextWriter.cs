using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// Writes what <c>classify --why</c> adds after a diagnosis: the rule that decided, the phrases and codes it read with
/// where they stand (<c>[start..end]</c> in the input, and a line of marks under it: <c>^</c> a phrase, <c>~</c> a code),
/// then every other rule that was weighed, with its kind, strength and what became of it.
/// </summary>
internal sealed class WhyTextWriter(TextWriter output, Explainer explainer)
{
    private DiagnosisLabels L => explainer.Labels.Diagnosis;

    private string Colon => explainer.Labels.Colon;

    public void Write(ReadOnlySpan<char> input, RelayBlockDiagnosis d, IReadOnlyList<RuleCandidate> candidates)
    {
        output.WriteLine();
        output.WriteLine(L.WhyHeading + Colon);
        int width = Math.Max(20, new[] { L.DecidedBy, L.Text, L.Phrases, L.CodesUsed }.Max(l => l.Length) + Colon.Length + 3);
        var decided = candidates.FirstOrDefault(c => c.Outcome == RuleCandidateOutcome.Decided);
        if (decided is not null)
        {
            Line(L.DecidedBy, $"{decided.RuleId} ({decided.Kind}, {decided.Strength})", width);
            string shown = explainer.ShowText(input).ToString();
            Line(L.Text, shown, width);
            if (Marks(input, shown, decided, d) is { } marks)
                output.WriteLine(new string(' ', width) + marks);
            if (decided.Phrases.Count > 0)
                Line(L.Phrases, string.Join(", ", decided.Phrases.Select(Phrase)), width);
            if (Codes(decided, d) is { Length: > 0 } codes)
                Line(L.CodesUsed, codes, width);
        }

        output.WriteLine("  " + L.OtherRules + Colon);
        var others = candidates.Where(c => c.Outcome != RuleCandidateOutcome.Decided).ToList();
        if (others.Count == 0)
            output.WriteLine("    " + explainer.Labels.None);
        foreach (var c in others)
        {
            var evidence = c.Phrases.Select(Phrase).ToList();
            if (Codes(c, d) is { Length: > 0 } codes)
                evidence.Add(codes);
            string read = evidence.Count == 0 ? string.Empty : ": " + string.Join(", ", evidence);
            output.WriteLine($"    {c.RuleId} ({c.Kind}, {c.Strength}){read} — {Reason(c, decided)}");
        }
    }

    /// <summary>Why a rule that did not decide came out as it did, in the run's language.</summary>
    internal string Reason(RuleCandidate candidate, RuleCandidate? decided)
    {
        if (L.Outcomes.TryGetValue(candidate.Outcome, out var reason))
            return reason;
        var strongest = decided?.Strength ?? EvidenceStrength.None;
        string lost = candidate.Strength < strongest ? string.Format(CultureInfo.InvariantCulture, L.Weaker, strongest) : L.TriedLater;
        return candidate.Outcome switch
        {
            RuleCandidateOutcome.Contradicts => lost + "; " + L.ContradictsNote,
            RuleCandidateOutcome.LowersConfidence => lost + "; " + L.LowersConfidenceNote,
            _ => lost,
        };
    }

    // 'relay access denied' [30..49]
    private static string Phrase(MatchedPhrase p) =>
        p.Range.End.Value > p.Range.Start.Value ? $"'{p.Phrase}' {Position(p.Range)}" : $"'{p.Phrase}'";

    private static string Position(Range r) => $"[{r.Start.Value}..{r.End.Value}]";

    // The codes a rule read, with their values and positions: "reply code 554 [0..3], enhanced code 5.7.1 [4..9], stage".
    private string Codes(RuleCandidate c, RelayBlockDiagnosis d)
    {
        var parts = new List<string>(3);
        if (c.UsedReplyCode)
            parts.Add(Code(L.ReplyCode, d.ReplyCode?.ToString(CultureInfo.InvariantCulture), d.Evidence.ReplyCodeRange));
        if (c.UsedEnhancedCode)
            parts.Add(Code(L.EnhancedCode, d.EnhancedStatusCode?.ToString(), d.Evidence.EnhancedCodeRange));
        if (c.UsedStage)
            parts.Add(d.Stage == SmtpStage.Unknown ? L.Stage : $"{L.Stage} {d.Stage}");
        return string.Join(", ", parts);

        static string Code(string word, string? value, Range at) =>
            word + (value is null ? string.Empty : " " + value) + (at.End.Value > at.Start.Value ? " " + Position(at) : string.Empty);
    }

    // '^' under each phrase the deciding rule found, '~' under the codes it read, in the columns of the shown text (a
    // masked address before a mark shifts it); none when the text is not one line or a mark would not fall on its text.
    private string? Marks(ReadOnlySpan<char> input, string shown, RuleCandidate decided, RelayBlockDiagnosis d)
    {
        if (shown.AsSpan().IndexOfAny('\n', '\r', '\t') >= 0)
            return null;
        var marks = new StringBuilder();
        bool any = false;
        string text = input.ToString();
        void Mark(Range at, char mark)
        {
            int start = at.Start.Value, end = at.End.Value;
            if (end <= start || end > text.Length)
                return;
            int column = explainer.ShowText(text[..start]).Length;
            if (column + end - start > shown.Length ||
                !shown.AsSpan(column, end - start).Equals(text.AsSpan(start, end - start), StringComparison.Ordinal))
                return;
            if (marks.Length < column + end - start)
                marks.Append(' ', column + end - start - marks.Length);
            for (int i = column; i < column + end - start; i++)
                marks[i] = mark;
            any = true;
        }

        if (decided.UsedReplyCode)
            Mark(d.Evidence.ReplyCodeRange, '~');
        if (decided.UsedEnhancedCode)
            Mark(d.Evidence.EnhancedCodeRange, '~');
        foreach (var phrase in decided.Phrases)
            Mark(phrase.Range, '^');
        return any ? marks.ToString() : null;
    }

    private void Line(string label, string value, int width) => output.WriteLine(("  " + label + Colon).PadRight(width) + value);
}
