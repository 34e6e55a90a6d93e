using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SmtpRelayClassifier.Classification;
using SmtpRelayClassifier.Internal;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Scanning;

/// <summary>
/// Finds SMTP failures in Postfix, Exim and Sendmail logs and classifies them with their context. The log is read as
/// bytes; a line is decoded and parsed only when it holds one of a few failure markers (a handful of vectorized
/// searches), so the lines that hold no failure allocate nothing. Memory stays bounded by the longest line.
/// Thread-safe: one instance can read several logs at once.
/// </summary>
public sealed class MailLogReader
{
    private const int BufferSize = 1 << 18;

    private readonly SmtpFailureClassifier _classifier;
    private readonly MailLogReaderOptions _options;

    /// <summary>Creates a reader.</summary>
    /// <param name="classifier">The classifier; null takes <see cref="SmtpFailureClassifier.Default"/>.</param>
    /// <param name="options">How to read; null takes <see cref="MailLogReaderOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public MailLogReader(SmtpFailureClassifier? classifier = null, MailLogReaderOptions? options = null)
    {
        _classifier = classifier ?? SmtpFailureClassifier.Default;
        _options = options ?? MailLogReaderOptions.Default;
        if (_options.MaxLineLength is < 256 or > 1 << 28)
            throw new ArgumentException($"MaxLineLength must be between 256 bytes and 256 MiB; {_options.MaxLineLength} was given.", nameof(options));
    }

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

    /// <summary>Reads one log line.</summary>
    /// <param name="line">The line, without its line break.</param>
    /// <param name="lineNumber">Its number, reported back in the result.</param>
    /// <returns>The failure the line holds, or null for a line that holds none.</returns>
    public LogFailure? TryRead(ReadOnlySpan<char> line, long lineNumber = 1) =>
        LogLineParser.FindMarker(line) is { } marker ? Parse(line, marker, lineNumber) : null;

    private async IAsyncEnumerable<LogFailure> ReadCoreAsync(Stream log, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        char[] chars = ArrayPool<char>.Shared.Rent(4096);
        var found = new List<LogFailure>();
        int start = 0, end = 0;
        long lineNumber = 0;
        bool skipping = false;
        try
        {
            while (true)
            {
                int read = await log.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                end += read;
                bool eof = read == 0;

                ScanLines(buffer, ref start, end, eof, ref lineNumber, ref skipping, ref chars, found);
                foreach (var failure in found)
                    yield return failure;
                found.Clear();

                if (eof)
                    yield break;

                // Keep the partial last line; grow the buffer when one line fills it (up to MaxLineLength).
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    if (buffer.Length >= _options.MaxLineLength)
                    {
                        // A line longer than allowed: forget it up to its end.
                        skipping = true;
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
        }
    }

    private void ScanLines(byte[] buffer, ref int start, int end, bool eof, ref long lineNumber, ref bool skipping, ref char[] chars, List<LogFailure> found)
    {
        while (start < end)
        {
            var rest = buffer.AsSpan(start, end - start);
            int newline = rest.IndexOf((byte)'\n');
            if (newline < 0 && !eof)
                return;
            int length = newline < 0 ? rest.Length : newline;
            var line = rest[..length];
            start += newline < 0 ? length : length + 1;
            lineNumber++;
            if (skipping)
            {
                skipping = false;
                continue;
            }

            if (line.Length > 0 && line[^1] == '\r')
                line = line[..^1];
            if (line.Length > _options.MaxLineLength || LogLineParser.FindMarker(line) is not { } marker)
                continue;

            if (chars.Length < line.Length)
            {
                ArrayPool<char>.Shared.Return(chars);
                chars = ArrayPool<char>.Shared.Rent(line.Length);
            }

            int count = ReplyEncoding.DecodeInto(line, chars);
            if (Parse(chars.AsSpan(0, count), marker, lineNumber) is { } failure)
                found.Add(failure);
        }
    }

    private LogFailure? Parse(ReadOnlySpan<char> line, LogMarker marker, long lineNumber)
    {
        if (!LogLineParser.TryParse(line, marker, out var fields))
            return null;

        var evidence = new Evidence
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
}
