using System;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;
using static SmtpRelayClassifier.SmtpFailureKind;
using static SmtpRelayClassifier.SmtpStage;

namespace SmtpRelayClassifier.Tests.Rules;

public class EnhancedCodeRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Theory]
    // hrs-allbsd/sendmail: sendmail/srvrsmtp.c
    [InlineData("553 5.6.7 Address requires SMTPUTF8", Mail)]
    // stalwartlabs/mail-server (corpus mtas.tsv)
    [InlineData("550 5.6.7 SMTPUTF8 is required for non-ASCII senders", Mail)]
    public void Classify_Utf8AddressWithoutSmtpUtf8_IsProtocolError(string reply, SmtpStage stage)
    {
        Assert.Equal(ProtocolError, Classifier.Classify(reply, SmtpFailureContext.ForStage(stage)).Kind);
    }

    [Fact]
    public void Classify_MailingListExpansionProblem_DependsOnTheClass()
    {
        // OpenSMTPD/OpenSMTPD: usr.sbin/smtpd/lka_session.c
        var transient = Classifier.Classify("424 4.2.4 Mailing list expansion problem: <staff@example.org>", SmtpFailureContext.ForStage(Rcpt));
        var permanent = Classifier.Classify("524 5.2.4 Mailing list expansion problem: <staff@example.org>", SmtpFailureContext.ForStage(Rcpt));

        Assert.Equal(ServiceUnavailable, transient.Kind);
        Assert.Equal(RecipientUnknown, permanent.Kind);
    }

    [Fact]
    public void Classify_DeliveryTimeExpired_IsLeftUnknown()
    {
        // Exchange Server NDR table (x13-me/OfficeDocs-Exchange: non-delivery-reports-and-bounce-messages.md)
        var d = Classifier.Classify("4.4.7 Message delayed");

        Assert.Equal(SmtpFailureKind.Unknown, d.Kind);
    }

    [Fact]
    public void Classify_SuccessReplyWithEnhancedCode_IsNotAFailure()
    {
        // https://github.com/jstedfast/MailKit/issues/1745
        var d = Classifier.Classify("250 2.1.5 Recipient ok: <xxx@janwiesemann.de>", SmtpFailureContext.ForStage(Rcpt));

        Assert.Equal(SmtpFailureKind.Unknown, d.Kind);
        Assert.Equal("code.2xx-3xx", d.RuleId);
    }

    [Theory]
    // hrs-allbsd/sendmail: sendmail/srvrsmtp.c
    [InlineData("504 5.3.3 AUTH mechanism CRAM-MD5 not available")]
    // OpenSMTPD/OpenSMTPD: usr.sbin/smtpd/smtp_session.c
    [InlineData("504 5.7.4 Security features not supported: AUTH method \"CRAM-MD5\" not supported")]
    public void Classify_MechanismNotAvailableAtAuth_IsAuthenticationFailed(string reply)
    {
        Assert.Equal(AuthenticationFailed, Classifier.Classify(reply, SmtpFailureContext.ForStage(Auth)).Kind);
    }

    [Fact]
    public void Classify_SystemNotCapableOfFeatureAtStartTls_IsLeftToTheStage()
    {
        // hrs-allbsd/sendmail: sendmail/srvrsmtp.c. X.3.3 names no kind; 454 at STARTTLS does.
        Assert.Equal(TlsFailed, Classifier.Classify("454 4.3.3 TLS currently not available", SmtpFailureContext.ForStage(StartTls)).Kind);
    }

    [Theory]
    // hrs-allbsd/sendmail: sendmail/milter.c
    [InlineData("554 5.7.1 Command rejected")]
    // cyrusimap/cyrus-imapd: imap/lmtp_err.et
    [InlineData("550 5.7.1 Message refused")]
    // tajohnson/amavisd-new: amavisd
    [InlineData("554 5.7.0 Reject, id=12345-01 - BANNED: .exe,.exe-ms,invoice.exe")]
    public void Classify_VaguePolicyCodeAfterData_IsMessageRejected(string reply)
    {
        Assert.Equal(MessageRejected, Classifier.Classify(reply, SmtpFailureContext.ForStage(EndOfData)).Kind);
    }

    [Fact]
    public void Classify_VaguePolicyCodeAtRcpt_IsStillUndecided()
    {
        // hrs-allbsd/sendmail: sendmail/milter.c, the same text answering RCPT.
        Assert.Equal(SmtpFailureKind.Unknown, Classifier.Classify("554 5.7.1 Command rejected", SmtpFailureContext.ForStage(Rcpt)).Kind);
    }

    [Fact]
    public void ClassifyKind_RepliesDecidedByCodes_AllocateNothing()
    {
        string[] replies =
        [
            "535 5.7.1 Please log in with your web browser and then try again.", "452 4.2.2 Mailbox full", "250 2.1.5 Recipient ok",
            "530 A SSL/TLS-connection is required for authentication.", "4.7.321 starttls-not-supported", "5.1.77 qqq", "424 4.2.4 qqq",
        ];
        Assert.Equal(0, Allocations.PerRound(() =>
        {
            foreach (string reply in replies)
                Classifier.ClassifyKind(reply);
        }, calls: 100));
    }
}
