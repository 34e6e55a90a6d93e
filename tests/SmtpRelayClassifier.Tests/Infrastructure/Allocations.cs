using System;

namespace SmtpRelayClassifier.Tests.Infrastructure;

/// <summary>Counts what a call allocates on the current thread once it is warm.</summary>
internal static class Allocations
{
    /// <summary>
    /// The fewest bytes that <paramref name="calls"/> calls allocate, over a few rounds after a warm-up. A call that
    /// allocates allocates in every round; the runtime's own one-off work on the calling thread (tiering a method up,
    /// starting its timer) lands in one round at most, so the least of the rounds is exact.
    /// </summary>
    public static long PerRound(Action call, int calls = 1_000, int rounds = 5)
    {
        for (int i = 0; i < calls; i++)
            call();

        long least = long.MaxValue;
        for (int round = 0; round < rounds; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < calls; i++)
                call();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
