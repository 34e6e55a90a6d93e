using System;
using System.Collections.Generic;
using System.Linq;

namespace SmtpRelayClassifier.Cli.Evaluation;

/// <summary>A classifier measured on labelled replies: accuracy overall, per kind, per source and per confidence.</summary>
internal sealed class CorpusEvaluation
{
    private CorpusEvaluation(IReadOnlyList<CorpusResult> results) => Results = results;

    /// <summary>Every entry with its diagnosis, in corpus order.</summary>
    public IReadOnlyList<CorpusResult> Results { get; }

    /// <summary>The share of entries whose kind is right (the expected kind or an alternative).</summary>
    public double Accuracy => Share(Results, r => r.IsHit);

    /// <summary>The share of entries whose relay flag is right.</summary>
    public double RelayAccuracy => Share(Results, r => r.IsRelayHit);

    /// <summary>Classifies every entry, with the entry's stage as context.</summary>
    /// <param name="entries">The labelled replies.</param>
    /// <param name="classifier">The classifier to measure.</param>
    /// <returns>The evaluation.</returns>
    public static CorpusEvaluation Run(IEnumerable<CorpusEntry> entries, ISmtpFailureClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(classifier);
        var results = new List<CorpusResult>();
        foreach (var entry in entries)
            results.Add(new CorpusResult(entry, classifier.Classify(entry.Reply, SmtpFailureContext.ForStage(entry.Stage))));
        return new CorpusEvaluation(results);
    }

    /// <summary>Accuracy of the entries grouped by a key, largest group first.</summary>
    /// <param name="key">The grouping.</param>
    /// <returns>Per group: the key, the count, the hits.</returns>
    public IEnumerable<(string Key, int Count, int Hits)> By(Func<CorpusResult, string> key) =>
        Results.GroupBy(key)
            .Select(g => (g.Key, g.Count(), g.Count(r => r.IsHit)))
            .OrderByDescending(g => g.Item2)
            .ThenBy(g => g.Key, StringComparer.Ordinal);

    /// <summary>How many entries of each expected kind got each diagnosed kind (a hit on an alternative counts as the expected kind).</summary>
    /// <returns>The counts, indexed [expected, diagnosed].</returns>
    public int[,] Confusion()
    {
        int size = Enum.GetValues<SmtpFailureKind>().Length;
        var matrix = new int[size, size];
        foreach (var result in Results)
        {
            var diagnosed = result.IsHit ? result.Entry.Kind : result.Diagnosis.Kind;
            matrix[(int)result.Entry.Kind, (int)diagnosed]++;
        }

        return matrix;
    }

    /// <summary>The share of a set that satisfies a condition; 0 for an empty set.</summary>
    /// <param name="results">The set.</param>
    /// <param name="condition">The condition.</param>
    /// <returns>The share, 0 to 1.</returns>
    public static double Share(IReadOnlyCollection<CorpusResult> results, Func<CorpusResult, bool> condition) =>
        results.Count == 0 ? 0 : (double)results.Count(condition) / results.Count;
}
