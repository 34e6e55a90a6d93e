using System;
using System.Diagnostics;
using System.Threading;

namespace SmtpRelayClassifier.Tests.Infrastructure;

/// <summary>
/// Measures how the time of an operation grows from a small input to a larger one, in the same run: for an input ten
/// times larger a linear operation takes about ten times as long, a quadratic one a hundred. Robust on a loaded
/// machine: warmed up, best of several runs, and the small input is timed in a batch of as many runs as the size ratio,
/// so that both samples last about as long and are as likely to be interrupted by the scheduler (a lone small run fits
/// in one time slice, a large one never does). The large input is given up on once it has taken longer than the
/// allowed ratio permits.
/// </summary>
internal static class GrowthTimer
{
    private const int SmallRuns = 2;
    private const int LargeRuns = 3;

    // Below this the clock and the scheduler decide, not the operation: a large run is never given up on sooner.
    private static readonly TimeSpan MinimumPatience = TimeSpan.FromSeconds(2);

    /// <summary>The best time of the small input, the best of the large (null when it was given up on), and their ratio.</summary>
    public readonly record struct Growth(TimeSpan Small, TimeSpan? Large, double Ratio);

    /// <summary>Times <paramref name="small"/> and <paramref name="large"/>, whose inputs differ in size by <paramref name="sizeRatio"/>.</summary>
    public static Growth Measure(Action small, Action large, int sizeRatio, double maxRatio)
    {
        small();
        var bestSmall = TimeSpan.MaxValue;
        for (int i = 0; i < SmallRuns; i++)
        {
            bestSmall = Min(bestSmall, Time(() =>
            {
                for (int run = 0; run < sizeRatio; run++)
                    small();
            }) / sizeRatio);
        }

        var allowed = bestSmall * maxRatio;
        var patience = allowed > MinimumPatience ? allowed : MinimumPatience;
        var bestLarge = TimeSpan.MaxValue;
        for (int i = 0; i < LargeRuns && bestLarge > allowed; i++)
        {
            var run = TimeWithin(large, patience);
            if (run is null)
                return new Growth(bestSmall, null, double.PositiveInfinity);
            bestLarge = Min(bestLarge, run.Value);
        }

        return new Growth(bestSmall, bestLarge, bestLarge / bestSmall);
    }

    // Each sample starts on a collected heap: the garbage other tests left behind is not collected inside it.
    private static TimeSpan Time(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started);
    }

    // Runs the action on its own thread and waits at most the patience given; a run that takes longer is left to end on
    // its own (a background thread), since an operation cannot be stopped from outside.
    private static TimeSpan? TimeWithin(Action action, TimeSpan patience)
    {
        TimeSpan elapsed = default;
        var thread = new Thread(() => elapsed = Time(action)) { IsBackground = true };
        thread.Start();
        return thread.Join(patience) ? elapsed : null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
