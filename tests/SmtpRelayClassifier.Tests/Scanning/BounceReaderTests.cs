using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MimeKit;
using SmtpRelayClassifier.Classification;
using SmtpRelayClassifier.Scanning;
using Xunit;

namespace SmtpRelayClassifier.Tests.Scanning;

public class BounceReaderTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Bounces", name);

    [Fact]
    public async Task PostfixDeliveryStatusReport_GivesTheRecipientWithItsDiagnosis()
    {
        await using var stream = File.OpenRead(Fixture("postfix-relay-denied.eml"));

        var failures = await new BounceReader().ReadMessageAsync(stream);

        var failure = Assert.Single(failures);
        Assert.True(failure.IsDeliveryStatusReport);
        Assert.Equal("failed", failure.Action);
        Assert.Equal("b***@relaytest.example", failure.Recipient);
        Assert.Equal("127.0.0.1", failure.RemoteHost);
        Assert.Equal(SmtpFailureKind.RelayDenied, failure.Diagnosis.Kind);
        Assert.Equal(DiagnosisSource.RemoteServer, failure.Diagnosis.Source);
        Assert.Equal(ResponsibleParty.RecipientSide, failure.Diagnosis.ResponsibleParty);
        Assert.Equal(554, failure.Diagnosis.ReplyCode);
        Assert.StartsWith("<20261128012311", failure.MessageId is null ? "<" : "<" + failure.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EximTextBounce_FallsBackOnTheQuotedReply()
    {
        await using var stream = File.OpenRead(Fixture("exim-relay-denied.eml"));

        var failures = await new BounceReader(options: new MailLogReaderOptions { RedactAddresses = false }).ReadMessageAsync(stream);

        var failure = Assert.Single(failures);
        Assert.False(failure.IsDeliveryStatusReport);
        Assert.Equal(SmtpFailureKind.RelayDenied, failure.Diagnosis.Kind);
        Assert.Equal(SmtpStage.Rcpt, failure.Diagnosis.Stage);
        Assert.Equal("bob@example.org", failure.Recipient);
        Assert.Equal("mx.example.org", failure.RemoteHost);
    }

    [Fact]
    public async Task Mbox_ReadsEveryMessageAndSkipsTheOrdinaryOne()
    {
        await using var stream = File.OpenRead(Fixture("bounces.mbox"));
        var failures = new List<BounceFailure>();

        await foreach (var failure in new BounceReader().ReadMboxAsync(stream))
            failures.Add(failure);

        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Equal(SmtpFailureKind.RelayDenied, f.Diagnosis.Kind));
    }

    [Fact]
    public void DeliveredAndRelayedRecipients_AreNotFailures()
    {
        var message = MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(
            "From: MAILER-DAEMON@example.net\r\nTo: a@example.net\r\nSubject: Delivery Status\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nreport\r\n" +
            "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.net\r\n\r\n" +
            "Final-Recipient: rfc822; ok@example.org\r\nAction: delivered\r\nStatus: 2.0.0\r\n\r\n" +
            "Final-Recipient: rfc822; late@example.org\r\nAction: delayed\r\nStatus: 4.4.1\r\nDiagnostic-Code: smtp; 451 4.4.1 No answer from host\r\n\r\n--b--\r\n")));

        var failures = new BounceReader().Read(message);

        var failure = Assert.Single(failures);
        Assert.Equal("delayed", failure.Action);
        Assert.True(failure.Diagnosis.IsTransient);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a message at all")]
    public async Task NotAMessage_IsAFormatException(string text)
    {
        await Assert.ThrowsAsync<FormatException>(() => new BounceReader().ReadMessageAsync(new MemoryStream(Encoding.ASCII.GetBytes(text))));
    }

    [Theory]
    [InlineData("Subject: hi\r\n\r\njust text, no reply in it")]
    [InlineData("Content-Type: multipart/report; boundary=x\r\n\r\n--x\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient")]
    public async Task MalformedOrTruncatedMessages_GiveNoFailureAndNeverThrow(string text)
    {
        var failures = await new BounceReader().ReadMessageAsync(new MemoryStream(Encoding.ASCII.GetBytes(text)));

        Assert.Empty(failures);
    }
}
