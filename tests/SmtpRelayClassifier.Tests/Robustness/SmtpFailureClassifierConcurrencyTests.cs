using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using SmtpRelayClassifier.Fuzz;
using SmtpRelayClassifier.Scanning;
using SmtpRelayClassifier.Tests.Data;
using Xunit;

namespace SmtpRelayClassifier.Tests.Robustness;

/// <summary>
/// The classifier, the explainer and the log reader say they are thread-safe: one instance of each, shared by
/// several threads that start together, must give every input the answer one thread gives it.
/// </summary>
public sealed class SmtpFailureClassifierConcurrencyTests
{
    private const int Threads = 8;
    private const int Rounds = 12;

    private static readonly CultureInfo[] Cultures = [.. new[] { "en", "fr", "de", "es" }.Select(CultureInfo.GetCultureInfo)];

    private enum InputKind { Reply, Dialog, LogLine }

    private sealed record Input(InputKind Kind, string Text, SmtpStage Stage);

    [Fact]
    public void Classify_OneInstanceSharedByEightThreads_GivesTheSingleThreadResults()
    {
        var inputs = Corpus();
        // The reference comes from instances of its own, so that the shared ones start cold: their first uses race.
        var expected = inputs.Select((input, i) => Describe(new Instances(), input, i)).ToArray();
        var shared = new Instances();

        using var barrier = new Barrier(Threads);
        var mismatches = new List<string>();
        int compared = 0;
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            barrier.SignalAndWait();
            for (int round = 0; round < Rounds; round++)
            {
                for (int k = 0; k < inputs.Count; k++)
                {
                    // Each thread walks the corpus from another place, so different inputs meet.
                    int i = (k + t * inputs.Count / Threads) % inputs.Count;
                    string actual;
                    try
                    {
                        actual = Describe(shared, inputs[i], i);
                    }
                    catch (Exception e)
                    {
                        actual = "threw " + e;   // an exception on a thread of its own would end the test run
                    }
                    Interlocked.Increment(ref compared);
                    if (actual != expected[i])
                    {
                        lock (mismatches)
                            mismatches.Add($"thread {t}, round {round}, input {i} ({inputs[i].Text}):\n  expected {expected[i]}\n  actual   {actual}");
                    }
                }
            }
        }) { IsBackground = true }).ToList();

        threads.ForEach(t => t.Start());
        Assert.All(threads, t => Assert.True(t.Join(TimeSpan.FromMinutes(2)), "a thread did not finish"));

        Assert.Empty(mismatches.Take(5));
        Assert.Equal(Threads * Rounds * inputs.Count, compared);
    }

    [Fact]
    public void Corpus_HoldsRepliesDialogsAndLogLines()
    {
        var kinds = Corpus().GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(kinds[InputKind.Reply] > 300, $"{kinds[InputKind.Reply]} replies");
        Assert.True(kinds[InputKind.Dialog] >= 6, $"{kinds[InputKind.Dialog]} dialogs");
        Assert.True(kinds[InputKind.LogLine] >= 15, $"{kinds[InputKind.LogLine]} log lines");
    }

    // The real replies with the stage they answered, then every seed of the fuzz corpus as text.
    private static List<Input> Corpus()
    {
        var inputs = RealReplies.All().Select(c => new Input(InputKind.Reply, c.Reply, c.Stage)).ToList();
        inputs.AddRange(Seeds("classifier").Select(s => new Input(InputKind.Reply, s, SmtpStage.Unknown)));
        inputs.AddRange(Seeds("outlook-dialog").Select(s => new Input(InputKind.Dialog, s, SmtpStage.Unknown)));
        inputs.AddRange(Seeds("log-reader").SelectMany(s => s.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Distinct()
            .Select(s => new Input(InputKind.LogLine, s, SmtpStage.Unknown)));
        return inputs;
    }

    private static IEnumerable<string> Seeds(string target) =>
        FuzzTargetsTests.SeedsOf(FuzzTargets.Find(target)).Select(b => Encoding.UTF8.GetString(b));

    // Everything the instances answer for one input, as text: the diagnoses of every entry point and an explanation.
    private static string Describe(Instances x, Input input, int index)
    {
        var context = SmtpFailureContext.ForStage(input.Stage);
        RelayBlockDiagnosis diagnosis;
        var sb = new StringBuilder();
        switch (input.Kind)
        {
            case InputKind.Reply:
                diagnosis = x.Classifier.Classify(input.Text, context);
                sb.Append(x.Classifier.ClassifyBrief(input.Text, context)).Append('|')
                    .Append(x.Classifier.ClassifyKind(input.Text, context)).Append('|')
                    .Append(FuzzTargets.Fingerprint(x.Classifier.Classify(Encoding.UTF8.GetBytes(input.Text), context))).Append('|');
                break;
            case InputKind.Dialog:
                diagnosis = x.Classifier.ClassifyOutlookDialog(input.Text);
                sb.Append(OutlookErrorDialog.TryParse(input.Text, out var dialog) ? dialog : null).Append('|');
                break;
            default:
                var failure = x.Logs.TryRead(input.Text, index);
                if (failure is null)
                    return "no failure";
                diagnosis = failure.Diagnosis;
                sb.Append(failure with { Diagnosis = failure.Diagnosis with { Causes = [], Remedies = [] } }).Append('|');
                break;
        }

        var explanation = x.Explainer.Explain(diagnosis, Cultures[index % Cultures.Length]);
        return sb.Append(FuzzTargets.Fingerprint(diagnosis)).Append('|')
            .Append(explanation with { Causes = [], Remedies = [] }).Append('|')
            .AppendJoin(';', explanation.Causes).Append('|').AppendJoin(';', explanation.Remedies).ToString();
    }

    private sealed class Instances
    {
        public SmtpFailureClassifier Classifier { get; } = new();
        public DiagnosisExplainer Explainer { get; } = new();
        public MailLogReader Logs { get; }

        public Instances() => Logs = new MailLogReader(Classifier);
    }
}
