using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SmtpRelayClassifier.Cli;
using Xunit;

namespace SmtpRelayClassifier.Tests.Cli;

/// <summary>
/// classify --format tsv and --json over many lines: the workers give, line for line, what one thread gives; the
/// output is shown while the input waits; a failed or closed output stops the run.
/// </summary>
public class ReplyPipelineTests
{
    // Postfix smtpd_check.c reject_unauth_destination.
    private const string RelayDenied = "554 5.7.1 <bob@example.org>: Relay access denied";

    [Theory]
    [InlineData("tsv", 200_000)]
    [InlineData("json", 50_000)]
    [InlineData("explain", 20_000)]
    public void Run_OnEveryCore_GivesWhatOneThreadGives(string format, int lines)
    {
        byte[] input = CorpusReplies(lines);

        byte[] sequential = Run(input, format, parallelAfterBytes: long.MaxValue, workers: 1);
        byte[] parallel = Run(input, format, parallelAfterBytes: 0, workers: 2);

        Assert.Equal(lines, sequential.Count(b => b == '\n'));
        Assert.True(sequential.AsSpan().SequenceEqual(parallel), "the workers' output differs from one thread's");
    }

    [Fact]
    public void ClassifyTsv_InputLargerThanAMebibyte_GivesTheLinesInInputOrder()
    {
        byte[] input = CorpusReplies(100_000);
        var expected = Encoding.UTF8.GetString(input).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => SmtpFailureClassifier.Default.ClassifyBrief(r.TrimEnd('\r')))
            .Select(b => $"{b.Kind}\t{(b.IsRelayBlock ? "true" : "false")}");

        var (exit, output, _) = CliRunner.Run(Encoding.UTF8.GetString(input), "classify", "--format", "tsv");

        Assert.Equal(0, exit);
        Assert.Equal(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData(1L << 40, "tsv")]
    [InlineData(0L, "tsv")]
    [InlineData(1L << 40, "json")]
    [InlineData(0L, "json")]
    public void Run_InputThatWaits_ShowsTheAnswersToWhatCameBefore(long parallelAfterBytes, string format)
    {
        // The lines come as a person or 'tail -f' gives them: the next read waits until the answer to the last one is out.
        var output = new MemoryStream();
        var input = new WaitingInput(Encoding.UTF8.GetBytes(RelayDenied + "\n"), 3, () => output.ToArray().Count(b => b == '\n'));
        var guarded = new BufferedStream(new GuardedOutput(output), 1 << 16);

        using (var reader = new LineReader(input))
            ReplyPipeline.Run(reader, Formatter(format), guarded, parallelAfterBytes, workers: 2);

        Assert.Equal([1, 2, 3], input.AnswersSeen);
    }

    [Fact]
    public void ClassifyTsv_OutputThatCannotBeWritten_StopsReadingWithExit1()
    {
        var input = new StaysReadable(CorpusReplies(1_000_000));
        using var errors = new StringWriter();

        int exit = Program.Run(["classify", "--format", "tsv"], input, new FullDisk(), errors);

        Assert.Equal(1, exit);
        Assert.True(input.Position < input.Length / 2, $"read {input.Position} of {input.Length} bytes after the output failed");
        Assert.Contains("cannot write the output: No space left on device", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassifyJson_PipedIntoAReaderThatCloses_StopsPromptlyWithExit0()
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "smtp-classify.dll");
        var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (string argument in new[] { cli, "classify", "--json" })
            start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        using var feeding = new CancellationTokenSource();
        // Standard input never ends, and passes a mebibyte soon: only the closed output can stop the workers.
        var feeder = Task.Run(async () =>
        {
            var chunk = CorpusReplies(10_000);
            try
            {
                while (!feeding.IsCancellationRequested)
                    await process.StandardInput.BaseStream.WriteAsync(chunk, feeding.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
            }
        });
        try
        {
            for (int i = 0; i < 20_000; i++)
                Assert.StartsWith("{\"input\":", await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)), StringComparison.Ordinal);
            process.StandardOutput.Close();

            bool exited = process.WaitForExit(TimeSpan.FromSeconds(20));

            Assert.True(exited, "classify ran on after its output was closed");
            Assert.Equal(0, process.ExitCode);
            Assert.Empty(await process.StandardError.ReadToEndAsync());
        }
        finally
        {
            await feeding.CancelAsync();
            if (!process.HasExited)
                process.Kill();
            await feeder.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    // The reply column of the development corpus (Corpus/*.tsv, sources in Corpus/README.md), cycled to the given number of lines.
    private static byte[] CorpusReplies(int count)
    {
        var replies = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.tsv").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadLines(f).Skip(1)).Select(l => l.Split('\t')[0]).Where(r => r.Length > 0).ToArray();
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
            text.Append(replies[i % replies.Length]).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Run(byte[] input, string format, long parallelAfterBytes, int workers)
    {
        var output = new MemoryStream();
        using (var reader = new LineReader(new MemoryStream(input)))
            ReplyPipeline.Run(reader, Formatter(format), output, parallelAfterBytes, workers);
        return output.ToArray();
    }

    private static Func<ReplyFormatter> Formatter(string format)
    {
        var explainer = new Explainer(CultureInfo.GetCultureInfo("fr"));
        return format == "tsv"
            ? () => new TsvOutput(SmtpFailureClassifier.Default, default)
            : () => new JsonReplyFormatter(SmtpFailureClassifier.Default, default, explainer.ForAnotherThread(), explain: format == "explain");
    }

    /// <summary>Gives one line per read, and before each read after the first waits (10 s at most) until the answers so far are out.</summary>
    private sealed class WaitingInput(byte[] line, int lines, Func<int> answers) : Stream
    {
        private int _given;

        public List<int> AnswersSeen { get; } = [];

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_given > 0)
            {
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (answers() < _given && waited.Elapsed < TimeSpan.FromSeconds(10))
                    Thread.Sleep(5);
                AnswersSeen.Add(answers());
            }

            if (_given == lines)
                return 0;
            _given++;
            line.CopyTo(buffer, offset);
            return line.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>An output device that is full: every write fails as a full disk does.</summary>
    private sealed class FullDisk : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("No space left on device", 28);

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    }

    /// <summary>Standard input whose position can be looked at after the command closed it.</summary>
    private sealed class StaysReadable(byte[] bytes) : MemoryStream(bytes)
    {
        protected override void Dispose(bool disposing)
        {
        }
    }
}
