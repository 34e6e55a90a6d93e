using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace SmtpRelayClassifier.Tests.Cli;

public sealed class ScanSummaryCliTests : IDisposable
{
    // Postfix 3.7 lines (the repository's test instance) and a Postfix delivery refused by a block list, as Postfix logs
    // the reply of a remote server's postscreen/smtpd ("blocked using zen.spamhaus.org", Postfix smtpd_check.c).
    private const string Log =
        "Nov 28 01:19:35 mail postfix/smtpd[23735]: NOQUEUE: reject: RCPT from unknown[127.0.0.1]: 554 5.7.1 <someone@external.example>: Relay access denied; from=<probe@outside.example> to=<someone@external.example> proto=ESMTP helo=<vm>\n" +
        "Nov 28 01:19:36 mail postfix/smtpd[23735]: NOQUEUE: reject: RCPT from unknown[127.0.0.1]: 554 5.7.1 <other@external.example>: Relay access denied; from=<probe@outside.example> to=<other@external.example> proto=ESMTP helo=<vm>\n" +
        "Nov 28 01:19:40 mail postfix/smtp[23841]: A8C60B1E293: to=<bob@relaytest.example>, relay=mx.example.net[192.0.2.5]:25, delay=0.13, dsn=5.7.1, status=bounced (host mx.example.net[192.0.2.5] said: 554 5.7.1 <bob@relaytest.example>: Relay access denied (in reply to RCPT TO command))\n" +
        "Nov 28 01:19:42 mail postfix/smtp[23845]: C1234B1E010: to=<carol@example.org>, relay=mx.example.org[192.0.2.4]:25, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.4] said: 554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/198.51.100.7 (in reply to RCPT TO command))\n" +
        "Nov 28 01:19:43 mail postfix/smtp[23843]: AA912B1E010: to=<dave@refused.example>, relay=none, delay=0.07, dsn=4.4.1, status=deferred (connect to 127.0.0.1[127.0.0.1]:2599: Connection refused)\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("scan-summary-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Copy(string fixture)
    {
        string target = Path.Combine(_directory, fixture);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "Bounces", fixture), target);
        return target;
    }

    private string WriteLog()
    {
        string path = Path.Combine(_directory, "mail.log");
        File.WriteAllText(path, Log);
        // The log was last written on 30 November 2026: its year-less times are of 2026.
        File.SetLastWriteTime(path, new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Local));
        return path;
    }

    [Fact]
    public void Summary_CountsReportsAboutNoFailureApart_ByType()
    {
        foreach (string fixture in new[] { "postfix-relay-denied.eml", "arf-abuse.eml", "postfix-delayed.eml", "vacation-reply.eml", "dmarc-aggregate.eml" })
            Copy(fixture);

        var (exit, output, _) = CliRunner.Run(string.Empty, "scan", "--summary", "--json", _directory);

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(1, root.GetProperty("failures").GetInt32());
        Assert.Equal(1, root.GetProperty("byKind").GetProperty("RelayDenied").GetInt32());
        var notFailures = root.GetProperty("notFailures");
        Assert.Equal(4, notFailures.GetProperty("total").GetInt32());
        var byType = notFailures.GetProperty("byType");
        Assert.Equal(["AutoReply", "DelayNotice", "DmarcAggregateReport", "FeedbackReport"], byType.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(byType.EnumerateObject(), p => Assert.Equal(1, p.Value.GetInt32()));
        Assert.Equal(1, notFailures.GetProperty("byFeedbackType").GetProperty("abuse").GetInt32());
    }

    [Fact]
    public void ScanLines_ShowReportsAboutNoFailureDistinctly()
    {
        Copy("arf-abuse.eml");
        Copy("postfix-delayed.eml");

        var (exit, text, _) = CliRunner.Run(string.Empty, "scan", _directory);
        var (_, json, _) = CliRunner.Run(string.Empty, "scan", "--json", _directory);

        Assert.Equal(0, exit);
        Assert.Contains("  not a failure: FeedbackReport abuse  mail.example.com  bounce.feedback-report  ", text, StringComparison.Ordinal);
        Assert.Contains("  not a failure: DelayNotice (MailboxFull)  mx.example.net  ", text, StringComparison.Ordinal);
        var lines = json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.All(lines, l => Assert.False(l.GetProperty("isFailure").GetBoolean()));
        Assert.Equal(["FeedbackReport", "DelayNotice"], lines.Select(l => l.GetProperty("notFailure").GetString()));
        Assert.Equal("abuse", lines[0].GetProperty("feedbackType").GetString());
        Assert.Equal("RetryLater", lines[1].GetProperty("recipientAction").GetString());
    }

    [Fact]
    public void JsonSummary_CountsByActionBlockListHostDomainAndClient()
    {
        var (exit, output, _) = CliRunner.Run(string.Empty, "scan", "--summary", "--json", WriteLog());

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(4, root.GetProperty("failures").GetInt32());
        Assert.Equal(3, root.GetProperty("relayBlocks").GetInt32());
        Assert.Equal(3, root.GetProperty("byAction").GetProperty("FixSenderConfiguration").GetInt32() + root.GetProperty("byAction").GetProperty("Review").GetInt32());
        Assert.Equal(1, root.GetProperty("byAction").GetProperty("RetryFromElsewhere").GetInt32());
        Assert.Equal(1, root.GetProperty("byBlockList").GetProperty("Spamhaus ZEN").GetInt32());
        Assert.Equal(1, root.GetProperty("byRemoteHost").GetProperty("mx.example.org").GetInt32());
        Assert.Equal(2, root.GetProperty("byRemoteHost").GetProperty("127.0.0.1").GetInt32());
        Assert.Equal(2, root.GetProperty("byRecipientDomain").GetProperty("external.example").GetInt32());
        Assert.Equal(2, root.GetProperty("relayBlocksByClientHost").GetProperty("127.0.0.1").GetInt32());
        Assert.Equal(1, root.GetProperty("relayBlocksByRemoteHost").GetProperty("mx.example.net").GetInt32());
        Assert.Equal(1, root.GetProperty("notFailures").GetProperty("byType").GetProperty("DelayNotice").GetInt32());
    }

    [Theory]
    [InlineData("en", "By recipient action:", "Relay blocks by client host:", "Not failures (counted apart): 1")]
    [InlineData("fr", "Par action sur le destinataire\u00A0:", "Blocages de relais par hôte client\u00A0:", "Pas des échecs (comptés à part)\u00A0: 1")]
    [InlineData("de", "Nach Empfängeraktion:", "Relay-Sperren nach Client-Host:", "Keine Fehlschläge (getrennt gezählt): 1")]
    [InlineData("es", "Por acción sobre el destinatario:", "Bloqueos de retransmisión por host cliente:", "No son fallos (contados aparte): 1")]
    public void TextSummary_NewLabelsAreInTheLanguage(string language, string byAction, string byClient, string notFailures)
    {
        var (exit, output, _) = CliRunner.Run(string.Empty, "scan", "--summary", "--lang", language, WriteLog());

        Assert.Equal(0, exit);
        Assert.Contains(byAction, output, StringComparison.Ordinal);
        Assert.Contains(byClient, output, StringComparison.Ordinal);
        Assert.Contains(notFailures, output, StringComparison.Ordinal);
        Assert.Contains("2  127.0.0.1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SinceAndUntil_KeepTheLinesBetween_AndCountTheOthersAsSkipped()
    {
        var (exit, output, errors) = CliRunner.Run(string.Empty, "scan", "--summary", "--json", "--since", "2026-11-28T01:19:36", "--until", "2026-11-28 01:19:42", WriteLog());

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        // 01:19:36 and 01:19:40 are kept; 01:19:35 is before, 01:19:42 and 01:19:43 at or after.
        Assert.Equal(2, root.GetProperty("failures").GetInt32());
        Assert.Equal(1, root.GetProperty("skipped").GetProperty("BeforeSince").GetInt32());
        Assert.Equal(2, root.GetProperty("skipped").GetProperty("AtOrAfterUntil").GetInt32());
        Assert.Contains("read past BeforeSince 1, AtOrAfterUntil 2", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Since_FiltersBouncesByTheirDate()
    {
        // The relay bounce is dated 28 Nov 2026 01:23:11 +0000, the delay warning 05:23:11 +0000.
        Copy("postfix-relay-denied.eml");
        Copy("postfix-delayed.eml");

        var (exit, output, _) = CliRunner.Run(string.Empty, "scan", "--summary", "--json", "--since", "2026-11-28T03:00:00Z", _directory);

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(0, root.GetProperty("failures").GetInt32());
        Assert.Equal(1, root.GetProperty("notFailures").GetProperty("total").GetInt32());
        Assert.Equal(1, root.GetProperty("skipped").GetProperty("BeforeSince").GetInt32());
    }

    [Theory]
    [InlineData("--since", "yesterday")]
    [InlineData("--until", "28/11/2026")]
    [InlineData("--since", "2026-13-01")]
    public void BadTime_Exits2NamingTheOption(string option, string value)
    {
        var (exit, _, errors) = CliRunner.Run(string.Empty, "scan", option, value, "-");

        Assert.Equal(2, exit);
        Assert.Contains($"{option}: '{value}' is not an ISO 8601 date", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void SinceNotBeforeUntil_Exits2()
    {
        var (exit, _, errors) = CliRunner.Run(string.Empty, "scan", "--since", "2026-11-29", "--until", "2026-11-28", "-");

        Assert.Equal(2, exit);
        Assert.Contains("--since must be before --until", errors, StringComparison.Ordinal);
    }
}
