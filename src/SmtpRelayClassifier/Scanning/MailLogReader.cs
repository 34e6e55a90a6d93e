using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
#if NET
using System.IO.Pipelines;
#endif
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Scanning;

/// <summary>
/// Finds SMTP failures in Postfix, Exim and Sendmail logs and classifies them with their context; a line that defers a
/// delivery (Postfix <c>status=deferred</c>, Exim <c>==</c>, Sendmail <c>dsn=4.x.x</c>) keeps the kind its reply gives but is
/// a <see cref="NotFailureKind.DelayNotice"/>, since the server retries it. Failure lines outside
/// <see cref="MailLogReaderOptions.Since"/> and <see cref="MailLogReaderOptions.Until"/> are read past and counted. The log is read as
/// bytes; a line is decoded and parsed only when it holds one of a few failure markers (a handful of vectorized
/// searches), so the lines that hold no failure allocate nothing. Memory stays bounded by the longest line. Lines end
/// with LF or CRLF, or with CR in a log whose first 256 KiB hold no LF; gzip data (rotated logs) is recognized by its first bytes and decompressed. What is read
/// past is counted in <see cref="Skipped"/> and logged (<see cref="SmtpFailureEventIds.LogLineSkipped"/>, Information), and
/// the end of each log read is logged with its counts (<see cref="SmtpFailureEventIds.LogRead"/>, Debug). Thread-safe: one instance can read several logs at once.
/// </summary>
public sealed class MailLogReader
{
    private const int BufferSize = 1 << 18;

    private readonly ISmtpFailureClassifier _classifier;
    private readonly SmtpFailureClassifier? _package;
    private readonly MailLogReaderOptions _options;
    private readonly ILogger _logger;
    private readonly SkipCounter _skipped = new();
    private readonly DateTimeOffset _reference;

    /// <summary>Creates a reader.</summary>
    /// <param name="classifier">The classifier; null takes <see cref="SmtpFailureClassifier.Default"/>.</param>
    /// <param name="options">How to read; null takes <see cref="MailLogReaderOptions.Default"/>.</param>
    /// <param name="logger">The logger of what is read past and of each log read; null takes <see cref="NullLogger.Instance"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <remarks>
    /// The package's own <see cref="SmtpFailureClassifier"/> also reads the status code a log line gives apart from the reply
    /// (Postfix's <c>dsn=5.7.1</c>); another classifier gets the reply text with its stage, source and host, and that code
    /// fills the diagnosis's <see cref="RelayBlockDiagnosis.EnhancedStatusCode"/> when it found none.
    /// </remarks>
    public MailLogReader(ISmtpFailureClassifier? classifier = null, MailLogReaderOptions? options = null, ILogger? logger = null)
    {
        _classifier = classifier ?? SmtpFailureClassifier.Default;
        _package = _classifier as SmtpFailureClassifier;
        _options = options ?? MailLogReaderOptions.Default;
        _options.Validate(nameof(options));
        _logger = logger ?? NullLogger.Instance;
        _reference = _options.TimestampReference ?? DateTimeOffset.Now;
    }

    /// <summary>
    /// What this reader has read past so far, over all its reads (<see cref="SkipReason.LineTooLong"/>,
    /// <see cref="SkipReason.CorruptCompressedData"/>, and the failure lines outside the time window:
    /// <see cref="SkipReason.BeforeSince"/>, <see cref="SkipReason.AtOrAfterUntil"/>); counts grow while a read goes on. Use one reader per log for the
    /// counts of one log.
    /// </summary>
    public SkipCounts Skipped => _skipped.Snapshot();

    /// <summary>Reads a log and yields its failures in line order.</summary>
    /// <param name="log">The log, UTF-8 (Latin-1 lines are read too).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The failures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    public IAsyncEnumerable<LogFailure> ReadAsync(Stream log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        return ReadCoreAsync(log, cancellationToken);
    }

#if NET
    /// <summary>Reads a log from a pipe and yields its failures in line order.</summary>
    /// <param name="log">The log, UTF-8 (Latin-1 lines are read too). It is read to its end and not completed: the
    /// caller that owns the pipe completes it.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The failures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    public IAsyncEnumerable<LogFailure> ReadAsync(PipeReader log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        return ReadCoreAsync(log.AsStream(leaveOpen: true), cancellationToken);
    }
#endif

    /// <summary>Reads one log line.</summary>
    /// <param name="line">The line, without its line break.</param>
    /// <param name="lineNumber">Its number, reported back in the result.</param>
    /// <returns>The failure the line holds, or null for a line that holds none (or that is outside <see cref="MailLogReaderOptions.Since"/> and <see cref="MailLogReaderOptions.Until"/>: then counted in <see cref="Skipped"/>).</returns>
    public LogFailure? TryRead(ReadOnlySpan<char> line, long lineNumber = 1) =>
        LogLineParser.FindMarker(line) is { } marker ? Parse(line, marker, lineNumber, out _) : null;

    private async IAsyncEnumerable<LogFailure> ReadCoreAsync(Stream log, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (input, compressed) = await Gzip.OpenAsync(log, cancellationToken).ConfigureAwait(false);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        char[] chars = ArrayPool<char>.Shared.Rent(4096);
        var found = new List<LogFailure>();
        var state = new LineState();
        int end = 0;
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await input.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidDataException) when (compressed)
                {
                    // What decompressed so far was read; the rest cannot be.
                    Skip(ref state, SkipReason.CorruptCompressedData, state.LineNumber + 1);
                    read = -1;
                }

                bool eof = read <= 0;
                end += Math.Max(read, 0);
                ScanLines(buffer, end, eof, ref state, ref chars, found);
                state.Failures += found.Count;
                foreach (var failure in found)
                    yield return failure;
                found.Clear();

                if (eof)
                {
                    ReaderLog.LogRead(_logger, state.LineNumber, state.Failures, state.Skipped, null);
                    yield break;
                }

                // Keep the partial last line; grow the buffer when one line fills it (up to MaxLineLength).
                if (state.Start > 0)
                {
                    Buffer.BlockCopy(buffer, state.Start, buffer, 0, end - state.Start);
                    end -= state.Start;
                    state.Start = 0;
                }

                if (end == buffer.Length)
                {
                    if (buffer.Length >= _options.MaxLineLength)
                    {
                        // A line longer than allowed: forget it up to its end.
                        if (!state.Skipping)
                            Skip(ref state, SkipReason.LineTooLong, state.LineNumber + 1);
                        state.Skipping = true;
                        end = 0;
                    }
                    else
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, _options.MaxLineLength));
                        Buffer.BlockCopy(buffer, 0, larger, 0, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
            if (compressed)
                await input.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void ScanLines(byte[] buffer, int end, bool eof, ref LineState state, ref char[] chars, List<LogFailure> found)
    {
        while (state.Start < end)
        {
            var rest = buffer.AsSpan(state.Start, end - state.Start);
            if (state.LineEnd == 0 && !TryChooseLineEnd(rest, full: eof || end == buffer.Length, ref state))
                return;

            // One vectorized search for the line end; with LF ends a CR before the LF is cut off the line below.
            int lineEnd = rest.IndexOf(state.LineEnd);
            int endLength = 1;
            if (lineEnd < 0)
            {
                if (!eof)
                    return;
                (lineEnd, endLength) = (rest.Length, 0);
            }

            var line = rest[..lineEnd];
            if (line.Length > 0 && line[^1] == '\r')
                line = line[..^1];
            state.Start += lineEnd + endLength;
            state.LineNumber++;
            if (state.Skipping)
            {
                state.Skipping = false;
                continue;
            }

            if (line.Length > _options.MaxLineLength)
            {
                Skip(ref state, SkipReason.LineTooLong, state.LineNumber);
                continue;
            }

            if (LogLineParser.FindMarker(line) is not { } marker)
                continue;

            if (chars.Length < line.Length)
            {
                ArrayPool<char>.Shared.Return(chars);
                chars = ArrayPool<char>.Shared.Rent(line.Length);
            }

            int count = ReplyEncoding.DecodeInto(line, chars);
            if (Parse(chars.AsSpan(0, count), marker, state.LineNumber, out var outside) is { } failure)
                found.Add(failure);
            else if (outside is not null)
                CountSkipped(ref state, outside.Value, state.LineNumber);
        }
    }

    private void Skip(ref LineState state, SkipReason reason, long lineNumber)
    {
        _skipped.Add(reason);
        CountSkipped(ref state, reason, lineNumber);
    }

    // A reason already added to the reader's counts: counted for this read and logged.
    private void CountSkipped(ref LineState state, SkipReason reason, long lineNumber)
    {
        state.Skipped++;
        ReaderLog.LineSkipped(_logger, lineNumber, reason, null);
    }

    // Lines end with LF (or CRLF) unless the first buffer of the log holds no LF but CRs: then a CR ends a line (old
    // Mac line ends). Choosing once keeps the search for the line end to one byte value.
    private static bool TryChooseLineEnd(ReadOnlySpan<byte> data, bool full, ref LineState state)
    {
        if (data.Contains((byte)'\n'))
            state.LineEnd = (byte)'\n';
        else if (full)
            state.LineEnd = data.Contains((byte)'\r') ? (byte)'\r' : (byte)'\n';
        return state.LineEnd != 0;
    }

    private LogFailure? Parse(ReadOnlySpan<char> line, LogMarker marker, long lineNumber, out SkipReason? outside)
    {
        outside = null;
        if (!LogLineParser.TryParse(line, marker, out var fields))
            return null;
        var timestamp = LogTimestamp.Read(line, _reference);
        if (_options.Outside(timestamp) is { } reason)
        {
            _skipped.Add(reason);
            outside = reason;
            return null;
        }

        var evidence = new FailureFacts
        {
            Stage = fields.Stage,
            Source = fields.Source,
            Server = fields.RemoteHost.IsEmpty ? null : fields.RemoteHost.ToString(),
        };
        var diagnosis = Diagnose(fields.Text, fields.DsnCode, ref evidence);
        if (fields.Deferred)
            diagnosis = NotFailures.AsDelay(diagnosis);

        string? sender = fields.Sender.IsEmpty ? null : fields.Sender.ToString();
        string? recipient = fields.Recipient.IsEmpty ? null : fields.Recipient.ToString();
        if (!_options.ShowFullAddresses)
        {
            sender = AddressRedactor.MaskOrNull(sender);
            recipient = AddressRedactor.MaskOrNull(recipient);
            diagnosis = AddressRedactor.Redact(diagnosis);
        }

        return new LogFailure
        {
            LineNumber = lineNumber,
            Format = fields.Format,
            Diagnosis = diagnosis,
            RemoteHost = evidence.Server,
            RemoteAddress = fields.RemoteAddress.IsEmpty ? null : fields.RemoteAddress.ToString(),
            Sender = sender,
            Recipient = recipient,
            QueueId = fields.QueueId.IsEmpty ? null : fields.QueueId.ToString(),
            Timestamp = timestamp,
        };
    }

    private RelayBlockDiagnosis Diagnose(ReadOnlySpan<char> text, EnhancedStatusCode? dsnCode, ref FailureFacts evidence)
    {
        if (_package is null)
        {
            var context = new SmtpFailureContext { Stage = evidence.Stage, Source = evidence.Source, Server = evidence.Server };
            var given = _classifier.Classify(text, context);
            return given.EnhancedStatusCode is null && dsnCode is { IsEmpty: false } code ? given with { EnhancedStatusCode = code } : given;
        }

        var parsed = ReplyScanner.Scan(text);
        if (parsed.EnhancedStatusCode.IsEmpty && dsnCode is { IsEmpty: false } dsn)
            evidence.Enhanced = dsn;
        return _package.Diagnose(text, parsed, evidence, wholeInput: null);
    }

    /// <summary>
    /// Where the scan of the buffer stands: the next line's first byte, the last line's number, the byte lines end with
    /// (0 until chosen), whether the line is being read past, and what this read found and read past so far.
    /// </summary>
    private struct LineState
    {
        public int Start;
        public long LineNumber;
        public byte LineEnd;
        public bool Skipping;
        public long Failures;
        public long Skipped;
    }
}
