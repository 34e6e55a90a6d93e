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

    /// <summary>Throws when an option is out of range.</summary>
    internal void Validate(string parameterName)
    {
        if (MaxLineLength is < 256 or > 1 << 28)
            throw new ArgumentException($"MaxLineLength must be between 256 bytes and 256 MiB; {MaxLineLength} was given.", parameterName);
        if (MaxMessageSize is < 64 << 10 or > 1 << 30)
            throw new ArgumentException($"MaxMessageSize must be between 64 KiB and 1 GiB; {MaxMessageSize} was given.", parameterName);
        if (MaxHeaderLength is < 1 << 10 or > 16 << 20)
            throw new ArgumentException($"MaxHeaderLength must be between 1 KiB and 16 MiB; {MaxHeaderLength} was given.", parameterName);
    }
}
