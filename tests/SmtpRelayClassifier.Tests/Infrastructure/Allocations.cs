using System;

namespace SmtpRelayClassifier.Tests.Infrastructure;

/// <summary>Counts what a call allocates on the current thread once it is warm.</summary>
internal static class Allocations
{
    // Rounds go on at least this long: the runtime replaces a method's first, unoptimized code (which may box what the
    // optimized code does not) on a background thread, later on a loaded machine.
    private static readonly TimeSpan MinimumSpan = TimeSpan.FromMilliseconds(500);

    // And while the count still fell in the last MinimumSpan (the optimized code arrived late), up to this long.
    private static readonly TimeSpan MaximumSpan = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The fewest bytes that <paramref name="calls"/> calls allocate, over a few rounds after a warm-up, and over at least
    /// half a second. A call that allocates allocates in every round; the runtime's own one-off work on the calling
    /// thread (tiering a method up, starting its timer) lands in one round at most, so the least of the rounds is exact.
    /// </summary>
    public static long PerRound(Action call, int calls = 1_000, int rounds = 5)
    {
        for (int i = 0; i < calls; i++)
            call();

        long least = long.MaxValue;
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        long lastFall = started;
        for (int round = 0; round < rounds || Since(started) < MinimumSpan || (Since(lastFall) < MinimumSpan && Since(started) < MaximumSpan); round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < calls; i++)
                call();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated < least)
                (least, lastFall) = (allocated, System.Diagnostics.Stopwatch.GetTimestamp());
        }

        return least;
    }

    private static TimeSpan Since(long timestamp) => System.Diagnostics.Stopwatch.GetElapsedTime(timestamp);
}
