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
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Scanning;

/// <summary>
/// Finds SMTP failures in Postfix, Exim and Sendmail logs and classifies them with their context. The log is read as
/// bytes; a line is decoded and parsed only when it holds one of a few failure markers (a handful of vectorized
/// searches), so the lines that hold no failure allocate nothing. Memory stays bounded by the longest line. Lines end
/// with LF or CRLF, or with CR in a log whose first 256 KiB hold no LF; gzip data (rotated logs) is recognized by its first bytes and decompressed. What is read
/// past is counted in <see cref="Skipped"/>. Thread-safe: one instance can read several logs at once.
/// </summary>
public sealed class MailLogReader
{
    private const int BufferSize = 1 << 18;

    private readonly SmtpFailureClassifier _classifier;
    private readonly MailLogReaderOptions _options;
    private readonly SkipCounter _skipped = new();

    /// <summary>Creates a reader.</summary>
    /// <param name="classifier">The classifier; null takes <see cref="SmtpFailureClassifier.Default"/>.</param>
    /// <param name="options">How to read; null takes <see cref="MailLogReaderOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public MailLogReader(SmtpFailureClassifier? classifier = null, MailLogReaderOptions? options = null)
    {
        _classifier = classifier ?? SmtpFailureClassifier.Default;
        _options = options ?? MailLogReaderOptions.Default;
        _options.Validate(nameof(options));
    }

    /// <summary>
    /// What this reader has read past so far, over all its reads (<see cref="SkipReason.LineTooLong"/>,
    /// <see cref="SkipReason.CorruptCompressedData"/>); counts grow while a read goes on. Use one reader per log for the
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
    /// <returns>The failure the line holds, or null for a line that holds none.</returns>
    public LogFailure? TryRead(ReadOnlySpan<char> line, long lineNumber = 1) =>
        LogLineParser.FindMarker(line) is { } marker ? Parse(line, marker, lineNumber) : null;

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
                    _skipped.Add(SkipReason.CorruptCompressedData);
                    read = -1;
                }

                bool eof = read <= 0;
                end += Math.Max(read, 0);
                ScanLines(buffer, end, eof, ref state, ref chars, found);
                foreach (var failure in found)
                    yield return failure;
                found.Clear();

                if (eof)
                    yield break;

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
                            _skipped.Add(SkipReason.LineTooLong);
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
                _skipped.Add(SkipReason.LineTooLong);
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
            if (Parse(chars.AsSpan(0, count), marker, state.LineNumber) is { } failure)
                found.Add(failure);
        }
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

    private LogFailure? Parse(ReadOnlySpan<char> line, LogMarker marker, long lineNumber)
    {
        if (!LogLineParser.TryParse(line, marker, out var fields))
            return null;

        var evidence = new FailureFacts
        {
            Stage = fields.Stage,
            Source = fields.Source,
            Server = fields.RemoteHost.IsEmpty ? null : fields.RemoteHost.ToString(),
        };
        var text = fields.Text;
        var parsed = ReplyScanner.Scan(text);
        if (parsed.EnhancedStatusCode.IsEmpty && fields.DsnCode is { IsEmpty: false } dsn)
            evidence.Enhanced = dsn;
        var diagnosis = _classifier.Diagnose(text, parsed, evidence, wholeInput: null);

        string? sender = fields.Sender.IsEmpty ? null : fields.Sender.ToString();
        string? recipient = fields.Recipient.IsEmpty ? null : fields.Recipient.ToString();
        if (_options.RedactAddresses)
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
        };
    }

    /// <summary>Where the scan of the buffer stands: the next line's first byte, the last line's number, the byte lines end with (0 until chosen), and whether the line is being read past.</summary>
    private struct LineState
    {
        public int Start;
        public long LineNumber;
        public byte LineEnd;
        public bool Skipping;
    }
}
