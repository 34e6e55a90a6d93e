using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SmtpRelayClassifier.Cli;
using SmtpRelayClassifier.Classification;
using SmtpRelayClassifier.Tests.Data;
using Xunit;

namespace SmtpRelayClassifier.Tests.Cli;

[Collection("Postfix")]
public class ScanAndTsvCliTests
{
    private static (int Exit, string Out, string Err) Run(string stdin, params string[] args) => CliRunner.Run(stdin, args);

    private const string Log =
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
        Assert.Contains("RelayDenied", output, StringComparison.Ordinal);
        Assert.Contains("Relay blocks by remote host:", output, StringComparison.Ordinal);
        Assert.Contains("postfix.relay-access-denied", output, StringComparison.Ordinal);
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
}
