using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Security;
using MimeKit;
using SmtpRelayClassifier.Scanning;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Scanning;

[Collection("Postfix")]
public partial class MailLogReaderTests
{
    private static async Task<List<LogFailure>> ReadAsync(string log, MailLogReaderOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(log));
        var failures = new List<LogFailure>();
        await foreach (var failure in new MailLogReader(options: options).ReadAsync(stream))
            failures.Add(failure);
        return failures;
    }

    private static async Task<List<LogFailure>> ReadAsync(MailLogReader reader, byte[] log)
    {
        using var stream = new MemoryStream(log);
        var failures = new List<LogFailure>();
        await foreach (var failure in reader.ReadAsync(stream))
            failures.Add(failure);
        return failures;
    }

    // Lines as Postfix 3.7 writes them (recorded from the repository's Postfix test instance).
    private const string PostfixLog =
        "Nov 28 01:19:40 mail postfix/smtpd[23735]: connect from unknown[127.0.0.2]\n" +
        "Nov 28 01:19:40 mail postfix/smtp[23841]: A8C60B1E293: to=<bob@relaytest.example>, relay=127.0.0.1[127.0.0.1]:2526, delay=0.13, delays=0.02/0.04/0.05/0.03, dsn=5.7.1, status=bounced (host 127.0.0.1[127.0.0.1] said: 554 5.7.1 <bob@relaytest.example>: Relay access denied (in reply to RCPT TO command))\n" +
        "Nov 28 01:19:40 mail postfix/smtp[23843]: AA912B1E010: to=<carol@refused.example>, relay=none, delay=0.07, delays=0.01/0.07/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.1[127.0.0.1]:2599: Connection refused)\n" +
        "Nov 28 01:19:41 mail postfix/local[23844]: B1234B1E010: to=<alice@test.example>, relay=local, delay=0.01, dsn=2.0.0, status=sent (delivered to mailbox)\n" +
        "Nov 28 01:19:35 mail postfix/smtpd[23735]: NOQUEUE: reject: RCPT from unknown[127.0.0.1]: 554 5.7.1 <someone@external.example>: Relay access denied; from=<probe@outside.example> to=<someone@external.example> proto=ESMTP helo=<vm>\n" +
        "Nov 28 01:19:35 mail postfix/smtpd[23735]: NOQUEUE: reject: RCPT from unknown[127.0.0.2]: 553 5.7.1 <alice@test.example>: Sender address rejected: not logged in; from=<alice@test.example> to=<bob@relaytest.example> proto=ESMTP helo=<client.test>\n";

    [Fact]
    public async Task Postfix_FindsEachFailureWithItsContext()
    {
        var failures = await ReadAsync(PostfixLog, new MailLogReaderOptions { ShowFullAddresses = true });

        Assert.Equal([2L, 3L, 5L, 6L], failures.Select(f => f.LineNumber));
        var relay = failures[0];
        Assert.Equal(MailLogFormat.Postfix, relay.Format);
        Assert.Equal(SmtpFailureKind.RelayDenied, relay.Diagnosis.Kind);
        Assert.Equal(DiagnosisSource.RemoteServer, relay.Diagnosis.Source);
        Assert.Equal(SmtpStage.Rcpt, relay.Diagnosis.Stage);
        Assert.Equal("127.0.0.1", relay.RemoteHost);
        Assert.Equal("127.0.0.1", relay.RemoteAddress);
        Assert.Equal("bob@relaytest.example", relay.Recipient);
        Assert.Equal("A8C60B1E293", relay.QueueId);
        var deferred = failures[1];
        Assert.Equal(SmtpFailureKind.ConnectionFailed, deferred.Diagnosis.Kind);
        Assert.True(deferred.Diagnosis.IsTransient);
        Assert.Equal("4.4.1", deferred.Diagnosis.EnhancedStatusCode?.ToString());
        var noqueue = failures[2];
        Assert.Equal(SmtpFailureKind.RelayDenied, noqueue.Diagnosis.Kind);
        Assert.Equal(DiagnosisSource.SubmissionSession, noqueue.Diagnosis.Source);
        Assert.Equal("127.0.0.1", noqueue.RemoteAddress);
        Assert.Equal("probe@outside.example", noqueue.Sender);
        Assert.Equal("NOQUEUE", noqueue.QueueId);
        Assert.Equal(SmtpFailureKind.AuthenticationRequired, failures[3].Diagnosis.Kind);
    }

    [Fact]
    public async Task PipeReader_GivesTheSameFailuresAsTheStream_WhenLinesArriveInPieces()
    {
        var pipe = new Pipe();
        byte[] bytes = Encoding.UTF8.GetBytes(PostfixLog);
        var writing = Task.Run(async () =>
        {
            // Pieces of 37 bytes: most lines are cut in the middle, some several times.
            for (int i = 0; i < bytes.Length; i += 37)
            {
                await pipe.Writer.WriteAsync(bytes.AsMemory(i, Math.Min(37, bytes.Length - i)));
                await Task.Yield();
            }

            await pipe.Writer.CompleteAsync();
        });

        var fromPipe = new List<LogFailure>();
        await foreach (var failure in new MailLogReader().ReadAsync(pipe.Reader))
            fromPipe.Add(failure);
        await writing;

        var fromStream = await ReadAsync(PostfixLog);
        Assert.Equal([2L, 3L, 5L, 6L], fromPipe.Select(f => f.LineNumber));
        Assert.Equal(fromStream.Select(f => (f.Diagnosis.Kind, f.Recipient, f.QueueId)), fromPipe.Select(f => (f.Diagnosis.Kind, f.Recipient, f.QueueId)));
        Assert.Equal(SmtpFailureKind.RelayDenied, fromPipe[0].Diagnosis.Kind);
    }

    [Fact]
    public async Task PipeReader_WaitingForMoreLines_StopsWhenCancelled()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(PostfixLog));
        using var cancel = new CancellationTokenSource();
        var failures = new List<LogFailure>();

        // The writer never completes, as a log that is still being written: the reader waits until cancelled.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var failure in new MailLogReader().ReadAsync(pipe.Reader, cancel.Token))
            {
                failures.Add(failure);
                if (failures.Count == 4)
                    cancel.CancelAfter(TimeSpan.FromMilliseconds(50));
            }
        });
        Assert.Equal(4, failures.Count);
    }

    [Fact]
    public void NullLog_IsRejected_ForAStreamAndForAPipe()
    {
        var reader = new MailLogReader();
        Assert.Equal("log", Assert.Throws<ArgumentNullException>(() => reader.ReadAsync((Stream)null!)).ParamName);
        Assert.Equal("log", Assert.Throws<ArgumentNullException>(() => reader.ReadAsync((PipeReader)null!)).ParamName);
    }

    [Fact]
    public async Task Addresses_AreRedactedByDefault()
    {
        var failures = await ReadAsync(PostfixLog);

        Assert.Equal("b***@relaytest.example", failures[0].Recipient);
        Assert.Equal("b***@relaytest.example", failures[0].Diagnosis.Mailbox);
        Assert.DoesNotContain("bob@", failures[0].Diagnosis.ReplyText, StringComparison.Ordinal);
        Assert.Equal("p***@outside.example", failures[2].Sender);
    }

    // Exim: the formats of "The Exim Mail Transfer Agent" spec, chapter "Log files" (delivery failures and rejections).
    private const string EximLog =
        "2026-11-28 08:59:13 1vXYZa-000ABC-12 <= alice@example.com H=client.example.com [192.0.2.9] P=esmtpa S=1234\n" +
        "2026-11-28 08:59:14 1vXYZa-000ABC-12 ** bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.4]: SMTP error from remote mail server after RCPT TO:<bob@example.org>: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown\n" +
        "2026-11-28 08:59:15 1vXYZb-000ABC-13 == carol@example.net R=dnslookup T=remote_smtp defer (-44) H=mx.example.net [192.0.2.5]: SMTP error from remote mail server after RCPT TO:<carol@example.net>: 451 4.7.1 Greylisted, please try again later\n" +
        "2026-11-28 08:59:16 H=(helo.example) [198.51.100.7]:54321 F=<spam@example.biz> rejected RCPT <dave@example.com>: relay not permitted\n" +
        "2026-11-28 08:59:17 1vXYZa-000ABC-12 Completed\n";

    [Fact]
    public async Task Exim_FindsBouncesDeferralsAndRejections()
    {
        var failures = await ReadAsync(EximLog, new MailLogReaderOptions { ShowFullAddresses = true });

        Assert.Equal([2L, 3L, 4L], failures.Select(f => f.LineNumber));
        Assert.All(failures, f => Assert.Equal(MailLogFormat.Exim, f.Format));
        Assert.Equal(SmtpFailureKind.RecipientUnknown, failures[0].Diagnosis.Kind);
        Assert.Equal("mx.example.org", failures[0].RemoteHost);
        Assert.Equal("192.0.2.4", failures[0].RemoteAddress);
        Assert.Equal("bob@example.org", failures[0].Recipient);
        Assert.Equal("1vXYZa-000ABC-12", failures[0].QueueId);
        Assert.Equal(SmtpFailureKind.RateLimited, failures[1].Diagnosis.Kind);
        Assert.True(failures[1].Diagnosis.IsTransient);
        Assert.Equal(SmtpFailureKind.RelayDenied, failures[2].Diagnosis.Kind);
        Assert.Equal(SmtpStage.Rcpt, failures[2].Diagnosis.Stage);
        Assert.Equal("198.51.100.7", failures[2].RemoteAddress);
        Assert.Null(failures[2].RemoteHost);
        Assert.Equal("spam@example.biz", failures[2].Sender);
        Assert.Equal("dave@example.com", failures[2].Recipient);
    }

    // Sendmail: delivery status and check_rcpt rejection lines (sendmail op guide, "Log file").
    private const string SendmailLog =
        "Nov 28 09:00:01 host sm-mta[4242]: 4ASD01a1004242: from=<alice@example.com>, size=1234, class=0, nrcpts=1, msgid=<x@example.com>, proto=ESMTP, relay=client [192.0.2.9]\n" +
        "Nov 28 09:00:02 host sm-mta[4243]: 4ASD01a1004242: to=<bob@example.org>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.org. [192.0.2.4], dsn=5.1.1, stat=User unknown\n" +
        "Nov 28 09:00:03 host sm-mta[4244]: 4ASD01a2004244: ruleset=check_rcpt, arg1=<carol@example.net>, relay=dsl-1-2.isp.example [203.0.113.8], reject=550 5.7.1 <carol@example.net>... Relaying denied. Proper authentication required.\n" +
        "Nov 28 09:00:04 host sm-mta[4245]: 4ASD01a1004242: to=<dave@example.org>, delay=00:00:01, mailer=esmtp, relay=mx.example.org. [192.0.2.4], dsn=2.0.0, stat=Sent (Ok: queued)\n";

    [Fact]
    public async Task Sendmail_FindsStatusAndRejectLines()
    {
        var failures = await ReadAsync(SendmailLog, new MailLogReaderOptions { ShowFullAddresses = true });

        Assert.Equal([2L, 3L], failures.Select(f => f.LineNumber));
        Assert.Equal(SmtpFailureKind.RecipientUnknown, failures[0].Diagnosis.Kind);
        Assert.Equal("5.1.1", failures[0].Diagnosis.EnhancedStatusCode?.ToString());
        Assert.Equal("mx.example.org", failures[0].RemoteHost);
        Assert.Equal(SmtpFailureKind.RelayDenied, failures[1].Diagnosis.Kind);
        Assert.True(failures[1].Diagnosis.IsRelayBlock);
        Assert.Equal("dsl-1-2.isp.example", failures[1].RemoteHost);
        Assert.Equal("carol@example.net", failures[1].Recipient);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("garbage without markers\nmore garbage")]
    [InlineData("x status=bounced (")]
    [InlineData("NOQUEUE: reject: RCPT")]
    [InlineData(" ** ")]
    [InlineData(", reject=")]
    public async Task MalformedOrTruncatedLines_NeverThrow(string log)
    {
        await ReadAsync(log);
    }

    [Fact]
    public async Task CrlfLatin1AndNoFinalNewline_AreRead()
    {
        var bytes = Encoding.Latin1.GetBytes("first line\r\nNov 28 mail postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <x@y.example>: Relais refusé; from=<a@b.example> to=<x@y.example> proto=ESMTP helo=<h>");
        using var stream = new MemoryStream(bytes);
        var failures = new List<LogFailure>();
        await foreach (var failure in new MailLogReader().ReadAsync(stream))
            failures.Add(failure);

        var only = Assert.Single(failures);
        Assert.Equal(2, only.LineNumber);
        Assert.Equal(SmtpFailureKind.RelayDenied, only.Diagnosis.Kind);
    }

    [Theory]
    [InlineData(1024, 5000)]            // longer than the limit, shorter than the read buffer
    [InlineData(1 << 18, 3 << 18)]      // longer than the buffer at its largest: read past in pieces
    public async Task LineLongerThanTheLimit_IsSkippedCountedAndCountingGoesOn(int limit, int length)
    {
        string log = new string('x', length) + " status=bounced (host x said: 550 5.1.1 User unknown)\n" + PostfixLog;
        var reader = new MailLogReader(options: new MailLogReaderOptions { MaxLineLength = limit });

        var failures = await ReadAsync(reader, Encoding.UTF8.GetBytes(log));

        Assert.Equal(3L, failures[0].LineNumber);
        Assert.Equal(4, failures.Count);
        Assert.Equal(1, reader.Skipped[SkipReason.LineTooLong]);
        Assert.Equal(1, reader.Skipped.Total);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    public async Task CrOnlyAndCrlfLineEnds_GiveTheSameFailuresAsLf(string lineEnd)
    {
        var expected = await ReadAsync(PostfixLog);

        var failures = await ReadAsync(new MailLogReader(), Encoding.UTF8.GetBytes(PostfixLog.Replace("\n", lineEnd, StringComparison.Ordinal)));

        Assert.Equal(4, expected.Count);
        Assert.Equal(expected.Select(f => (f.LineNumber, f.Diagnosis.Kind, f.Recipient)), failures.Select(f => (f.LineNumber, f.Diagnosis.Kind, f.Recipient)));
    }

    [Fact]
    public async Task CrOnlyLineEnds_SplitAcrossReads_AreOneLineEndEach()
    {
        // A CR at the end of one read may be the first half of a CRLF: the next read tells.
        var bytes = Encoding.UTF8.GetBytes(PostfixLog.Replace("\n", "\r\n", StringComparison.Ordinal));
        var reader = new MailLogReader();
        var pipe = new Pipe();
        var writing = Task.Run(async () =>
        {
            foreach (byte b in bytes)
            {
                await pipe.Writer.WriteAsync(new[] { b });
                if (b == '\r')
                    await Task.Yield();
            }

            await pipe.Writer.CompleteAsync();
        });
        var failures = new List<LogFailure>();
        await foreach (var failure in reader.ReadAsync(pipe.Reader))
            failures.Add(failure);
        await writing;

        Assert.Equal(new long[] { 2, 3, 5, 6 }, failures.Select(f => f.LineNumber));
    }

    [Fact]
    public async Task GzipLog_GivesTheSameFailuresAsThePlainOne()
    {
        var plain = Encoding.UTF8.GetBytes(PostfixLog + PostfixLog);
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(plain);

        var expected = await ReadAsync(new MailLogReader(), plain);
        var failures = await ReadAsync(new MailLogReader(), compressed.ToArray());

        Assert.Equal(8, expected.Count);
        Assert.Equal(expected.Select(f => (f.LineNumber, f.Diagnosis.Kind, f.QueueId)), failures.Select(f => (f.LineNumber, f.Diagnosis.Kind, f.QueueId)));
    }

    [Fact]
    public async Task CorruptGzipLog_IsCountedAndNeverThrows()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(PostfixLog));
        var bytes = compressed.ToArray();
        bytes.AsSpan(10, bytes.Length - 18).Fill(0xff);
        var reader = new MailLogReader();

        await ReadAsync(reader, bytes);

        Assert.Equal(1, reader.Skipped[SkipReason.CorruptCompressedData]);
    }

    [Fact]
    public void TryRead_OneLine_OrNullForALineWithoutFailure()
    {
        var reader = new MailLogReader();

        Assert.Null(reader.TryRead("Nov 28 mail postfix/smtp[1]: ABC: to=<a@b.example>, relay=x[1.2.3.4]:25, dsn=2.0.0, status=sent (250 ok)"));
        Assert.Equal(SmtpFailureKind.RelayDenied, reader.TryRead(PostfixLog.Split('\n')[1], 7)?.Diagnosis.Kind);
    }

    [Fact]
    public async Task OneGigabyteLog_IsReadInConstantMemory()
    {
        const long size = 1L << 30;
        using var log = new SyntheticLog(size);
        long failures = 0;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        await foreach (var failure in new MailLogReader().ReadAsync(log))
            failures++;

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(log.Failures, failures);
        Assert.True(failures > 200_000, failures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Allocation follows the failures found (a result each), never the bytes read: about 1 KB a failure at most.
        Assert.True(allocated < failures * 4096, $"{allocated} bytes allocated for {failures} failures");
    }

    [PostfixFact]
    public async Task RealPostfixLog_FromTheTestInstance()
    {
        // Postfix's own SMTP client hits the instance's second listener (relays for no one) and a closed port.
        using (var client = new MailKit.Net.Smtp.SmtpClient { LocalEndPoint = new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0) })
        {
            await client.ConnectAsync(PostfixInstance.Host, PostfixInstance.Port, SecureSocketOptions.None);
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse("app@test.example"));
            message.To.Add(MailboxAddress.Parse($"r{Guid.NewGuid():N}@relaytest.example"));
            message.To.Add(MailboxAddress.Parse($"r{Guid.NewGuid():N}@refused.example"));
            message.Body = new TextPart("plain") { Text = "test" };
            await client.SendAsync(message);
            await client.DisconnectAsync(true);
        }

        List<LogFailure> failures = [];
        for (int attempt = 0; attempt < 50; attempt++)
        {
            await Task.Delay(200);
            await using var log = new FileStream(PostfixInstance.MaillogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            failures.Clear();
            await foreach (var failure in new MailLogReader().ReadAsync(log))
                failures.Add(failure);
            if (failures.Any(f => f.Diagnosis.Kind == SmtpFailureKind.RelayDenied && f.Diagnosis.Source == DiagnosisSource.RemoteServer) &&
                failures.Any(f => f.Diagnosis.Kind == SmtpFailureKind.ConnectionFailed))
            {
                break;
            }
        }

        var relay = failures.Last(f => f.Diagnosis.Kind == SmtpFailureKind.RelayDenied && f.Diagnosis.Source == DiagnosisSource.RemoteServer);
        Assert.Equal(MailLogFormat.Postfix, relay.Format);
        Assert.Equal("127.0.0.1", relay.RemoteAddress);
        Assert.Equal(554, relay.Diagnosis.ReplyCode);
        Assert.Equal(SmtpStage.Rcpt, relay.Diagnosis.Stage);
        var refused = failures.Last(f => f.Diagnosis.Kind == SmtpFailureKind.ConnectionFailed);
        Assert.True(refused.Diagnosis.IsTransient);
    }

    /// <summary>A log made on the fly: Postfix lines, one failure in twenty, up to the given size.</summary>
    private sealed class SyntheticLog(long size) : GeneratedStream(size)
    {
        private static readonly byte[] Sent = Encoding.ASCII.GetBytes("Nov 28 01:19:41 mail postfix/smtp[23844]: B1234B1E010: to=<alice@example.org>, relay=mx.example.org[192.0.2.4]:25, delay=0.3, delays=0.01/0/0.1/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4C1F2)\n");
        private static readonly byte[] Bounced = Encoding.ASCII.GetBytes("Nov 28 01:19:40 mail postfix/smtp[23841]: A8C60B1E293: to=<bob@relaytest.example>, relay=mx.example.net[192.0.2.5]:25, delay=0.13, delays=0.02/0.04/0.05/0.03, dsn=5.7.1, status=bounced (host mx.example.net[192.0.2.5] said: 554 5.7.1 <bob@relaytest.example>: Relay access denied (in reply to RCPT TO command))\n");
        private long _line;
        private byte[] _current = [];
        private int _offset;

        public long Failures { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int written = 0;
            while (written < count)
            {
                if (_offset == _current.Length)
                {
                    if (Produced >= Length)
                        break;
                    _current = ++_line % 20 == 0 ? Bounced : Sent;
                    if (_current == Bounced)
                        Failures++;
                    _offset = 0;
                }

                int n = Math.Min(count - written, _current.Length - _offset);
                Buffer.BlockCopy(_current, _offset, buffer, offset + written, n);
                _offset += n;
                written += n;
                Produced += n;
            }

            return written;
        }
    }
}
