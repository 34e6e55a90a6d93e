using System;
using System.Threading;
using SmtpRelayClassifier.Scanning;

namespace SmtpRelayClassifier.Scanning;

/// <summary>A reader's running skip counts. Thread-safe: readers count from several reads at once.</summary>
internal sealed class SkipCounter
{
    private readonly long[] _counts = new long[Enum.GetValues<SkipReason>().Length];

    public void Add(SkipReason reason) => Interlocked.Increment(ref _counts[(int)reason]);

    public SkipCounts Snapshot()
    {
        var copy = new long[_counts.Length];
        for (int i = 0; i < copy.Length; i++)
            copy[i] = Interlocked.Read(ref _counts[i]);
        return new SkipCounts(copy);
    }
}
