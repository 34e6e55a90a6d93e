using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;

namespace SmtpRelayClassifier.Probing.Internal;

/// <summary>
/// The two deadlines of one probe: the whole probe's, fixed when it starts, and the current step's, set when each step
/// starts and never later than the whole probe's. They are deadlines, not idle timers: bytes that keep arriving do not
/// move them. One probe runs its steps one after the other, so one instance serves all its sessions.
/// </summary>
internal sealed class ProbeDeadline
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly TimeSpan _step;
    private readonly TimeSpan _total;
    private TimeSpan _stepEnds;
    private bool _totalRanOut;

    public ProbeDeadline(TimeSpan step, TimeSpan total)
    {
        _step = step;
        _total = total;
        StartStep();
    }

    /// <summary>True once the whole probe's time has run out.</summary>
    public bool TotalPassed => _totalRanOut || Stopwatch.GetElapsedTime(_start) >= _total;

    /// <summary>The time left in the current step.</summary>
    public TimeSpan Remaining => _stepEnds - Stopwatch.GetElapsedTime(_start);

    /// <summary>Starts a step: it must end within the step timeout, and before the whole probe's deadline.</summary>
    public void StartStep()
    {
        var ends = Stopwatch.GetElapsedTime(_start) + _step;
        _stepEnds = ends < _total ? ends : _total;
    }

    /// <summary>A token source that cancels with <paramref name="cancellationToken"/> or when the step's deadline passes.</summary>
    /// <exception cref="TimeoutException">The deadline has already passed.</exception>
    public CancellationTokenSource Link(CancellationToken cancellationToken)
    {
        var left = Remaining;
        if (left <= TimeSpan.Zero)
            throw Expired();
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(left);
        return source;
    }

    /// <summary>The failure of a read or write that passed the deadline.</summary>
    /// <remarks>
    /// A step whose deadline is the whole probe's ends with the whole probe's time, whatever the clock reads when its
    /// timer fires (a timer may fire a little before the stopwatch says the time is up).
    /// </remarks>
    public TimeoutException Expired()
    {
        _totalRanOut |= _stepEnds >= _total;
        return TotalPassed
            ? new TimeoutException($"The probe's total time ({Seconds(_total)} s) ran out.")
            : new TimeoutException($"The step did not end within {Seconds(_step)} s (a deadline, however steadily the server sends).");
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString(CultureInfo.InvariantCulture);
}
