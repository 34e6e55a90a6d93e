using System;
using System.ComponentModel;

namespace SmtpRelayClassifier;

/// <summary>What the log events may contain. Immutable; the defaults keep personal data out.</summary>
public sealed class SmtpFailureLogOptions
{
    /// <summary>The defaults: addresses masked, no reply text.</summary>
    public static SmtpFailureLogOptions Default { get; } = new();

    /// <summary>
    /// Log e-mail addresses in full and attach an exception as it is. Default: false, so <c>bob@example.org</c> is
    /// logged as <c>b***@example.org</c> in every field and message, and an exception is attached as its
    /// <see cref="RedactedException"/> copy. The same option as <see cref="ExplanationOptions.ShowFullAddresses"/> and
    /// <c>MailLogReaderOptions.ShowFullAddresses</c>.
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

    /// <summary>Log the server's reply text (with addresses masked unless <see cref="ShowFullAddresses"/>). Default: false.</summary>
    public bool IncludeReplyText { get; init; }
}
