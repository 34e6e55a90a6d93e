using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace SmtpRelayClassifier.Tests.Cli;

/// <summary>
/// <c>scan --parallel N</c>: several inputs read at the same time, and what is written is what one reader writes (the
/// failures, the reports on standard error, the counts), in the order the inputs were given.
/// </summary>
public class ScanSideBySideCliTests
{
    // Postfix delivery lines: 2 failures in 3 lines.
    private const string Log = ScanAndTsvCliTests.Log;

    // Exim's reject line for a relay attempt (Exim spec, "Log files"): 1 failure in 1 line.
    private const string EximLog =
        "2026-11-28 08:59:16 H=(helo.example) [198.51.100.7]:54321 F=<spam@example.biz> rejected RCPT <dave@example.com>: relay not permitted\n";

    [Theory]
    [InlineData("--json")]
    [InlineData("--summary")]
    [InlineData("--summary", "--json")]
    [InlineData("--show-addresses")]
    public void Scan_ManyInputsSideBySide_WritesWhatOneReaderWrites(params string[] format)
    {
        using var directory = new TemporaryDirectory();
        // The first inputs are the largest, so that the later ones are read to their end first; a third are gzip, one
        // is Exim's, one cannot be read past its start.
        for (int i = 0; i < 9; i++)
        {
            string text = i == 4 ? EximLog : string.Concat(Enumerable.Repeat(Log, (9 - i) * 40));
            if (i % 3 == 2)
            {
                using var gzip = new GZipStream(File.Create(directory.File($"mail.log.{i}.gz")), CompressionLevel.Fastest);
                gzip.Write(Encoding.UTF8.GetBytes(text));
            }
            else
            {
                File.WriteAllText(directory.File($"mail.log.{i}"), text);
            }
        }

        File.CreateSymbolicLink(directory.File("mail.log.5a"), "/proc/self/mem");

        var one = CliRunner.Run(string.Empty, ["scan", "--parallel", "1", .. format, directory.Path]);
        var four = CliRunner.Run(string.Empty, ["scan", "--parallel", "4", .. format, directory.Path]);

        Assert.Equal(1, one.Exit);
        Assert.Equal(one, four);
        Assert.Contains($"{directory.File("mail.log.5a")}: cannot be read", one.Err, StringComparison.Ordinal);
        if (format is ["--json"])
        {
            var sources = one.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetString()!).ToArray();
            string[] expected = Directory.GetFiles(directory.Path).Where(f => !f.EndsWith("5a", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, sources.Distinct());
            Assert.Equal((2 * 40 * (9 + 8 + 7 + 6 + 4 + 3 + 2 + 1)) + 1, sources.Length);
        }
    }

    [Fact]
    public void Scan_InputsWithMoreOutputThanAWorkerHoldsAhead_StillWrittenInOrder()
    {
        // 40,000 failures an input, about 20 MB of JSON lines: the worker of the second waits for the first to be written.
        using var directory = new TemporaryDirectory();
        string log = string.Concat(Enumerable.Repeat(Log, 20_000));
        File.WriteAllText(directory.File("a.log"), log);
        File.WriteAllText(directory.File("b.log"), log);

        var one = CliRunner.Run(string.Empty, "scan", "--json", "--parallel", "1", directory.File("a.log"), directory.File("b.log"));
        var two = CliRunner.Run(string.Empty, "scan", "--json", "--parallel", "2", directory.File("a.log"), directory.File("b.log"));

        Assert.Equal(0, two.Exit);
        Assert.Equal(one.Out, two.Out);
        var lines = two.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(80_000, lines.Length);
        Assert.True(lines.Length * 250 > (8 << 20), "less output than a worker may hold ahead");
        Assert.Equal(40_000, lines.TakeWhile(l => l.Contains(directory.File("a.log"), StringComparison.Ordinal)).Count());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("two")]
    [InlineData("-1")]
    public void Scan_ParallelOutOfRange_IsAUsageErrorThatSaysTheRange(string value)
    {
        var (exit, output, errors) = CliRunner.Run(Log, "scan", "--parallel", value, "-");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains($"--parallel: '{value}' is not a number of inputs from 1 to 64", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_StandardInputGivenTwice_IsAUsageError()
    {
        var (exit, output, errors) = CliRunner.Run(Log, "scan", "-", "-");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("- (standard input) can be given only once", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_StandardInputAmongFiles_IsReadInItsPlace()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("a.log"), string.Concat(Enumerable.Repeat(Log, 500)));
        File.WriteAllText(directory.File("z.log"), Log);

        var (exit, output, _) = CliRunner.Run(EximLog, "scan", "--parallel", "3", directory.File("a.log"), "-", directory.File("z.log"));

        Assert.Equal(0, exit);
        var sources = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ToArray();
        Assert.Equal([directory.File("a.log"), "(stdin)", directory.File("z.log")], sources.Distinct());
        Assert.Equal(1000 + 1 + 2, sources.Length);
    }
}
