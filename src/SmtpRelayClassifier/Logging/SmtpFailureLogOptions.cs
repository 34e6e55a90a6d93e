namespace SmtpRelayClassifier;

/// <summary>What the log events may contain. Immutable; the defaults keep personal data out.</summary>
public sealed class SmtpFailureLogOptions
{
    /// <summary>The defaults: addresses redacted, no reply text.</summary>
    public static SmtpFailureLogOptions Default { get; } = new();

    /// <summary>
    /// Redact e-mail addresses (<c>bob@example.org</c> is logged as <c>b***@example.org</c>) in every property and scope,
    /// and attach an exception as its <see cref="RedactedException"/> copy. False logs addresses in full and attaches the
    /// original exception object. Default: true.
    /// </summary>
    public bool RedactAddresses { get; init; } = true;

    /// <summary>Log the server's reply text (with addresses redacted when <see cref="RedactAddresses"/>). Default: false.</summary>
    public bool IncludeReplyText { get; init; }
}
