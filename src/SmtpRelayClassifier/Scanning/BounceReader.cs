using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Scanning;

/// <summary>
/// Reads bounce messages: RFC 3464 delivery-status reports (<c>Final-Recipient</c>, <c>Action</c>, <c>Status</c>,
/// <c>Remote-MTA</c>, <c>Diagnostic-Code</c>) with MimeKit, one result per recipient the report names as failed, delayed,
/// delivered, relayed or expanded; a bounce that is no such report falls back to the server reply quoted in its text. The
/// messages that report no failure come out too, with <see cref="RelayBlockDiagnosis.IsFailure"/> false and
/// <see cref="RelayBlockDiagnosis.NotFailure"/> naming them: delay notices (<c>Action: delayed</c>, Exim's and Sendmail's
/// text warnings; they keep the kind their diagnostic gives), delivered, relayed and expanded notices, ARF feedback
/// reports (RFC 5965, with <see cref="BounceFailure.FeedbackType"/>), DMARC aggregate reports (RFC 7489, recognized by
/// subject, attachment name or XML root; compressed attachments are not opened) and automatic replies (RFC 3834).
/// A message whose <c>Date</c> is outside <see cref="MailLogReaderOptions.Since"/> and <see cref="MailLogReaderOptions.Until"/>
/// is read past and counted; one without a <c>Date</c> is kept. Reads single <c>.eml</c> messages and mbox
/// files; each message of an mbox is parsed on its own, within the limits of <see cref="MailLogReaderOptions"/>, and
/// a message that is too large or cannot be read is counted in <see cref="Skipped"/>. Each message read is logged
/// (<see cref="SmtpFailureEventIds.BounceRead"/>, Debug), and each message read past with its number and reason
/// (<see cref="SmtpFailureEventIds.BounceSkipped"/>, Information). Thread-safe.
/// </summary>
public sealed class BounceReader
{
    private readonly ISmtpFailureClassifier _classifier;
    private static readonly ParserOptions Parsing = new() { MaxMimeDepth = 32 };

    private readonly MailLogReaderOptions _options;
    private readonly ILogger _logger;
    private readonly SkipCounter _skipped = new();

    /// <summary>Creates a reader.</summary>
    /// <param name="classifier">The classifier; null takes <see cref="SmtpFailureClassifier.Default"/>.</param>
    /// <param name="options">
    /// Whether addresses are kept in full (<see cref="MailLogReaderOptions.ShowFullAddresses"/>) and the limits of a message
    /// (<see cref="MailLogReaderOptions.MaxMessageSize"/>, <see cref="MailLogReaderOptions.MaxHeaderLength"/>); null
    /// takes the defaults.
    /// </param>
    /// <param name="logger">The logger of the messages read and read past; null takes <see cref="NullLogger.Instance"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public BounceReader(ISmtpFailureClassifier? classifier = null, MailLogReaderOptions? options = null, ILogger? logger = null)
    {
        _classifier = classifier ?? SmtpFailureClassifier.Default;
        _options = options ?? MailLogReaderOptions.Default;
        _options.Validate(nameof(options));
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// The messages this reader has read past so far, over all its reads (<see cref="SkipReason.MessageTooLarge"/>,
    /// <see cref="SkipReason.HeaderTooLong"/>, <see cref="SkipReason.UnreadableMessage"/>, and by their <c>Date</c>
    /// <see cref="SkipReason.BeforeSince"/>, <see cref="SkipReason.AtOrAfterUntil"/>); counts grow while a read goes
    /// on. Use one reader per file for the counts of one file.
    /// </summary>
    public SkipCounts Skipped => _skipped.Snapshot();

    /// <summary>Reads one bounce message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>One result per recipient reported on, or one for a report about no failure; empty when the message holds neither.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public IReadOnlyList<BounceFailure> Read(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Read(message, number: null);
    }

    // The number is the message's place in the file it was read from, or null for a message given as it is.
    private List<BounceFailure> Read(MimeMessage message, long? number)
    {
        if (_options.Outside(message.Headers.Contains(HeaderId.Date) ? message.Date : null) is { } outside)
        {
            Skip(outside, number ?? 1);
            return [];
        }

        var report = message.BodyParts.OfType<MessageDeliveryStatus>().FirstOrDefault();
        var failures = Recognize(message, report);
        ReaderLog.BounceRead(_logger, number, failures.Count, report is not null, null);
        return failures;
    }

    // The reports about no failure first, then the delivery-status report, a vacation reply, the reply quoted in the
    // text, and last a message only marked as sent by a program (bounces are marked so too).
    private List<BounceFailure> Recognize(MimeMessage message, MessageDeliveryStatus? report)
    {
        if (ReportRecognizer.FeedbackReport(message) is { } feedback)
            return [Feedback(message, feedback)];
        if (ReportRecognizer.IsDmarcAggregateReport(message, out string? submitter, out string? domain))
        {
            string summary = $"A DMARC aggregate report{(domain is null ? string.Empty : " for " + domain)}{(submitter is null ? string.Empty : " from " + submitter)}: not a failure.";
            return [Notice(message, NotFailureKind.DmarcAggregateReport, "bounce.dmarc-aggregate-report", summary, submitter, recipient: null)];
        }

        if (report is not null)
            return FromReport(message, report);
        if (ReportRecognizer.IsVacationReply(message))
            return [AutoReply(message)];
        var failures = FromText(message);
        if (failures.Count == 0 && ReportRecognizer.IsAutoSubmittedReply(message))
            return [AutoReply(message)];
        return failures;
    }

    private BounceFailure Feedback(MimeMessage message, MessageFeedbackReport report)
    {
        string? type = ReportRecognizer.FeedbackType(report);
        string? recipient = TypedValue(report.Fields["Original-Rcpt-To"]);
        string? reporter = TypedValue(report.Fields["Reporting-MTA"]) ?? message.From.Mailboxes.FirstOrDefault()?.Domain;
        string summary = $"A feedback report (ARF){(type is null ? string.Empty : " of type " + type)}: a complaint about a delivered message, not a failure.";
        return Notice(message, NotFailureKind.FeedbackReport, "bounce.feedback-report", summary, reporter, recipient) with { FeedbackType = type };
    }

    private BounceFailure AutoReply(MimeMessage message)
    {
        string? sender = message.From.Mailboxes.FirstOrDefault()?.Address;
        return Notice(message, NotFailureKind.AutoReply, "bounce.auto-reply", "An automatic reply (out of office, vacation, auto-responder): the message arrived; not a failure.",
            server: null, sender);
    }

    private BounceFailure Notice(MimeMessage message, NotFailureKind kind, string ruleId, string summary, string? server, string? recipient, string? action = null) =>
        Result(message, recipient, action, server, NotFailures.Notice(kind, ruleId, summary, server, recipient), isReport: action is not null);

    /// <summary>Reads one message file (<c>.eml</c>).</summary>
    /// <param name="stream">The message; reading stops as soon as it is over a limit.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The failures; empty when the message holds none, or when it is over a limit or no mail message (then counted in <see cref="Skipped"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public async Task<IReadOnlyList<BounceFailure>> ReadMessageAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var results = new List<BounceFailure>();
        await foreach (var failure in ReadPartsAsync(stream, mbox: false, cancellationToken).ConfigureAwait(false))
            results.Add(failure);
        return results;
    }

    /// <summary>Reads an mbox file, message after message, in memory bounded by <see cref="MailLogReaderOptions.MaxMessageSize"/>.</summary>
    /// <param name="stream">The mbox.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The failures of every message, in order; a message over a limit or that cannot be read is counted in <see cref="Skipped"/> and reading goes on with the next.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public IAsyncEnumerable<BounceFailure> ReadMboxAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadPartsAsync(stream, mbox: true, cancellationToken);
    }

    private async IAsyncEnumerable<BounceFailure> ReadPartsAsync(Stream stream, bool mbox, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var splitter = new MessageSplitter(_options, mbox);
        long number = 0;
        await foreach (var part in splitter.SplitAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            number++;
            if (part.Skipped is { } reason)
            {
                Skip(reason, number);
                continue;
            }

            if (Parse(part.Bytes, number) is not { } failures)
                continue;
            foreach (var failure in failures)
                yield return failure;
        }

        // An empty .eml is no message either.
        if (number == 0 && !mbox)
            Skip(SkipReason.UnreadableMessage, 1);
    }

    private void Skip(SkipReason reason, long number)
    {
        _skipped.Add(reason);
        ReaderLog.BounceSkipped(_logger, number, reason, null);
    }

    private List<BounceFailure>? Parse(ReadOnlyMemory<byte> bytes, long number)
    {
        MemoryMarshal.TryGetArray(bytes, out var segment);
        using var content = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
        try
        {
            // Persistent: the parts' contents stay in the message's buffer instead of being copied.
            return Read(new MimeParser(Parsing, content, persistent: true).ParseMessage(), number);
        }
        catch (FormatException)
        {
            Skip(SkipReason.UnreadableMessage, number);
            return null;
        }
    }

    private List<BounceFailure> FromReport(MimeMessage message, MessageDeliveryStatus report)
    {
        var results = new List<BounceFailure>();
        foreach (var group in report.StatusGroups.Skip(1))
        {
            string? action = group["Action"]?.Trim().ToLowerInvariant();
            string? recipient = TypedValue(group["Final-Recipient"]) ?? TypedValue(group["Original-Recipient"]);
            string? remote = TypedValue(group["Remote-MTA"]);
            if (action is "delivered" or "relayed" or "expanded")
            {
                var (kind, words) = action switch
                {
                    "delivered" => (NotFailureKind.DeliveredNotice, "delivered"),
                    "relayed" => (NotFailureKind.RelayedNotice, "relayed to a system that sends no reports"),
                    _ => (NotFailureKind.ExpandedNotice, "expanded to the members of a list or alias"),
                };
                results.Add(Notice(message, kind, "bounce.dsn-" + action, $"The message was {words}: not a failure.", remote, recipient, action));
                continue;
            }

            if (action is not ("failed" or "delayed"))
                continue;
            string? diagnostic = group["Diagnostic-Code"];
            var status = EnhancedStatusCode.TryParse((group["Status"] ?? string.Empty).Trim(), out var code) ? code : (EnhancedStatusCode?)null;

            var context = new SmtpFailureContext { Source = DiagnosisSource.RemoteServer, Server = remote };
            var diagnosis = _classifier.Classify(Unfold(diagnostic) ?? (status?.ToString() ?? string.Empty), context);
            if (diagnosis.EnhancedStatusCode is null && status is not null && diagnosis.Kind == SmtpFailureKind.Unknown)
                diagnosis = _classifier.Classify(status.ToString() + " " + (Unfold(diagnostic) ?? string.Empty), context);
            if (diagnosis.Mailbox is null && recipient is not null)
                diagnosis = diagnosis with { Mailbox = recipient };
            if (action == "delayed")
                diagnosis = NotFailures.AsDelay(diagnosis);
            results.Add(Result(message, recipient, action, remote, diagnosis, isReport: true));
        }

        return results;
    }

    private List<BounceFailure> FromText(MimeMessage message)
    {
        string text = message.TextBody ?? message.HtmlBody ?? string.Empty;
        var context = new SmtpFailureContext { Source = DiagnosisSource.RemoteServer };
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            // Exim puts the host and reply on the line after "SMTP error from remote mail server after …:".
            if (line.StartsWith("SMTP error from remote mail server", StringComparison.OrdinalIgnoreCase) && i + 1 < lines.Length)
                line = line + " " + lines[i + 1].Trim();
            if (!SmtpReplyParser.TryParse(line, out var reply) || reply.Code < 400 || reply.Code > 599)
                continue;
            var diagnosis = _classifier.Classify(line, context);
            if (ReportRecognizer.IsDelayWarning(message, text))
                diagnosis = NotFailures.AsDelay(diagnosis);
            string? remote = diagnosis.Server;
            // Exim names the host on the line before: "host mx.example.org [192.0.2.4]".
            if (remote is null && i > 0 && lines[i - 1].Trim() is var previous && previous.StartsWith("host ", StringComparison.Ordinal))
                remote = previous[5..].Split(' ', 2)[0];
            return [Result(message, diagnosis.Mailbox, action: null, remote, diagnosis, isReport: false)];
        }

        return [];
    }

    private BounceFailure Result(MimeMessage message, string? recipient, string? action, string? remote, RelayBlockDiagnosis diagnosis, bool isReport)
    {
        if (!_options.ShowFullAddresses)
        {
            recipient = AddressRedactor.MaskOrNull(recipient);
            diagnosis = AddressRedactor.Redact(diagnosis);
        }

        return new BounceFailure
        {
            Recipient = recipient,
            Action = action,
            RemoteHost = remote,
            Diagnosis = diagnosis,
            IsDeliveryStatusReport = isReport,
            MessageId = message.MessageId,
        };
    }

    // "rfc822; bob@example.org" -> "bob@example.org"; "dns; mx.example.org" -> "mx.example.org"
    private static string? TypedValue(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
            return null;
        int semicolon = field.IndexOf(';', StringComparison.Ordinal);
        string value = (semicolon >= 0 ? field[(semicolon + 1)..] : field).Trim().Trim('<', '>');
        return value.Length == 0 ? null : value;
    }

    private static string? Unfold(string? field) =>
        field is null ? null : string.Join(' ', field.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
}
