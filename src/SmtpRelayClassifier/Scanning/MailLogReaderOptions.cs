namespace SmtpRelayClassifier.Scanning;

/// <summary>How mail logs are read. Immutable; the defaults are safe for sharing results.</summary>
public sealed class MailLogReaderOptions
{
    /// <summary>The defaults.</summary>
    public static MailLogReaderOptions Default { get; } = new();

    /// <summary>Redact the sender and recipient addresses of results (<c>b***@example.org</c>). Default: true.</summary>
    public bool RedactAddresses { get; init; } = true;

    /// <summary>The longest line kept, in bytes; longer lines are read past without being classified. Default: 1 MiB.</summary>
    public int MaxLineLength { get; init; } = 1 << 20;
}
