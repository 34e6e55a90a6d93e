using System;
using System.Collections.Generic;
using System.Diagnostics;
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

        var failures = await new BounceReader(options: new MailLogReaderOptions { ShowFullAddresses = true }).ReadMessageAsync(stream);

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

        var results = new BounceReader().Read(message);

        Assert.Equal(["delivered", "delayed"], results.Select(r => r.Action));
        Assert.All(results, r => Assert.False(r.Diagnosis.IsFailure));
        Assert.Equal(NotFailureKind.DeliveredNotice, results[0].Diagnosis.NotFailure);
        Assert.Equal(RecipientAction.None, results[0].Diagnosis.RecipientAction);
        Assert.Equal(NotFailureKind.DelayNotice, results[1].Diagnosis.NotFailure);
        Assert.True(results[1].Diagnosis.IsTransient);
        Assert.Equal(RecipientAction.RetryLater, results[1].Diagnosis.RecipientAction);
    }

    [Theory]
    [InlineData("relayed", NotFailureKind.RelayedNotice)]
    [InlineData("expanded", NotFailureKind.ExpandedNotice)]
    public void RelayedAndExpandedRecipients_AreNamedNotices(string action, NotFailureKind expected)
    {
        // RFC 3464 §2.3.3: the Action values besides failed and delayed.
        var message = MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(
            "From: MAILER-DAEMON@example.net\r\nTo: a@example.net\r\nSubject: Delivery Status\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nreport\r\n" +
            "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.net\r\n\r\n" +
            $"Final-Recipient: rfc822; list@example.org\r\nAction: {action}\r\nStatus: 2.0.0\r\n\r\n--b--\r\n")));

        var notice = Assert.Single(new BounceReader().Read(message));

        Assert.Equal(expected, notice.Diagnosis.NotFailure);
        Assert.Equal(action, notice.Action);
        Assert.True(notice.IsDeliveryStatusReport);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a message at all")]
    public async Task NotAMessage_IsCountedAsUnreadableAndNeverThrows(string text)
    {
        var reader = new BounceReader();

        var failures = await reader.ReadMessageAsync(new MemoryStream(Encoding.ASCII.GetBytes(text)));

        Assert.Empty(failures);
        Assert.Equal(1, reader.Skipped[SkipReason.UnreadableMessage]);
        Assert.Equal(1, reader.Skipped.Total);
    }

    [Theory]
    [InlineData("Subject: hi\r\n\r\njust text, no reply in it")]
    [InlineData("Content-Type: multipart/report; boundary=x\r\n\r\n--x\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient")]
    public async Task MalformedOrTruncatedMessages_GiveNoFailureAndNeverThrow(string text)
    {
        var failures = await new BounceReader().ReadMessageAsync(new MemoryStream(Encoding.ASCII.GetBytes(text)));

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Mbox_OneUnreadableMessageInTheMiddle_CostsOnlyItselfAndIsCounted()
    {
        var reader = new BounceReader();

        var failures = await ReadMboxAsync(reader, MboxWithUnreadable(count: 200, unreadable: 100));

        Assert.Equal(199, failures.Count);
        Assert.All(failures, f => Assert.Equal(SmtpFailureKind.RelayDenied, f.Diagnosis.Kind));
        Assert.Equal("<b199@mail.example.net>", "<" + failures[^1].MessageId + ">");
        Assert.Equal(1, reader.Skipped[SkipReason.UnreadableMessage]);
    }

    [Theory]
    [InlineData(false)]  // one line of 4 MiB
    [InlineData(true)]   // 1 MiB folded over 13,000 lines: MimeKit took 5 s on it
    public async Task HugeHeader_IsReadPastQuicklyAndCounted(bool folded)
    {
        var huge = new StringBuilder("X-Huge: a");
        if (folded)
        {
            for (int i = 0; i < (1 << 20) / 80; i++)
                huge.Append("\n ").Append('y', 77);
        }
        else
        {
            huge.Append('x', 4 << 20);
        }

        string mbox = TextBounce(0) + TextBounce(1).Replace("Subject:", huge + "\nSubject:", StringComparison.Ordinal) + TextBounce(2);
        var reader = new BounceReader();
        var clock = Stopwatch.StartNew();

        var failures = await ReadMboxAsync(reader, new MemoryStream(Encoding.ASCII.GetBytes(mbox)));

        clock.Stop();
        Assert.Equal(2, failures.Count);
        Assert.Equal(1, reader.Skipped[SkipReason.HeaderTooLong]);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"{clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task HugeMessage_IsReadPastInBoundedMemoryAndCounted()
    {
        const long size = 200L << 20;
        var reader = new BounceReader();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var failures = await reader.ReadMessageAsync(new HugeMessage(size));

        clock.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Empty(failures);
        Assert.Equal(1, reader.Skipped[SkipReason.MessageTooLarge]);
        // The message is held up to the limit, never beyond: 32 MiB, and the smaller buffers before it.
        Assert.True(allocated < 3L * MailLogReaderOptions.Default.MaxMessageSize, $"{allocated} bytes allocated");
        Assert.True(clock.ElapsedMilliseconds < 5000, $"{clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task HugeMessageInAnMbox_IsReadPastAndTheNextOnesAreRead()
    {
        var reader = new BounceReader(options: new MailLogReaderOptions { MaxMessageSize = 1 << 20 });
        var big = new MemoryStream();
        big.Write(Encoding.ASCII.GetBytes(TextBounce(0) + TextBounce(1).TrimEnd('\n') + "\n"));
        var line = Encoding.ASCII.GetBytes(new string('z', 76) + "\n");
        for (int i = 0; i < (4 << 20) / line.Length; i++)
            big.Write(line);
        big.Write(Encoding.ASCII.GetBytes("\n" + TextBounce(2)));
        big.Position = 0;

        var failures = await ReadMboxAsync(reader, big);

        Assert.Equal(new[] { "b0@mail.example.net", "b2@mail.example.net" }, failures.Select(f => f.MessageId));
        Assert.Equal(1, reader.Skipped[SkipReason.MessageTooLarge]);
    }

    // An Exim bounce as mail.example.net writes them (see exim-relay-denied.eml), as an mbox message.
    private static string TextBounce(int i) =>
        $"From MAILER-DAEMON Sat Nov 28 09:00:00 2026\nFrom: Mail Delivery System <Mailer-Daemon@mail.example.net>\nTo: alice@example.net\n" +
        $"Subject: Mail delivery failed: returning message to sender\nMessage-Id: <b{i}@mail.example.net>\n\n" +
        "A message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n" +
        "  bob@example.org\n    host mx.example.org [192.0.2.4]\n    SMTP error from remote mail server after RCPT TO:<bob@example.org>:\n" +
        "    550 5.7.1 <bob@example.org>: Relay access denied\n\n";

    // Text bounces, one of them (counted from 0) no message at all.
    private static MemoryStream MboxWithUnreadable(int count, int unreadable)
    {
        var mbox = new StringBuilder();
        for (int i = 0; i < count; i++)
            mbox.Append(i == unreadable ? "From MAILER-DAEMON Sat Nov 28 09:00:00 2026\nthis line is no header\n\nbody\n\n" : TextBounce(i));
        return new MemoryStream(Encoding.ASCII.GetBytes(mbox.ToString()));
    }

    private static async Task<List<BounceFailure>> ReadMboxAsync(BounceReader reader, Stream mbox)
    {
        var failures = new List<BounceFailure>();
        await foreach (var failure in reader.ReadMboxAsync(mbox))
            failures.Add(failure);
        return failures;
    }

    /// <summary>A message made on the fly: a few headers, then lines of text up to the given size.</summary>
    private sealed class HugeMessage(long size) : GeneratedStream(size)
    {
        private static readonly byte[] Head = Encoding.ASCII.GetBytes("From: Mail Delivery System <Mailer-Daemon@mail.example.net>\nSubject: Mail delivery failed\n\n");
        private static readonly byte[] Line = Encoding.ASCII.GetBytes(new string('z', 76) + "\n");

        public override int Read(byte[] buffer, int offset, int count)
        {
            int written = 0;
            while (written < count && Produced < Length)
            {
                var source = Produced < Head.Length ? Head.AsSpan((int)Produced) : Line.AsSpan((int)((Produced - Head.Length) % Line.Length));
                int n = (int)Math.Min(Math.Min(count - written, source.Length), Length - Produced);
                source[..n].CopyTo(buffer.AsSpan(offset + written));
                written += n;
                Produced += n;
            }

            return written;
        }
    }
}
