using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SmtpRelayClassifier.Scanning;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// <c>smtp-classify scan FILE|DIR|-...</c>: detects each input's format (mail log, <c>.eml</c> bounce, mbox), prints
/// one line per failure or report about no failure (text or <c>--json</c>) or, with <c>--summary</c>, the counts; with
/// <c>--since</c>/<c>--until</c> only what happened in between (log lines by their timestamp, bounces by their <c>Date</c>). gzip inputs are read
/// decompressed. An input that cannot be read is named on standard error and the scan goes on (exit code 1); what the
/// readers read past is told per input on standard error and counted in the summary. On a terminal it shows a
/// progress bar on standard error; nothing of it when the output is redirected.
/// </summary>
internal static class ScanCommand
{
    // Headers a mail message (a bounce saved as a file) starts with.
    private static readonly byte[][] MessageHeaders =
        ["Return-Path:"u8.ToArray(), "Received:"u8.ToArray(), "Delivered-To:"u8.ToArray(), "MIME-Version:"u8.ToArray(), "Date:"u8.ToArray(), "From:"u8.ToArray()];

    private enum InputFormat
    {
        Log,
        Message,
        Mbox,
    }

    public static int Run(Options options, Stream stdin, Stream output, StreamWriter text, TextWriter stderr, SmtpFailureClassifier classifier)
    {
        if (options.Since >= options.Until)
        {
            stderr.WriteLine("smtp-classify: scan: --since must be before --until");
            return Program.UsageError;
        }

        if (InputFiles.Collect(options.Arguments, stderr) is not { } inputs)
            return Program.UsageError;

        var readerOptions = new MailLogReaderOptions { ShowFullAddresses = options.ShowAddresses, Since = options.Since, Until = options.Until };
        var summary = new ScanSummary(options.Language is { } language ? System.Globalization.CultureInfo.GetCultureInfo(language) : null);
        using var json = options.Json ? new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }) : null;
        bool showProgress = !Console.IsOutputRedirected && !Console.IsErrorRedirected && output is not MemoryStream;
        var progress = showProgress ? new Progress(stderr, inputs.Files.Where(f => f != "-").Sum(SizeOf)) : null;

        foreach (string file in inputs.Files)
        {
            string name = file == "-" ? "(stdin)" : file;
            Stream raw;
            try
            {
                raw = file == "-" ? stdin : File.OpenRead(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                inputs.Report(name, $"cannot be read ({e.Message})");
                continue;
            }

            // One reader of each kind per input, so that what they skip is told per input. A syslog time has no year: the
            // file's last write time gives it (standard input: now).
            var fileOptions = file == "-" ? readerOptions : new MailLogReaderOptions
            {
                ShowFullAddresses = readerOptions.ShowFullAddresses, Since = readerOptions.Since, Until = readerOptions.Until,
                TimestampReference = LastWritten(file),
            };
            var logs = new MailLogReader(classifier, fileOptions);
            var bounces = new BounceReader(classifier, fileOptions);
            using (raw)
            {
                using var results = Read(file, raw, progress, logs, bounces, name).GetEnumerator();
                while (true)
                {
                    try
                    {
                        if (!results.MoveNext())
                            break;
                    }
                    catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException && e is not OutputClosedException)
                    {
                        inputs.Report(name, $"cannot be read ({e.Message})");
                        break;
                    }

                    var result = results.Current;
                    summary.Add(result);
                    progress?.Found();
                    if (options.Summary)
                        continue;
                    if (json is not null)
                        WriteJson(json, output, result);
                    else
                        text.WriteLine($"{result.Source}:{result.Line}  {What(result)}  {result.RemoteHost ?? "-"}  {result.Diagnosis.RuleId}  {result.Diagnosis.Summary}");
                }
            }

            var skipped = logs.Skipped.Total > 0 ? logs.Skipped : bounces.Skipped;
            if (skipped.Total > 0)
                stderr.WriteLine($"smtp-classify: scan: {name}: read past {skipped} (see --summary)");
            summary.AddSkipped(skipped);
        }

        progress?.Done();
        summary.NotRead = inputs.NotRead;
        if (options.Summary)
        {
            if (json is not null)
                summary.WriteJson(json, output);
            else
                summary.WriteText(text);
        }

        return inputs.NotRead > 0 ? Program.Incomplete : Program.Ok;
    }

    // "RelayDenied (relay block)"; a report about no failure: "not a failure: FeedbackReport abuse", "not a failure: DelayNotice (RateLimited)".
    private static string What(Result r)
    {
        var d = r.Diagnosis;
        if (d.IsFailure)
            return d.Kind + (d.IsRelayBlock ? " (relay block)" : string.Empty);
        string detail = r.FeedbackType is { } type ? " " + type : d.Kind != SmtpFailureKind.Unknown ? $" ({d.Kind})" : string.Empty;
        return $"not a failure: {d.NotFailure}{detail}";
    }

    private static DateTimeOffset? LastWritten(string file)
    {
        try
        {
            return File.GetLastWriteTime(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long SizeOf(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reported when it is opened.
            return 0;
        }
    }

    private static InputFormat Sniff(string file, ReadOnlySpan<byte> start)
    {
        if (file.EndsWith(".eml", StringComparison.OrdinalIgnoreCase))
            return InputFormat.Message;
        if (file.EndsWith(".mbox", StringComparison.OrdinalIgnoreCase))
            return InputFormat.Mbox;
        if (start.StartsWith("From "u8))
            return InputFormat.Mbox;
        foreach (byte[] header in MessageHeaders)
        {
            if (start.StartsWith(header))
                return InputFormat.Message;
        }

        return InputFormat.Log;
    }

    // Lazily, so that what reading throws comes out of MoveNext, where the caller tells unreadable input from the rest.
    private static IEnumerable<Result> Read(string file, Stream raw, Progress? progress, MailLogReader logs, BounceReader bounces, string name)
    {
        var input = new ScanInput(raw, progress);
        var head = input.Peek();
        Stream source = input;
        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            // gzip (rotated logs such as mail.log.1.gz): the format is that of what it decompresses to.
            var decompressed = new ScanInput(new GZipStream(input, CompressionMode.Decompress), progress: null);
            head = decompressed.Peek();
            source = decompressed;
            file = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? file[..^3] : file;
        }

        var format = Sniff(file, head);
        var stream = new BufferedStream(source, 1 << 16);
        switch (format)
        {
            case InputFormat.Message:
                int index = 0;
                foreach (var bounce in bounces.ReadMessageAsync(stream).GetAwaiter().GetResult())
                    yield return Result.From(name, ++index, bounce);
                break;
            case InputFormat.Mbox:
                var mbox = bounces.ReadMboxAsync(stream).GetAsyncEnumerator();
                int number = 0;
                while (mbox.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                    yield return Result.From(name, ++number, mbox.Current);
                break;
            default:
                var log = logs.ReadAsync(stream).GetAsyncEnumerator();
                while (log.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                    yield return Result.From(name, log.Current);
                break;
        }
    }

    private static void WriteJson(Utf8JsonWriter json, Stream output, Result r)
    {
        var d = r.Diagnosis;
        json.WriteStartObject();
        json.WriteString("source", r.Source);
        json.WriteNumber("line", r.Line);
        json.WriteString("format", r.Format);
        json.WriteString("kind", d.Kind.ToString());
        json.WriteBoolean("isFailure", d.IsFailure);
        if (!d.IsFailure)
            json.WriteString("notFailure", d.NotFailure.ToString());
        if (r.FeedbackType is not null)
            json.WriteString("feedbackType", r.FeedbackType);
        json.WriteString("recipientAction", d.RecipientAction.ToString());
        json.WriteBoolean("isRelayBlock", d.IsRelayBlock);
        json.WriteBoolean("isTransient", d.IsTransient);
        json.WriteString("stage", d.Stage.ToString());
        if (d.ReplyCode is { } code)
            json.WriteNumber("replyCode", code);
        else
            json.WriteNull("replyCode");
        json.WriteString("enhancedStatusCode", d.EnhancedStatusCode?.ToString());
        json.WriteString("ruleId", d.RuleId);
        json.WriteString("confidence", d.Confidence.ToString());
        json.WriteString("remoteHost", r.RemoteHost);
        json.WriteString("remoteAddress", r.RemoteAddress);
        json.WriteString("sender", r.Sender);
        json.WriteString("recipient", r.Recipient);
        json.WriteString("reportedBy", d.Source.ToString());
        if (r.Timestamp is { } time)
            json.WriteString("timestamp", time);
        json.WriteString("summary", d.Summary);
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
        json.Reset();
    }

    /// <summary>One failure, or one report about no failure, whatever it was read from.</summary>
    internal sealed record Result(string Source, long Line, string Format, RelayBlockDiagnosis Diagnosis, string? RemoteHost, string? RemoteAddress, string? Sender, string? Recipient)
    {
        /// <summary>The ARF <c>Feedback-Type</c> of a feedback report.</summary>
        public string? FeedbackType { get; init; }

        /// <summary>When the log line was written.</summary>
        public DateTimeOffset? Timestamp { get; init; }

        public static Result From(string source, LogFailure f) =>
            new(source, f.LineNumber, f.Format.ToString(), f.Diagnosis, f.RemoteHost, f.RemoteAddress, f.Sender, f.Recipient) { Timestamp = f.Timestamp };

        public static Result From(string source, long index, BounceFailure f) =>
            new(source, index, f.IsDeliveryStatusReport ? "DeliveryStatusReport" : "Bounce", f.Diagnosis, f.RemoteHost, null, null, f.Recipient) { FeedbackType = f.FeedbackType };
    }

    /// <summary>
    /// A file or standard input as <c>scan</c> reads it: its first bytes can be looked at (to detect the format) and are
    /// then read again, and every byte read is counted for the progress bar.
    /// </summary>
    private sealed class ScanInput(Stream inner, Progress? progress) : Stream
    {
        private readonly byte[] _head = new byte[64];
        private int _headLength;
        private int _headOffset;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        /// <summary>The first bytes (up to 64), read once; reading starts again at the first of them.</summary>
        public ReadOnlySpan<byte> Peek()
        {
            if (_headLength == 0)
            {
                _headLength = inner.ReadAtLeast(_head, _head.Length, throwOnEndOfStream: false);
                progress?.Read(_head.AsSpan(0, _headLength));
            }

            _headOffset = 0;
            return _head.AsSpan(0, _headLength);
        }

        public override int Read(Span<byte> buffer)
        {
            if (_headOffset < _headLength)
            {
                int n = Math.Min(buffer.Length, _headLength - _headOffset);
                _head.AsSpan(_headOffset, n).CopyTo(buffer);
                _headOffset += n;
                return n;
            }

            int read = inner.Read(buffer);
            progress?.Read(buffer[..read]);
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A one-line progress bar on standard error: bytes, lines per second, failures found.</summary>
    private sealed class Progress(TextWriter stderr, long totalBytes)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _bytes;
        private long _lines;
        private long _failures;
        private long _lastDraw;

        public void Read(ReadOnlySpan<byte> data)
        {
            _bytes += data.Length;
            _lines += data.Count((byte)'\n');
            if (_clock.ElapsedMilliseconds - _lastDraw >= 250)
                Draw();
        }

        public void Found() => _failures++;

        public void Done()
        {
            Draw();
            stderr.WriteLine();
        }

        private void Draw()
        {
            _lastDraw = _clock.ElapsedMilliseconds;
            double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            string bar = string.Empty;
            if (totalBytes > 0)
            {
                int filled = (int)Math.Min(30, 30 * _bytes / totalBytes);
                bar = $"[{new string('#', filled)}{new string('.', 30 - filled)}] {100.0 * _bytes / totalBytes,5:F1}% ";
            }

            stderr.Write($"\r{bar}{_bytes / 1e6:F1} MB  {_bytes / 1e6 / seconds:F0} MB/s  {_lines / seconds / 1e3:F0}k lines/s  {_failures} failures ");
        }
    }
}
