using System.Collections.Generic;
using System.Linq;

namespace SmtpRelayClassifier.Cli;

/// <summary>Counts per key for <see cref="ScanSummary"/>, given most frequent first (then by key). Not thread-safe.</summary>
internal sealed class ScanCounts<TKey>(IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly Dictionary<TKey, long> _counts = new(comparer);

    /// <summary>The sum of all counts.</summary>
    public long Total { get; private set; }

    public void Add(TKey key, long count = 1)
    {
        _counts[key] = _counts.GetValueOrDefault(key) + count;
        Total += count;
    }

    /// <summary>Adds every count of <paramref name="other"/>; a key new here is kept as <paramref name="other"/> wrote it.</summary>
    public void Add(ScanCounts<TKey> other)
    {
        foreach (var (key, count) in other._counts)
            Add(key, count);
    }

    /// <summary>The keys with their counts, the highest count first, equal counts by key (ordinal for text).</summary>
    public IEnumerable<KeyValuePair<TKey, long>> Ordered() =>
        _counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, typeof(TKey) == typeof(string) ? (IComparer<TKey>)(object)System.StringComparer.Ordinal : Comparer<TKey>.Default);
}
