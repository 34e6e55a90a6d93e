using System;
using System.IO;
using System.Linq;
using MimeKit;

namespace SmtpRelayClassifier.Scanning;

/// <summary>
/// Recognizes the messages a mailbox of bounces also holds that report no failure, by their headers, part types and
/// attachment names, without opening compressed attachments: ARF feedback reports (RFC 5965), DMARC aggregate reports
/// (RFC 7489 §7.2.1.1), automatic replies (RFC 3834 and the headers vacation programs add) and delay warnings sent as
/// plain text (Exim's, Sendmail's). Thread-safe.
/// </summary>
internal static class ReportRecognizer
{
    // Uncompressed XML is looked into up to this size for DMARC's root elements.
    private const int MaxXmlPeek = 64 << 10;

    // Words of the subjects Outlook/Exchange, Gmail and vacation programs give automatic replies (vacation(1): "I am on vacation").
    private static readonly string[] AutoReplySubjects =
    [
        "automatic reply", "auto-reply", "autoreply", "auto reply", "out of office", "vacation", "away from my mail",
        "automatische antwort", "abwesenheitsnotiz", "réponse automatique", "respuesta automática", "fuera de la oficina",
    ];

    /// <summary>The ARF report's part (<c>message/feedback-report</c>), or null when the message is no feedback report.</summary>
    public static MessageFeedbackReport? FeedbackReport(MimeMessage message) =>
        message.BodyParts.OfType<MessageFeedbackReport>().FirstOrDefault();

    /// <summary>The report's <c>Feedback-Type</c>, lowercased; null when it has none.</summary>
    public static string? FeedbackType(MessageFeedbackReport report) =>
        report.Fields["Feedback-Type"]?.Trim().ToLowerInvariant() is { Length: > 0 } type ? type : null;

    /// <summary>
    /// True for a DMARC aggregate report: a subject <c>Report Domain: … Submitter: …</c>, an attachment named
    /// <c>receiver!policy-domain!begin!end[!id].xml|zip|gz</c>, or an uncompressed XML attachment whose root is
    /// <c>feedback</c> with <c>report_metadata</c>. <paramref name="submitter"/> and <paramref name="domain"/> are what the
    /// name or subject says.
    /// </summary>
    public static bool IsDmarcAggregateReport(MimeMessage message, out string? submitter, out string? domain)
    {
        submitter = domain = null;
        string subject = message.Subject ?? string.Empty;
        int reportDomain = subject.IndexOf("Report Domain:", StringComparison.OrdinalIgnoreCase);
        int submitted = subject.IndexOf("Submitter:", StringComparison.OrdinalIgnoreCase);
        if (reportDomain >= 0 && submitted > reportDomain)
        {
            domain = FirstWord(subject[(reportDomain + 14)..]);
            submitter = FirstWord(subject[(submitted + 10)..]);
            return true;
        }

        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            if (part.FileName is { } name && DmarcFileName(name, out submitter, out domain))
                return true;
            if (part.ContentType.MimeType is "text/xml" or "application/xml" && LooksLikeDmarcXml(part))
                return true;
        }

        return false;
    }

    /// <summary>
    /// True for an automatic reply by the headers only vacation programs set (<c>X-Autoreply</c>, <c>X-Autorespond</c>,
    /// <c>Precedence: auto_reply</c>), or by its subject (<c>Automatic reply:</c>, <c>Out of Office</c>, "vacation", …) when a
    /// header also says a program sent it (<c>Auto-Submitted</c> other than <c>no</c>, <c>Precedence: bulk</c> or <c>junk</c>,
    /// <c>X-Auto-Response-Suppress</c>). Bounces carry none of the first and no such subject.
    /// </summary>
    public static bool IsVacationReply(MimeMessage message)
    {
        var headers = message.Headers;
        string precedence = headers["Precedence"]?.Trim().ToLowerInvariant() ?? string.Empty;
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || headers.Contains("X-Autoresponder") || precedence == "auto_reply")
            return true;
        string automated = headers["Auto-Submitted"]?.Trim() ?? "no";
        bool byProgram = !automated.StartsWith("no", StringComparison.OrdinalIgnoreCase) || precedence is "bulk" or "junk"
            || headers.Contains("X-Auto-Response-Suppress");
        string subject = message.Subject ?? string.Empty;
        return byProgram && AutoReplySubjects.Any(s => subject.Contains(s, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// True when the message says it was sent in reply by a program (RFC 3834 §5: <c>Auto-Submitted: auto-replied</c>).
    /// Bounces say so too, so this is read only when the message holds no failure.
    /// </summary>
    public static bool IsAutoSubmittedReply(MimeMessage message) =>
        message.Headers["Auto-Submitted"]?.Trim().StartsWith("auto-replied", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// True for a plain-text warning that a message is still being retried: Exim's (subject <c>Warning: message … delayed</c>,
    /// "has not yet been delivered") and Sendmail's and Postfix's ("THIS IS A WARNING").
    /// </summary>
    public static bool IsDelayWarning(MimeMessage message, string text)
    {
        string subject = message.Subject ?? string.Empty;
        return (subject.StartsWith("Warning: message ", StringComparison.OrdinalIgnoreCase) && subject.Contains(" delayed", StringComparison.OrdinalIgnoreCase))
            || subject.StartsWith("Delayed Mail", StringComparison.OrdinalIgnoreCase)
            || text.Contains("has not yet been delivered", StringComparison.OrdinalIgnoreCase)
            || text.Contains("THIS IS A WARNING", StringComparison.Ordinal);
    }

    // "google.com!example.com!1609459200!1609545599.zip", "enterprise.protection.outlook.com!example.com!1609459200!1609545600!id.xml.gz"
    private static bool DmarcFileName(string name, out string? submitter, out string? domain)
    {
        submitter = domain = null;
        var fields = name.Split('!');
        if (fields.Length is < 4 or > 5 || fields[0].Length == 0 || fields[1].Length == 0)
            return false;
        string last = fields[^1];
        int dot = last.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || last[dot..].ToLowerInvariant() is not (".xml" or ".zip" or ".gz" or ".xml.gz"))
            return false;
        string end = fields.Length == 4 ? last[..dot] : fields[3];
        if (!fields[2].All(char.IsAsciiDigit) || end.Length == 0 || !end.All(char.IsAsciiDigit))
            return false;
        (submitter, domain) = (fields[0], fields[1]);
        return true;
    }

    // Only an uncompressed attachment, and only its first 64 KiB: enough for the root element and the metadata.
    private static bool LooksLikeDmarcXml(MimePart part)
    {
        if (part.Content is null)
            return false;
        using var content = new MemoryStream();
        part.Content.DecodeTo(new BoundedStream(content, MaxXmlPeek));
        string xml = System.Text.Encoding.UTF8.GetString(content.GetBuffer(), 0, (int)content.Length);
        return xml.Contains("<feedback", StringComparison.Ordinal) && xml.Contains("<report_metadata", StringComparison.Ordinal);
    }

    private static string? FirstWord(string text) =>
        text.Trim().Split(' ', 2)[0] is { Length: > 0 } word ? word : null;

    /// <summary>A stream that keeps the first bytes written to it up to a size and drops the rest.</summary>
    private sealed class BoundedStream(MemoryStream inner, int limit) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            int room = (int)Math.Max(0, limit - inner.Length);
            inner.Write(buffer, offset, Math.Min(room, count));
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
