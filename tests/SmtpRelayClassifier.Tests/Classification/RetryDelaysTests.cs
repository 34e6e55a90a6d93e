using System;
using System.Linq;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using SmtpRelayClassifier.Tests.Classification.Inputs;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Classification;

/// <summary>
/// <see cref="RelayBlockDiagnosis.RetryAfter"/>: the delay the server named, else the kind's default, none for a permanent
/// failure; the README's table "Retry after" held to the code.
/// </summary>
public class RetryDelaysTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Fact]
    public void Defaults_AreTheReadmeTable()
    {
        var rows = ReadmeTables.Rows("Retry after").ToDictionary(r => r[0], r => r[1]);

        foreach (var (kind, delay) in RetryDelays.Table())
            Assert.StartsWith(Show(delay), rows[kind.ToString()]);
        Assert.StartsWith(Show(RetryDelays.Greylisting), rows["RateLimited by greylisting (first cause Greylisting)"]);
        Assert.StartsWith(Show(RetryDelays.Otherwise), rows["any other transient failure"]);
        Assert.Equal("null", rows["permanent failure"]);
        Assert.Equal(RetryDelays.Table().Count() + 3, rows.Count);
    }

    private static string Show(TimeSpan delay) =>
        delay.TotalMinutes >= 60 ? $"{delay.TotalHours:0} hour" : $"{delay.TotalMinutes:0} minutes";

    public static TheoryData<string, SmtpStage, int?, bool> Replies => new()
    {
        // Postgrey with --greylist-text "Greylisted for %s seconds" (github.com/schweikert/postgrey/issues/86): the server's figure.
        { "450 4.2.0 <ppl@nayarit.be>: Recipient address rejected: Greylisted for 300 seconds", SmtpStage.Rcpt, 300, true },
        // milter-greylist.c: "please come back in %R".
        { "451 4.7.1 Greylisting in action, please come back in 00:29:46", SmtpStage.Rcpt, (29 * 60) + 46, true },
        // Postgrey's default text names no delay: greylisting's default (Postgrey's --delay 300).
        { "450 4.2.0 <bob@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html", SmtpStage.Rcpt, 5 * 60, false },
        // milter-greylist.c with "quiet".
        { "451 4.7.1 Greylisting in action, please come back later", SmtpStage.Rcpt, 5 * 60, false },
        // Exchange Online (cloudmailin.com smtp-troubleshooter/451-error): a client block for the moment.
        { "451 4.7.500 Server busy. Please try again later from [192.0.2.10].", SmtpStage.Rcpt, 60 * 60, false },
        // Exchange Online (vendors.tsv) and Yahoo MX (vendors.tsv): deferrals for the sending IP's reputation, client blocks for the moment.
        { "451 4.7.650 The mail server [192.0.2.5] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)", SmtpStage.Rcpt, 60 * 60, false },
        { "421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", SmtpStage.Mail, 60 * 60, false },
        // Gmail MX rate texts (vendors.tsv).
        { "421 4.7.28 Gmail has detected an unusual rate of mail originating from your IP address 192.0.2.25. To protect our users from spam, mail has been temporarily rate limited.", SmtpStage.Rcpt, 30 * 60, false },
        { "450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered. Please resend your message at a later time.", SmtpStage.Rcpt, 30 * 60, false },
        // Gmail MX: a mailbox over quota for the moment.
        { "452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp", SmtpStage.Rcpt, 60 * 60, false },
        // Postfix smtpd_check.c: permanent, no retry.
        { "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table", SmtpStage.Rcpt, null, false },
        // cPanel's relay refusal names 30 minutes, but it is permanent and no wait.
        { "550-ds176.domain.com [111.111.111.211] is currently not permitted to\nrelay through this server. Perhaps you have not logged into the pop/imap\nserver in the last 30 minutes or do not have SMTP Authentication turned on in your email client.", SmtpStage.Rcpt, null, false },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void Classify_RealReply_GivesTheWaitAndSaysWhetherTheServerNamedIt(string reply, SmtpStage stage, int? seconds, bool named)
    {
        var d = Classifier.Classify(reply, SmtpFailureContext.ForStage(stage));

        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, d.RetryAfter);
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal(named, !d.Evidence.RetryAfterRange.Equals(default(Range)));
#endif
    }

    [Fact]
    public void Classify_ServerNamedDelay_RangeStandsInTheClassifiedText()
    {
        const string Reply = "host mx.example.org[192.0.2.1] said: 450 4.2.1 Message was greylisted, try again in 51 seconds; see https://forwardemail.net/faq#do-you-have-a-greylist (in reply to RCPT TO command)";

        var d = Classifier.Classify(Reply);

        Assert.Equal(TimeSpan.FromSeconds(51), d.RetryAfter);
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal("51 seconds", Reply[d.Evidence.RetryAfterRange]);
#endif
        Assert.Equal(RecipientAction.RetryLater, d.RecipientAction);
    }

    [Fact]
    public void Classify_TransientFailureOfAnExceptionType_HasTheDefaultWait()
    {
        var d = Classifier.Classify(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset));

        Assert.True(d.IsTransient);
        Assert.Equal(RetryDelays.Otherwise, d.RetryAfter);
        Assert.Equal(default, d.Evidence.RetryAfterRange);
    }

    [Fact]
    public async Task Classify_MailKitGreylistingRefusal_CarriesTheServersDelay()
    {
        // Postgrey with --greylist-text "Greylisted for %s seconds" (github.com/schweikert/postgrey/issues/86), answered to MailKit's RCPT TO.
        var e = await MailKitExceptionTests.SendAndCatchAsync(new SmtpScript { Rcpt = a => $"450 4.2.0 <{a}>: Recipient address rejected: Greylisted for 300 seconds" });

        var d = Classifier.Classify(Assert.IsType<SmtpCommandException>(e));
        Assert.Equal(SmtpFailureKind.RateLimited, d.Kind);
        Assert.Equal(TimeSpan.FromSeconds(300), d.RetryAfter);
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal("300 seconds", e.Message[d.Evidence.RetryAfterRange]);
#endif
        Assert.Equal(RecipientAction.RetryLater, d.RecipientAction);
    }
}
