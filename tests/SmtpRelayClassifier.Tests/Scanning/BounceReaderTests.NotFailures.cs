using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MimeKit;
using SmtpRelayClassifier.Scanning;
using Xunit;

namespace SmtpRelayClassifier.Tests.Scanning;

public partial class BounceReaderTests
{
    private static async Task<BounceFailure> ReadSingle(string fixture, MailLogReaderOptions? options = null)
    {
        await using var stream = File.OpenRead(Fixture(fixture));
        return Assert.Single(await new BounceReader(options: options).ReadMessageAsync(stream));
    }

    private static MimeMessage Message(string text) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"))));

    [Fact]
    public async Task ArfFeedbackReport_IsNoFailure_WithItsFeedbackType()
    {
        var report = await ReadSingle("arf-abuse.eml", new MailLogReaderOptions { ShowFullAddresses = true });

        Assert.False(report.Diagnosis.IsFailure);
        Assert.Equal(NotFailureKind.FeedbackReport, report.Diagnosis.NotFailure);
        Assert.Equal("abuse", report.FeedbackType);
        Assert.Equal(RecipientAction.None, report.Diagnosis.RecipientAction);
        Assert.Equal(SmtpFailureKind.Unknown, report.Diagnosis.Kind);
        Assert.Equal("user@example.com", report.Recipient);
        Assert.Equal("mail.example.com", report.RemoteHost);
        Assert.Contains("abuse", report.Diagnosis.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fraud")]
    [InlineData("auth-failure")]
    [InlineData("not-spam")]
    public void ArfFeedbackReport_NamesEveryFeedbackType(string type)
    {
        // The RFC 5965 appendix B.1 report with the other registered types (RFC 5965 §7.3, RFC 6591, RFC 6650).
        var message = Message(File.ReadAllText(Fixture("arf-abuse.eml")).Replace("Feedback-Type: abuse", "Feedback-Type: " + type, StringComparison.Ordinal));

        var report = Assert.Single(new BounceReader().Read(message));

        Assert.Equal(NotFailureKind.FeedbackReport, report.Diagnosis.NotFailure);
        Assert.Equal(type, report.FeedbackType);
    }

    [Fact]
    public async Task PostfixDelayWarning_IsADelayNotice_KeepingTheKindItsDiagnosticGives()
    {
        var delay = await ReadSingle("postfix-delayed.eml");

        Assert.Equal("delayed", delay.Action);
        Assert.False(delay.Diagnosis.IsFailure);
        Assert.Equal(NotFailureKind.DelayNotice, delay.Diagnosis.NotFailure);
        Assert.Equal(SmtpFailureKind.MailboxFull, delay.Diagnosis.Kind);
        Assert.True(delay.Diagnosis.IsTransient);
        Assert.Equal(RecipientAction.RetryLater, delay.Diagnosis.RecipientAction);
        Assert.NotNull(delay.Diagnosis.RetryAfter);
        Assert.Equal("mx.example.net", delay.RemoteHost);
    }

    [Fact]
    public async Task EximTextDelayWarning_IsADelayNotice()
    {
        var delay = await ReadSingle("exim-delay-warning.eml");

        Assert.False(delay.IsDeliveryStatusReport);
        Assert.Equal(NotFailureKind.DelayNotice, delay.Diagnosis.NotFailure);
        Assert.Equal(SmtpFailureKind.RateLimited, delay.Diagnosis.Kind);
        Assert.Equal(RecipientAction.RetryLater, delay.Diagnosis.RecipientAction);
    }

    [Fact]
    public async Task EximTextBounce_StaysAFailure()
    {
        // It carries Auto-Submitted: auto-replied as every bounce does: the quoted reply decides.
        var failure = await ReadSingle("exim-relay-denied.eml");

        Assert.True(failure.Diagnosis.IsFailure);
        Assert.Equal(NotFailureKind.None, failure.Diagnosis.NotFailure);
    }

    [Fact]
    public async Task DmarcAggregateReport_IsRecognizedBySubjectAndAttachment_WithoutOpeningIt()
    {
        var report = await ReadSingle("dmarc-aggregate.eml");

        Assert.Equal(NotFailureKind.DmarcAggregateReport, report.Diagnosis.NotFailure);
        Assert.Equal(RecipientAction.None, report.Diagnosis.RecipientAction);
        Assert.Equal("google.com", report.RemoteHost);
        Assert.Contains("example.com", report.Diagnosis.Summary, StringComparison.Ordinal);
    }

    [Theory]
    // Microsoft's name: receiver!policy-domain!begin!end!unique-id.xml.gz (RFC 7489 §7.2.1.1 allows the unique id).
    [InlineData("application/gzip", "enterprise.protection.outlook.com!example.com!1764374400!1764460800!5f4e3d2c.xml.gz", "")]
    // An uncompressed XML report, recognized by its root elements (RFC 7489 appendix C: feedback, report_metadata).
    [InlineData("text/xml", "report.xml", "<?xml version=\"1.0\"?>\r\n<feedback>\r\n  <report_metadata>\r\n    <org_name>example.net</org_name>\r\n  </report_metadata>\r\n</feedback>\r\n")]
    public void DmarcAggregateReport_IsRecognizedByAttachmentNameOrXmlRoot(string type, string name, string body)
    {
        var message = Message(
            $"From: dmarcreport@microsoft.com\r\nTo: dmarc@example.com\r\nSubject: Your DMARC report\r\nMIME-Version: 1.0\r\n" +
            $"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nreport\r\n" +
            $"--b\r\nContent-Type: {type}\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n\r\n{body}\r\n--b--\r\n");

        var report = Assert.Single(new BounceReader().Read(message));

        Assert.Equal(NotFailureKind.DmarcAggregateReport, report.Diagnosis.NotFailure);
    }

    [Fact]
    public async Task VacationReply_IsAnAutoReply()
    {
        var reply = await ReadSingle("vacation-reply.eml");

        Assert.Equal(NotFailureKind.AutoReply, reply.Diagnosis.NotFailure);
        Assert.Equal(RecipientAction.None, reply.Diagnosis.RecipientAction);
        Assert.Equal("e***@cs.example.edu", reply.Recipient);
    }

    [Theory]
    // RFC 3834 §5: a response sent by a program says Auto-Submitted: auto-replied.
    [InlineData("Auto-Submitted: auto-replied", "Re: Quarterly report")]
    [InlineData("X-Autoreply: yes", "Re: Quarterly report")]
    [InlineData("X-Autorespond: Quarterly report", "Re: Quarterly report")]
    [InlineData("Precedence: auto_reply", "Re: Quarterly report")]
    // Exchange and Outlook: "Automatic reply:" with X-Auto-Response-Suppress and Auto-Submitted: auto-generated.
    [InlineData("Auto-Submitted: auto-generated\r\nX-Auto-Response-Suppress: All", "Automatic reply: Quarterly report")]
    public void AutoReplyHeadersOrSubject_MakeAnAutoReply(string headers, string subject)
    {
        var message = Message($"From: Bob <bob@example.org>\r\nTo: alice@example.com\r\nSubject: {subject}\r\n{headers}\r\n\r\nI am out of the office until Monday.\r\n");

        var reply = Assert.Single(new BounceReader().Read(message));

        Assert.Equal(NotFailureKind.AutoReply, reply.Diagnosis.NotFailure);
    }

    [Fact]
    public void AutomaticSubjectWithoutAProgramHeader_IsNoAutoReply()
    {
        var message = Message("From: Bob <bob@example.org>\r\nTo: alice@example.com\r\nSubject: Vacation photos\r\n\r\nHere they are.\r\n");

        Assert.Empty(new BounceReader().Read(message));
    }

    [Theory]
    [InlineData("2026-11-28T02:00:00Z", null, 1, SkipReason.BeforeSince)]
    [InlineData(null, "2026-11-28T05:23:11Z", 1, SkipReason.AtOrAfterUntil)]
    [InlineData("2026-11-28T05:00:00Z", "2026-11-28T06:00:00Z", 0, null)]
    public async Task DateOutsideSinceAndUntil_IsReadPastAndCounted(string? since, string? until, int skipped, SkipReason? reason)
    {
        // The Postfix relay bounce is dated Sat, 28 Nov 2026 01:23:11 +0000, the delay warning 05:23:11 +0000.
        var options = new MailLogReaderOptions
        {
            Since = since is null ? null : DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture),
            Until = until is null ? null : DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture),
        };
        var reader = new BounceReader(options: options);
        await using var stream = File.OpenRead(Fixture(reason == SkipReason.BeforeSince ? "postfix-relay-denied.eml" : "postfix-delayed.eml"));

        var results = await reader.ReadMessageAsync(stream);

        Assert.Equal(1 - skipped, results.Count);
        Assert.Equal(skipped, reader.Skipped.Total);
        if (reason is { } r)
            Assert.Equal(1, reader.Skipped[r]);
    }

    [Fact]
    public void MessageWithoutDate_IsKeptWhateverTheWindow()
    {
        var message = Message(File.ReadAllText(Fixture("arf-abuse.eml")).Replace("Date: Thu, 8 Mar 2005 17:40:36 EDT\n", string.Empty, StringComparison.Ordinal));
        var reader = new BounceReader(options: new MailLogReaderOptions { Since = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) });

        Assert.Single(reader.Read(message));
        Assert.Equal(0, reader.Skipped.Total);
    }
}
