namespace SmtpRelayClassifier.Scanning;

/// <summary>Why a reader passed over part of its input without classifying it. Counted in <see cref="SkipCounts"/>.</summary>
public enum SkipReason
{
    /// <summary>A log line longer than <see cref="MailLogReaderOptions.MaxLineLength"/>: read past up to its end.</summary>
    LineTooLong,

    /// <summary>Compressed (gzip) data that does not decompress: the rest of the log is not read.</summary>
    CorruptCompressedData,

    /// <summary>A message larger than <see cref="MailLogReaderOptions.MaxMessageSize"/>: read past, not parsed.</summary>
    MessageTooLarge,

    /// <summary>A message with a header field (with its folded lines) longer than <see cref="MailLogReaderOptions.MaxHeaderLength"/>: read past, not parsed.</summary>
    HeaderTooLong,

    /// <summary>A message that is no mail message (its headers cannot be read).</summary>
    UnreadableMessage,

    /// <summary>A failure line, or a message by its <c>Date</c> header, from before <see cref="MailLogReaderOptions.Since"/>.</summary>
    BeforeSince,

    /// <summary>A failure line, or a message by its <c>Date</c> header, from <see cref="MailLogReaderOptions.Until"/> or after.</summary>
    AtOrAfterUntil,
}
