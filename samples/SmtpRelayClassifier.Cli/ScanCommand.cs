using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using SmtpRelayClassifier.Scanning;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// <c>smtp-classify scan FILE|DIR|-...</c>: detects each input's format (mail log, <c>.eml</c> bounce, mbox), prints
/// one line per failure or report about no failure (text or <c>--json</c>) or, with <c>--summary</c>, the counts; with
/// <c>--since</c>/<c>--until</c> only what happened in between (log lines by their timestamp, bounces by their <c>Date</c>). gzip inputs are read
/// decompressed. An input that cannot be read is named on standard error and the scan goes on (exit code 1); what the
/// readers read past is told per input on standard error and counted in the summary. Several inputs are read at the
/// same time (<c>--parallel</c>, see <see cref="ScanWorkers"/>); the output is in the order the inputs were given. On a
/// terminal it shows a progress bar on standard error; nothing of it when the output is redirected.
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

    /// <summary>The output a worker writes before it hands it over (standard input's: each failure at once).</summary>
    private const int BatchBytes = 1 << 16;

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
        bool showProgress = !Console.IsOutputRedirected && !Console.IsErrorRedirected && output is not MemoryStream;
        var progress = showProgress ? new ScanProgress(stderr, inputs.Files.Where(f => f != "-").Sum(SizeOf)) : null;
        var jsonOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

        // Each input is read, classified and written into batches (or counted) on a worker; here, the batches are
        // written and the counts added in the order the inputs were given. Whatever waits for a worker is flushed first: a live log on standard input
        // shows each failure when it is found.
        using (var workers = new ScanWorkers(inputs.Files, options.Parallel ?? DefaultParallel, BatchBytes, Scan))
        {
            foreach (var job in workers.Jobs)
            {
                while (job.Take(output.Flush) is { } batch)
                {
                    output.Write(batch.WrittenSpan);
                    workers.Return(batch);
                }

                if (job.Summary is { } counts)
                    summary.Add(counts);
                if (job.Error is { } error)
                    inputs.Report(job.Name, error);
                if (job.Skipped.Total > 0)
                    stderr.WriteLine($"smtp-classify: scan: {job.Name}: read past {job.Skipped} (see --summary)");
                summary.AddSkipped(job.Skipped);
            }
        }

        progress?.Done();
        summary.NotRead = inputs.NotRead;
        if (options.Summary)
        {
            if (options.Json)
            {
                using var json = new Utf8JsonWriter(output, jsonOptions);
                summary.WriteJson(json, output);
            }
            else
            {
                summary.WriteText(text);
            }
        }

        return inputs.NotRead > 0 ? Program.Incomplete : Program.Ok;

        // One input, on a worker: its failures into batches handed over as they fill (at once for standard input).
        void Scan(ScanWorkers.Job job)
        {
            Stream raw;
            try
            {
                raw = job.Input == "-" ? stdin : File.OpenRead(job.Input);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                job.Error = $"cannot be read ({e.Message})";
                return;
            }

            // One reader of each kind per input, so that what they skip is told per input. A syslog time has no year: the
            // file's last write time gives it (standard input: now).
            var fileOptions = job.Input == "-" ? readerOptions : new MailLogReaderOptions
            {
                ShowFullAddresses = readerOptions.ShowFullAddresses, Since = readerOptions.Since, Until = readerOptions.Until,
                TimestampReference = LastWritten(job.Input),
            };
            var logs = new MailLogReader(classifier, fileOptions);
            var bounces = new BounceReader(classifier, fileOptions);
            var batch = job.Rent();
            var counts = options.Summary ? new ScanSummary() : null;
            using var json = options.Json && counts is null ? new Utf8JsonWriter(batch, jsonOptions) : null;
            using (raw)
            {
                try
                {
                    foreach (var result in Read(job.Input, raw, progress, logs, bounces, job.Name, job.Stopping))
                    {
                        progress?.Found();
                        if (counts is not null)
                        {
                            counts.Add(result);
                            continue;
                        }

                        if (json is not null)
                            WriteJson(json, batch, result);
                        else
                            Encoding.UTF8.GetBytes($"{result.Source}:{result.Line}  {What(result)}  {result.RemoteHost ?? "-"}  {result.Diagnosis.RuleId}  {result.Diagnosis.Summary}{Environment.NewLine}", batch);
                        if (batch.WrittenCount >= BatchBytes || job.Input == "-")
                        {
                            job.Hand(batch);
                            batch = job.Rent();
                        }
                    }
                }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    job.Error = $"cannot be read ({e.Message})";
                }
            }

            if (batch.WrittenCount > 0)
                job.Hand(batch);
            job.Summary = counts;
            job.Skipped = logs.Skipped.Total > 0 ? logs.Skipped : bounces.Skipped;
        }
    }

    /// <summary>The inputs read at the same time when <c>--parallel</c> is not given: one per core, at most 8.</summary>
    public static int DefaultParallel => Math.Min(Environment.ProcessorCount, 8);

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
    private static IEnumerable<Result> Read(string file, Stream raw, ScanProgress? progress, MailLogReader logs, BounceReader bounces, string name, CancellationToken stop)
    {
        var input = new ScanInput(raw, progress, stop);
        var head = input.Peek();
        Stream source = input;
        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            // gzip (rotated logs such as mail.log.1.gz): the format is that of what it decompresses to.
            var decompressed = new ScanInput(new GZipStream(input, CompressionMode.Decompress), progress: null, stop);
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

    private static void WriteJson(Utf8JsonWriter json, IBufferWriter<byte> output, Result r)
    {
        var d = r.Diagnosis;
        json.Reset(output);
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
        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
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
}
