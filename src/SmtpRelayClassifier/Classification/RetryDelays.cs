using System;
using System.Collections.Generic;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier;

/// <summary>
/// The rule behind <see cref="RelayBlockDiagnosis.RetryAfter"/>: a permanent failure has none; a transient one waits as
/// long as the server said, or else the default of its kind below (the README's table "Retry after").
/// </summary>
internal static class RetryDelays
{
    /// <summary>The wait for a transient failure nothing below names: Postfix's <c>minimal_backoff_time</c>.</summary>
    public static readonly TimeSpan Otherwise = TimeSpan.FromMinutes(5);

    /// <summary>Greylisting: Postgrey's default <c>--delay</c> is 300 seconds, and a retry before it is refused again.</summary>
    public static readonly TimeSpan Greylisting = TimeSpan.FromMinutes(5);

    private static readonly (SmtpFailureKind Kind, TimeSpan Delay)[] ByKind =
    [
        (RateLimited, TimeSpan.FromMinutes(30)),
        (ServiceUnavailable, TimeSpan.FromMinutes(10)),
        (RecipientVerificationDeferred, TimeSpan.FromMinutes(15)),
        (MessageRejected, TimeSpan.FromMinutes(15)),
        (MailboxFull, TimeSpan.FromHours(1)),
        (ClientBlocked, TimeSpan.FromHours(1)),
    ];

    // The table above indexed by kind, Otherwise where it names none: read for every transient failure.
    private static readonly TimeSpan[] DelayOfKind = IndexByKind();

    /// <summary>The wait before sending again: null when permanent; what the server said, when it did; the kind's default otherwise.</summary>
    public static TimeSpan? For(SmtpFailureKind kind, bool transient, IReadOnlyList<FailureCause> causes, TimeSpan? said)
    {
        if (!transient)
            return null;
        if (said is not null)
            return said;
        if (kind == RateLimited && causes.Count > 0 && causes[0] == FailureCause.Greylisting)
            return Greylisting;
        return (uint)kind < (uint)DelayOfKind.Length ? DelayOfKind[(int)kind] : Otherwise;
    }

    private static TimeSpan[] IndexByKind()
    {
        var delays = new TimeSpan[(int)ProtocolError + 1];
        delays.AsSpan().Fill(Otherwise);
        foreach (var (kind, delay) in ByKind)
            delays[(int)kind] = delay;
        return delays;
    }

    /// <summary>The defaults by kind, for the tests that hold the README to them.</summary>
    internal static IEnumerable<(SmtpFailureKind Kind, TimeSpan Delay)> Table() => ByKind;
}
