using System;
using System.Linq;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;
using static SmtpRelayClassifier.RecipientAction;

namespace SmtpRelayClassifier.Tests.Classification;

/// <summary>
/// <see cref="RelayBlockDiagnosis.RecipientAction"/>: the decision table over every kind, transience and source, the README's
/// table held to it, and real replies through the classifier (full and brief).
/// </summary>
public class RecipientActionsTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;
    private static readonly DiagnosisSource[] Sources = Enum.GetValues<DiagnosisSource>();
    private static readonly bool[] Transiences = [false, true];

    [Fact]
    public void Table_HasOneRowPerKindInKindOrder()
    {
        Assert.Equal(Enum.GetValues<SmtpFailureKind>(), RecipientActions.Table().Select(r => r.Kind));
    }

    [Fact]
    public void For_EveryKindTransienceAndSource_IsTheReadmeTable()
    {
        var rows = ReadmeTables.Rows("What to do with the recipient");

        Assert.Equal(Enum.GetValues<SmtpFailureKind>().Length, rows.Count);
        foreach (var row in rows)
        {
            var kind = Enum.Parse<SmtpFailureKind>(row[0]);
            foreach (var source in Sources)
            {
                bool remote = source == DiagnosisSource.RemoteServer;
                Assert.Equal(Enum.Parse<RecipientAction>(row[remote ? 3 : 1]), RecipientActions.For(kind, transient: false, source, [], 550));
                Assert.Equal(Enum.Parse<RecipientAction>(row[remote ? 4 : 2]), RecipientActions.For(kind, transient: true, source, [], 450));
            }
        }
    }

    [Fact]
    public void For_RelayDenied_IsNeverSuppressWhateverTheTransienceSourceOrCause()
    {
        foreach (var source in Sources)
        {
            foreach (bool transient in Transiences)
            {
                foreach (var cause in Enum.GetValues<FailureCause>())
                    Assert.NotEqual(Suppress, RecipientActions.For(SmtpFailureKind.RelayDenied, transient, source, [cause], 554));
            }
        }
    }

    [Theory]
    [InlineData(SmtpFailureKind.AuthenticationRequired)]
    [InlineData(SmtpFailureKind.AuthenticationFailed)]
    [InlineData(SmtpFailureKind.SenderNotAuthorized)]
    [InlineData(SmtpFailureKind.TlsRequired)]
    [InlineData(SmtpFailureKind.TlsFailed)]
    public void For_PermanentAuthenticationTlsAndSenderFailures_IsFixSenderConfiguration(SmtpFailureKind kind)
    {
        Assert.Equal(FixSenderConfiguration, RecipientActions.For(kind, transient: false, DiagnosisSource.SubmissionSession, [], 535));
    }

    [Theory]
    [InlineData(FailureCause.DmarcOrDkimFailure)]
    [InlineData(FailureCause.SpfFailure)]
    public void For_MessageRefusedForItsAuthentication_IsFixSenderConfigurationFromAnySource(FailureCause cause)
    {
        foreach (var source in Sources)
            Assert.Equal(FixSenderConfiguration, RecipientActions.For(SmtpFailureKind.MessageRejected, false, source, [cause, FailureCause.ContentPolicy], 550));
    }

    [Fact]
    public void For_CauseOutranksItsKindOnlyWhenItIsTheMostLikely()
    {
        Assert.Equal(FixSenderConfiguration, RecipientActions.For(SmtpFailureKind.ClientBlocked, false, DiagnosisSource.RemoteServer, [FailureCause.MissingReverseDns], 550));
        Assert.Equal(RetryFromElsewhere, RecipientActions.For(SmtpFailureKind.ClientBlocked, false, DiagnosisSource.RemoteServer,
            [FailureCause.ClientOnBlockList, FailureCause.PoorReputation, FailureCause.MissingReverseDns], 550));
    }

    [Theory]
    [InlineData(250)]
    [InlineData(354)]
    public void For_UnknownWithASuccessOrIntermediateCode_IsNone(int code)
    {
        Assert.Equal(None, RecipientActions.For(SmtpFailureKind.Unknown, false, DiagnosisSource.Unknown, [], code));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(451)]
    [InlineData(550)]
    public void For_UnknownFailure_IsReview(int code)
    {
        foreach (bool transient in Transiences)
            Assert.Equal(Review, RecipientActions.For(SmtpFailureKind.Unknown, transient, DiagnosisSource.Unknown, [], code));
    }

    public static TheoryData<string, SmtpStage, DiagnosisSource, SmtpFailureKind, RecipientAction> RealReplies => new()
    {
        // Postfix smtpd_check.c reject_unauth_destination: the user's own server.
        { "554 5.7.1 <bob@example.org>: Relay access denied", SmtpStage.Rcpt, DiagnosisSource.SubmissionSession, SmtpFailureKind.RelayDenied, FixSenderConfiguration },
        // The same reply from a remote MX, as Postfix's bounce quotes it: the recipient domain's routing.
        { "host mx.example.org[192.0.2.1] said: 554 5.7.1 <bob@example.org>: Relay access denied (in reply to RCPT TO command)", SmtpStage.Unknown, DiagnosisSource.Unknown, SmtpFailureKind.RelayDenied, Review },
        // Postfix smtpd_check.c, unknown virtual mailbox: the user's own server refuses it, still the address is bad.
        { "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table", SmtpStage.Rcpt, DiagnosisSource.SubmissionSession, SmtpFailureKind.RecipientUnknown, Suppress },
        { "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table", SmtpStage.Rcpt, DiagnosisSource.RemoteServer, SmtpFailureKind.RecipientUnknown, Suppress },
        // Postfix reject_rbl_client.
        { "554 5.7.1 Service unavailable; Client host [192.0.2.99] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.99", SmtpStage.Rcpt, DiagnosisSource.RemoteServer, SmtpFailureKind.ClientBlocked, RetryFromElsewhere },
        // Gmail MX, DMARC.
        { "550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy.", SmtpStage.EndOfData, DiagnosisSource.RemoteServer, SmtpFailureKind.MessageRejected, FixSenderConfiguration },
        // REFERENCE §1.7 probe: a content verdict.
        { "550 5.7.1 Message rejected as spam", SmtpStage.EndOfData, DiagnosisSource.RemoteServer, SmtpFailureKind.MessageRejected, ReviewContent },
        // Postfix smtpd_sasl_glue.c; Postfix smtpd.c.
        { "535 5.7.8 Error: authentication failed: authentication failure", SmtpStage.Auth, DiagnosisSource.SubmissionSession, SmtpFailureKind.AuthenticationFailed, FixSenderConfiguration },
        { "530 5.7.0 Must issue a STARTTLS command first", SmtpStage.Mail, DiagnosisSource.SubmissionSession, SmtpFailureKind.TlsRequired, FixSenderConfiguration },
        // Postgrey's default text.
        { "450 4.2.0 <bob@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html", SmtpStage.Rcpt, DiagnosisSource.RemoteServer, SmtpFailureKind.RateLimited, RetryLater },
        // Gmail MX, a mailbox over quota for the moment; Cyrus lmtp_err.et, for good.
        { "452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp", SmtpStage.Rcpt, DiagnosisSource.RemoteServer, SmtpFailureKind.MailboxFull, RetryLater },
        { "552 5.2.2 Over quota SESSIONID=<cyrus-12345-1700000000-1-1234567890123456789>", SmtpStage.EndOfData, DiagnosisSource.RemoteServer, SmtpFailureKind.MailboxFull, Review },
        // RFC 5321 §4.2.1's 250.
        { "250 2.1.5 Ok", SmtpStage.Rcpt, DiagnosisSource.SubmissionSession, SmtpFailureKind.Unknown, None },
    };

    [Theory]
    [MemberData(nameof(RealReplies))]
    public void Classify_RealReply_GivesTheActionInFullAndBrief(string reply, SmtpStage stage, DiagnosisSource source, SmtpFailureKind kind, RecipientAction action)
    {
        var context = new SmtpFailureContext { Stage = stage, Source = source };

        var full = Classifier.Classify(reply, context);
        var brief = Classifier.ClassifyBrief(reply, context);

        Assert.Equal(kind, full.Kind);
        Assert.Equal(action, full.RecipientAction);
        Assert.Equal(action, brief.RecipientAction);
    }

    [Fact]
    public void Classify_SocketTimeoutOnPort25_IsFixSenderConfiguration()
    {
        // A timeout connecting to port 25 reads as an outbound port 25 block (README "What it reads").
        var e = new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.TimedOut);

        var d = Classifier.Classify(e, new SmtpFailureContext { Port = 25 });

        Assert.Contains(FailureCause.OutboundPort25Blocked, d.Causes);
        Assert.Equal(FixSenderConfiguration, d.RecipientAction);
    }
}
