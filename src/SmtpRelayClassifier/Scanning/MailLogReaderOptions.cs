using System;
using System.ComponentModel;

namespace SmtpRelayClassifier.Scanning;

/// <summary>How mail logs and bounce messages are read. Immutable; the defaults are safe for sharing results.</summary>
public sealed class MailLogReaderOptions
{
    /// <summary>The defaults.</summary>
    public static MailLogReaderOptions Default { get; } = new();

    /// <summary>
    /// Keep the addresses of results in full: the sender, the recipient, the diagnosis's mailbox and reply text.
    /// Default: false, so <c>bob@example.org</c> is given as <c>b***@example.org</c>. The same option as
    /// <see cref="ExplanationOptions.ShowFullAddresses"/> and <see cref="SmtpFailureLogOptions.ShowFullAddresses"/>.
    /// </summary>
    public bool ShowFullAddresses { get; init; }

    /// <summary>The opposite of <see cref="ShowFullAddresses"/>, under its former name. Default: true.</summary>
    [Obsolete("Use ShowFullAddresses (its opposite): RedactAddresses = false is ShowFullAddresses = true.")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool RedactAddresses
    {
        get => !ShowFullAddresses;
        init => ShowFullAddresses = !value;
    }

    /// <summary>
    /// The longest log line kept, in bytes (256 B to 256 MiB); longer lines are read past without being classified and
    /// counted as <see cref="SkipReason.LineTooLong"/>. Default: 1 MiB.
    /// </summary>
    public int MaxLineLength { get; init; } = 1 << 20;

    /// <summary>
    /// The largest bounce message parsed, in bytes (64 KiB to 1 GiB), the <c>From </c> line of an mbox message
    /// included; a larger message is read past and counted as <see cref="SkipReason.MessageTooLarge"/>. A message is
    /// held in memory while it is read, so this bounds the memory of <see cref="BounceReader"/>. Default: 32 MiB.
    /// </summary>
    public int MaxMessageSize { get; init; } = 32 << 20;

    /// <summary>
    /// The longest header field of a bounce message, its folded lines included, in bytes (1 KiB to 16 MiB); a message with
    /// a longer one is read past and counted as <see cref="SkipReason.HeaderTooLong"/> (MimeKit's time grows with the
    /// square of a header's length). Default: 64 KiB.
    /// </summary>
    public int MaxHeaderLength { get; init; } = 64 << 10;

    /// <summary>
    /// Only what happened at or after this time is read: a failure line whose timestamp is earlier, or a bounce whose
    /// <c>Date</c> header is, is read past and counted as <see cref="SkipReason.BeforeSince"/>. A line or message without a
    /// readable time is kept. Default: null (no lower bound).
    /// </summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>
    /// Only what happened before this time is read (the bound itself is left out, so <c>Since</c> = a day's midnight and
    /// <c>Until</c> = the next midnight read that one day): a later failure line or bounce is read past and counted as
    /// <see cref="SkipReason.AtOrAfterUntil"/>. A line or message without a readable time is kept. Default: null (no upper bound).
    /// </summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>
    /// The time a syslog timestamp without a year (<c>Nov 28 01:19:40</c>, local time) is read against: it takes the year
    /// of this time, or the year before when that would put it more than a day after this time (a December line read in
    /// January). Give the log file's last write time. Default: null, the time the reader was made.
    /// </summary>
    public DateTimeOffset? TimestampReference { get; init; }

    /// <summary>The reason to read past something of this time, or null when it is inside <see cref="Since"/> and <see cref="Until"/> (or has no time).</summary>
    internal SkipReason? Outside(DateTimeOffset? time) =>
        time is not { } t ? null : t < Since ? SkipReason.BeforeSince : t >= Until ? SkipReason.AtOrAfterUntil : null;

    /// <summary>Throws when an option is out of range.</summary>
    internal void Validate(string parameterName)
    {
        if (MaxLineLength is < 256 or > 1 << 28)
            throw new ArgumentException($"MaxLineLength must be between 256 bytes and 256 MiB; {MaxLineLength} was given.", parameterName);
        if (MaxMessageSize is < 64 << 10 or > 1 << 30)
            throw new ArgumentException($"MaxMessageSize must be between 64 KiB and 1 GiB; {MaxMessageSize} was given.", parameterName);
        if (MaxHeaderLength is < 1 << 10 or > 16 << 20)
            throw new ArgumentException($"MaxHeaderLength must be between 1 KiB and 16 MiB; {MaxHeaderLength} was given.", parameterName);
        if (Since is { } since && Until is { } until && since >= until)
            throw new ArgumentException($"Since ({since:o}) must be before Until ({until:o}).", parameterName);
    }
}
