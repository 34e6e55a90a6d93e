using System;
using System.IO;
using System.Linq;

namespace SmtpRelayClassifier.Benchmarks;

/// <summary>The benchmark corpus: real replies with their sources (Corpus/replies.tsv).</summary>
internal static class Corpus
{
    public static string[] Replies { get; } = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Corpus", "replies.tsv"))
        .Where(l => l.Length > 0 && l[0] != '#')
        .Select(l => l.Split('\t')[0])
        .ToArray();
}
