using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SmtpRelayClassifier.Cli;
using SmtpRelayClassifier.Tests.Data;
using Xunit;

namespace SmtpRelayClassifier.Tests.Cli;

[Collection("Postfix")]
public class ScanAndTsvCliTests
{
    private static (int Exit, string Out, string Err) Run(string stdin, params string[] args) => CliRunner.Run(stdin, args);

    internal const string Log =
        "Nov 28 01:19:40 mail postfix/smtp[23841]: A8C60B1E293: to=<bob@relaytest.example>, relay=mx.example.net[192.0.2.5]:25, delay=0.13, dsn=5.7.1, status=bounced (host mx.example.net[192.0.2.5] said: 554 5.7.1 <bob@relaytest.example>: Relay access denied (in reply to RCPT TO command))\n" +
        "Nov 28 01:19:41 mail postfix/smtp[23844]: B1234B1E010: to=<alice@example.org>, relay=mx.example.org[192.0.2.4]:25, dsn=2.0.0, status=sent (250 ok)\n" +
        "Nov 28 01:19:42 mail postfix/smtp[23845]: C1234B1E010: to=<carol@example.org>, relay=mx.example.org[192.0.2.4]:25, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.4] said: 550 5.1.1 <carol@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command))\n";

    [Fact]
    public void Scan_LogOnStdin_JsonLinePerFailureWithContextAndRedactedAddresses()
    {
        var (exit, output, _) = Run(Log, "scan", "--json", "-");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Equal(1, lines[0].GetProperty("line").GetInt32());
        Assert.Equal("RelayDenied", lines[0].GetProperty("kind").GetString());
        Assert.Equal("mx.example.net", lines[0].GetProperty("remoteHost").GetString());
        Assert.Equal("b***@relaytest.example", lines[0].GetProperty("recipient").GetString());
        Assert.Equal("RecipientUnknown", lines[1].GetProperty("kind").GetString());
        Assert.Equal(3, lines[1].GetProperty("line").GetInt32());
    }

    [Fact]
    public void Scan_Summary_CountsKindsRelayBlocksPerHostAndRules()
    {
        var (exit, output, _) = Run(Log + Log, "scan", "--summary", "-");

        Assert.Equal(0, exit);
        Assert.Contains("Failures: 4, of which relay blocks: 2", output, StringComparison.Ordinal);
        Assert.Contains("2  mx.example.net", output, StringComparison.Ordinal);
        Assert.Contains("2  postfix.relay-access-denied", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "Échecs\u00A0: 4, dont blocages de relais\u00A0: 2", "Par nature\u00A0:", "Relais refusé")]
    [InlineData("de", "Fehlschläge: 4, davon Relay-Sperren: 2", "Nach Art:", "Relaying verweigert")]
    [InlineData("es", "Fallos: 4, de ellos bloqueos de retransmisión: 2", "Por tipo:", "Retransmisión (relay) denegada")]
    public void Scan_SummaryUnderLang_IsInThatLanguage(string language, string total, string byKind, string kindName)
    {
        var (exit, output, _) = Run(Log + Log, "scan", "--summary", "--lang", language, "-");

        Assert.Equal(0, exit);
        Assert.Contains(total, output, StringComparison.Ordinal);
        Assert.Contains(byKind, output, StringComparison.Ordinal);
        Assert.Contains(kindName, output, StringComparison.Ordinal);
        foreach (string english in new[] { "Failures", "By kind", "Relay blocks by remote host", "Top rules", "Inputs not read", "Skipped while reading", "(none)", "RelayDenied" })
            Assert.DoesNotContain(english, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_DirectoryOfBounces_ReadsEmlAndMbox()
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "Data", "Bounces");

        var (exit, output, _) = Run(string.Empty, "scan", "--summary", "--json", directory);

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(4, root.GetProperty("failures").GetInt32());
        Assert.Equal(4, root.GetProperty("byKind").GetProperty("RelayDenied").GetInt32());
    }

    [SmtpRelayClassifier.Tests.Infrastructure.PostfixFact]
    public void Scan_SummaryOfThePostfixTestLogAndTheBounces_PrintsTheTable()
    {
        // The probe makes Postfix log at least one "Relay access denied" first.
        new SmtpRelayClassifier.Probing.SmtpRelayProber().ProbeAsync(new SmtpRelayClassifier.Probing.RelayProbeOptions
        {
            Host = "127.0.0.1", Ports = [SmtpRelayClassifier.Tests.Infrastructure.PostfixInstance.Port], Sender = "probe@outside.example",
            ExternalRecipient = "someone@external.example", PinnedCertificateSha256 = SmtpRelayClassifier.Tests.Infrastructure.PostfixInstance.CertificateSha256(),
        }).GetAwaiter().GetResult();
        string bounces = Path.Combine(AppContext.BaseDirectory, "Data", "Bounces");

        var (exit, output, _) = Run(string.Empty, "scan", "--summary", SmtpRelayClassifier.Tests.Infrastructure.PostfixInstance.MaillogPath, bounces);

        Assert.Equal(0, exit);
        Assert.Contains("By kind:", output, StringComparison.Ordinal);
        Assert.Contains("Relay denied", output, StringComparison.Ordinal);
        Assert.Contains("Relay blocks by remote host:", output, StringComparison.Ordinal);
        Assert.Contains("postfix.relay-access-denied", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_DirectoryWithFifoSymlinkLoopsAndAnUnreadableFile_ReportsEachGoesOnAndExits1()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("a.log"), Log);
        File.WriteAllText(directory.File("z.log"), Log);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", directory.File("fifo"))!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        File.CreateSymbolicLink(directory.File("loop"), directory.File("loop"));
        Directory.CreateSymbolicLink(directory.File("up"), directory.Path);
        // A regular file that even root cannot read from its start (EIO).
        File.CreateSymbolicLink(directory.File("mem"), "/proc/self/mem");

        var run = Task.Run(() => Run(string.Empty, "scan", "--json", directory.Path));

        Assert.True(run.Wait(TimeSpan.FromSeconds(30)), "scan hangs");
        var (exit, output, errors) = run.Result;
        Assert.Equal(1, exit);
        var sources = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetString()!).ToArray();
        Assert.Equal([directory.File("a.log"), directory.File("a.log"), directory.File("z.log"), directory.File("z.log")], sources);
        Assert.Contains($"{directory.File("fifo")}: not a regular file, skipped", errors, StringComparison.Ordinal);
        Assert.Contains($"{directory.File("loop")}: Too many levels of symbolic links", errors, StringComparison.Ordinal);
        Assert.Contains($"{directory.File("up")}: symbolic link to a directory, not followed", errors, StringComparison.Ordinal);
        Assert.Contains($"{directory.File("mem")}: cannot be read", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_SymlinkLoopNamedOnTheCommandLine_IsReportedAndTheOthersRead()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("mail.log"), Log);
        File.CreateSymbolicLink(directory.File("loop"), directory.File("loop"));

        var (exit, output, errors) = Run(string.Empty, "scan", "--summary", directory.File("loop"), directory.File("mail.log"));

        Assert.Equal(1, exit);
        Assert.Contains("Failures: 2,", output, StringComparison.Ordinal);
        Assert.Contains("Inputs not read: 1", output, StringComparison.Ordinal);
        Assert.Contains(directory.File("loop"), errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_GzipLog_GivesTheSameFailuresAsThePlainLog()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("mail.log"), Log);
        using (var gzip = new GZipStream(File.Create(directory.File("mail.log.1.gz")), CompressionLevel.Optimal))
            gzip.Write(Encoding.UTF8.GetBytes(Log));

        var (exit, plain, _) = Run(string.Empty, "scan", directory.File("mail.log"));
        var (gzipExit, compressed, _) = Run(string.Empty, "scan", directory.File("mail.log.1.gz"));

        Assert.Equal((0, 0), (exit, gzipExit));
        Assert.Equal(2, plain.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(plain.Replace("mail.log:", "mail.log.1.gz:", StringComparison.Ordinal), compressed);
    }

    [Fact]
    public void Scan_Summary_CountsWhatTheReadersReadPast()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("mail.log"), new string('x', 2 << 20) + " status=bounced (550 5.1.1 unknown)\n" + Log);
        File.WriteAllText(directory.File("broken.mbox"), "From MAILER-DAEMON Sat Nov 28 09:00:00 2026\nthis line is no header\n\nbody\n");

        var (exit, output, errors) = Run(string.Empty, "scan", "--summary", "--json", directory.Path);

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, root.GetProperty("failures").GetInt32());
        Assert.Equal(0, root.GetProperty("inputsNotRead").GetInt32());
        Assert.Equal(1, root.GetProperty("skipped").GetProperty("LineTooLong").GetInt32());
        Assert.Equal(1, root.GetProperty("skipped").GetProperty("UnreadableMessage").GetInt32());
        Assert.Contains($"{directory.File("mail.log")}: read past LineTooLong 1", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_OutputThatCannotBeWritten_StopsAtOnceWithExit1()
    {
        using var input = new StaysReadable(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Log, 20_000))));
        using var output = new FailingStream();
        using var errors = new StringWriter();

        int exit = Program.Run(["scan", "-"], input, output, errors);

        Assert.Equal(1, exit);
        Assert.Equal(1, output.Writes);
        Assert.True(input.Position < input.Length, "read on after the output failed");
        Assert.Contains("cannot write the output: No space left on device", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_PipedIntoAReaderThatCloses_StopsPromptlyWithExit0()
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "smtp-classify.dll");
        var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (string argument in new[] { cli, "scan", "-" })
            start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        using var feeding = new CancellationTokenSource();
        // Standard input never ends while the command runs: only the closed output can stop it.
        var feeder = Task.Run(async () =>
        {
            var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Log, 100)));
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
            string? first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.StartsWith("(stdin):1  RelayDenied", first, StringComparison.Ordinal);
            process.StandardOutput.Close();

            bool exited = process.WaitForExit(TimeSpan.FromSeconds(20));

            Assert.True(exited, "scan ran on after its output was closed");
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            await feeding.CancelAsync();
            if (!process.HasExited)
                process.Kill();
            await feeder.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public void ClassifyTsv_OneKindAndRelayBlockLinePerInput_AgreeingWithJson()
    {
        var cases = RealReplies.Section41.Concat(RealReplies.Section26).ToArray();
        string stdin = string.Join('\n', cases.Select(c => c.Reply.Replace("\r\n", "\\n", StringComparison.Ordinal)));

        var (exit, tsv, _) = Run(stdin, "classify", "--format", "tsv");
        var (_, json, _) = Run(stdin, "classify", "--json");

        Assert.Equal(0, exit);
        var tsvLines = tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var jsonLines = json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(cases.Length, tsvLines.Length);
        for (int i = 0; i < cases.Length; i++)
        {
            string expected = $"{jsonLines[i].GetProperty("kind").GetString()}\t{(jsonLines[i].GetProperty("isRelayBlock").GetBoolean() ? "true" : "false")}";
            Assert.Equal(expected, tsvLines[i]);
        }
    }

    [Fact]
    public void ClassifyBrief_AgreesWithClassifyOnEveryRealReply()
    {
        foreach (var c in RealReplies.All())
        {
            var context = SmtpFailureContext.ForStage(c.Stage);
            var full = SmtpFailureClassifier.Default.Classify(c.Reply, context);
            var brief = SmtpFailureClassifier.Default.ClassifyBrief(c.Reply, context);

            Assert.Equal((full.Kind, full.IsRelayBlock, full.IsTransient, full.RuleId), (brief.Kind, brief.IsRelayBlock, brief.IsTransient, brief.RuleId));
        }
    }

    /// <summary>An output device that is full: every write fails as a full disk does.</summary>
    private sealed class FailingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            throw new IOException("No space left on device", 28);
        }

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
