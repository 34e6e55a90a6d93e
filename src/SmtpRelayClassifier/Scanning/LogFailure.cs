using System;

namespace SmtpRelayClassifier.Scanning;

/// <summary>One failure found in a mail log, or a deferred delivery (<see cref="RelayBlockDiagnosis.IsFailure"/> false): the diagnosis and the line's context. Immutable.</summary>
public sealed record LogFailure
{
    /// <summary>The line's number, counted from 1.</summary>
    public required long LineNumber { get; init; }

    /// <summary>The log's format.</summary>
    public required MailLogFormat Format { get; init; }

    /// <summary>The diagnosis of the reply or status the line holds.</summary>
    public required RelayBlockDiagnosis Diagnosis { get; init; }

    /// <summary>
    /// The other side of the failed exchange: the remote server a delivery failed at (Postfix <c>relay=</c>, Exim
    /// <c>H=</c>, Sendmail <c>relay=</c>), or the client a server refused (<c>reject: RCPT from host[ip]</c>).
    /// </summary>
    public string? RemoteHost { get; init; }

    /// <summary>The remote side's IP address, when the line gives it.</summary>
    public string? RemoteAddress { get; init; }

    /// <summary>The envelope sender, when the line gives it (redacted unless the options keep addresses).</summary>
    public string? Sender { get; init; }

    /// <summary>The recipient, when the line gives it (redacted unless the options keep addresses).</summary>
    public string? Recipient { get; init; }

    /// <summary>
    /// When the line was written: its syslog (RFC 3164, the year from <see cref="MailLogReaderOptions.TimestampReference"/>),
    /// RFC 3339 or Exim timestamp, local time when it gives no offset; null when the line starts with none of them.
    /// </summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The queue id or message id of the line, when it has one.</summary>
    public string? QueueId { get; init; }
}
