using System;
using System.Linq;
using System.Threading.Tasks;
using SmtpRelayClassifier.Scanning;
using Xunit;

namespace SmtpRelayClassifier.Tests.Scanning;

public partial class MailLogReaderTests
{
    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0, int second = 0)
    {
        var clock = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return new DateTimeOffset(clock, TimeZoneInfo.Local.GetUtcOffset(clock));
    }

    [Fact]
    public async Task DeferredDeliveries_AreDelayNotices_KeepingTheirKind()
    {
        // Postfix status=deferred (the test instance's line above), Exim "==" (Exim spec, "Log files"), and Sendmail
        // dsn=4.x.x, stat=Deferred (sendmail op guide, "Log file").
        const string log =
            "Nov 28 01:19:40 mail postfix/smtp[23843]: AA912B1E010: to=<carol@refused.example>, relay=none, delay=0.07, delays=0.01/0.07/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.1[127.0.0.1]:2599: Connection refused)\n" +
            "2026-11-28 08:59:15 1vXYZb-000ABC-13 == carol@example.net R=dnslookup T=remote_smtp defer (-44) H=mx.example.net [192.0.2.5]: SMTP error from remote mail server after RCPT TO:<carol@example.net>: 451 4.7.1 Greylisted, please try again later\n" +
            "Nov 28 09:00:05 host sm-mta[4246]: 4ASD01a3004246: to=<erin@example.net>, delay=00:00:30, xdelay=00:00:30, mailer=esmtp, pri=120000, relay=mx.example.net. [192.0.2.5], dsn=4.0.0, stat=Deferred: Connection timed out with mx.example.net.\n";

        var delays = await ReadAsync(log);

        Assert.Equal(3, delays.Count);
        Assert.All(delays, d => Assert.Equal(NotFailureKind.DelayNotice, d.Diagnosis.NotFailure));
        Assert.All(delays, d => Assert.Equal(RecipientAction.RetryLater, d.Diagnosis.RecipientAction));
        Assert.All(delays, d => Assert.True(d.Diagnosis.IsTransient));
        Assert.Equal(SmtpFailureKind.ConnectionFailed, delays[0].Diagnosis.Kind);
        Assert.Equal(SmtpFailureKind.RateLimited, delays[1].Diagnosis.Kind);
    }

    [Fact]
    public async Task BouncesAndRejections_StayFailures()
    {
        var failures = await ReadAsync(PostfixLog);

        Assert.Equal([true, false, true, true], failures.Select(f => f.Diagnosis.IsFailure));
    }

    [Fact]
    public async Task SyslogTimestamp_TakesItsYearFromTheReference()
    {
        // Read on 2 January: a line of 31 December is from the year before, one of 2 January from the same year.
        const string log =
            "Dec 31 23:00:00 mail postfix/smtp[1]: A1: to=<bob@example.org>, relay=mx.example.org[192.0.2.4]:25, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.4] said: 550 5.1.1 User unknown (in reply to RCPT TO command))\n" +
            "Jan  2 08:00:00 mail postfix/smtp[1]: A2: to=<bob@example.org>, relay=mx.example.org[192.0.2.4]:25, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.4] said: 550 5.1.1 User unknown (in reply to RCPT TO command))\n";

        var failures = await ReadAsync(log, new MailLogReaderOptions { TimestampReference = Local(2026, 1, 2, 9) });

        Assert.Equal([Local(2025, 12, 31, 23), Local(2026, 1, 2, 8)], failures.Select(f => f.Timestamp!.Value));
    }

    [Fact]
    public async Task Rfc3339AndEximTimestamps_AreRead()
    {
        // rsyslog's RFC3339 high-precision format (RSYSLOG_FileFormat), RFC 5424, and Exim's own log.
        string log =
            "2026-11-28T01:19:40.123456+01:00 mail postfix/smtp[23841]: A8C60B1E293: to=<bob@relaytest.example>, relay=127.0.0.1[127.0.0.1]:2526, dsn=5.7.1, status=bounced (host 127.0.0.1[127.0.0.1] said: 554 5.7.1 <bob@relaytest.example>: Relay access denied (in reply to RCPT TO command))\n" +
            "<22>1 2026-11-28T01:19:40Z mail postfix/smtp 23841 - - A8C60B1E294: to=<bob@relaytest.example>, relay=127.0.0.1[127.0.0.1]:2526, dsn=5.7.1, status=bounced (host 127.0.0.1[127.0.0.1] said: 554 5.7.1 <bob@relaytest.example>: Relay access denied (in reply to RCPT TO command))\n" +
            EximLog.Split('\n')[1] + "\n";

        var failures = await ReadAsync(log);

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 1, 19, 40, TimeSpan.FromHours(1)).AddTicks(1234560), failures[0].Timestamp);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 1, 19, 40, TimeSpan.Zero), failures[1].Timestamp);
        Assert.Equal(Local(2026, 11, 28, 8, 59, 14), failures[2].Timestamp);
    }

    [Fact]
    public async Task LinesOutsideSinceAndUntil_AreReadPastAndCountedByReason()
    {
        // PostfixLog's failure lines: 01:19:40 (two), 01:19:35 (two), all on 28 November.
        var reader = new MailLogReader(options: new MailLogReaderOptions
        {
            TimestampReference = Local(2026, 11, 30, 0),
            Since = Local(2026, 11, 28, 1, 19, 36),
            Until = Local(2026, 11, 28, 1, 19, 40),
        });

        var failures = await ReadAsync(reader, System.Text.Encoding.UTF8.GetBytes(PostfixLog));

        Assert.Empty(failures);
        Assert.Equal(2, reader.Skipped[SkipReason.BeforeSince]);
        Assert.Equal(2, reader.Skipped[SkipReason.AtOrAfterUntil]);
    }

    [Fact]
    public async Task LineWithoutTimestamp_IsKeptWhateverTheWindow()
    {
        const string line = "postfix/smtp[1]: A1: to=<bob@example.org>, relay=mx.example.org[192.0.2.4]:25, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.4] said: 550 5.1.1 User unknown (in reply to RCPT TO command))\n";

        var failures = await ReadAsync(line, new MailLogReaderOptions { Since = Local(2030, 1, 1, 0) });

        Assert.Null(Assert.Single(failures).Timestamp);
    }
}
