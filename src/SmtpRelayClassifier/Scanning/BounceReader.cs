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
/// <c>Remote-MTA</c>, <c>Diagnostic-Code</c>) with MimeKit, one result per failed or delayed recipient; a bounce that
/// is no such report falls back to the server reply quoted in its text. Reads single <c>.eml</c> messages and mbox
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
    /// <see cref="SkipReason.HeaderTooLong"/>, <see cref="SkipReason.UnreadableMessage"/>); counts grow while a read goes
    /// on. Use one reader per file for the counts of one file.
    /// </summary>
    public SkipCounts Skipped => _skipped.Snapshot();

    /// <summary>Reads one bounce message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>One result per failed or delayed recipient; empty when the message holds no failure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public IReadOnlyList<BounceFailure> Read(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Read(message, number: null);
    }

    // The number is the message's place in the file it was read from, or null for a message given as it is.
    private List<BounceFailure> Read(MimeMessage message, long? number)
    {
        var report = message.BodyParts.OfType<MessageDeliveryStatus>().FirstOrDefault();
        var failures = report is not null ? FromReport(message, report) : FromText(message);
        ReaderLog.BounceRead(_logger, number, failures.Count, report is not null, null);
        return failures;
    }

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
            if (action is not ("failed" or "delayed"))
                continue;
            string? recipient = TypedValue(group["Final-Recipient"]) ?? TypedValue(group["Original-Recipient"]);
            string? remote = TypedValue(group["Remote-MTA"]);
            string? diagnostic = group["Diagnostic-Code"];
            var status = EnhancedStatusCode.TryParse((group["Status"] ?? string.Empty).Trim(), out var code) ? code : (EnhancedStatusCode?)null;

            var context = new SmtpFailureContext { Source = DiagnosisSource.RemoteServer, Server = remote };
            var diagnosis = _classifier.Classify(Unfold(diagnostic) ?? (status?.ToString() ?? string.Empty), context);
            if (diagnosis.EnhancedStatusCode is null && status is not null && diagnosis.Kind == SmtpFailureKind.Unknown)
                diagnosis = _classifier.Classify(status.ToString() + " " + (Unfold(diagnostic) ?? string.Empty), context);
            if (diagnosis.Mailbox is null && recipient is not null)
                diagnosis = diagnosis with { Mailbox = recipient };
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
