using Xunit;

namespace SmtpRelayClassifier.Tests.Rules.Vendors;

public class QmailRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Theory]
    // A Postfix log quoting a qmail server with the validrcptto patch (a mail-log excerpt in a GitHub repository).
    [InlineData("host smtp-gate.ebiuniverse.com[212.154.28.211] said: 553 sorry, this recipient is not in my validrcptto list (#5.7.1) (in reply to RCPT TO command)")]
    [InlineData("553 sorry, your envelope recipient has been denied (#5.7.1)")] // sagredo-dev/qmail:qmail-smtpd.c (badrcptto)
    public void Classify_RecipientOutsideTheValidOrInTheBadRecipientList_IsRecipientUnknown(string reply)
    {
        var diagnosis = Classifier.Classify(reply, SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        Assert.Equal(SmtpFailureKind.RecipientUnknown, diagnosis.Kind);
        Assert.False(diagnosis.IsRelayBlock);
    }

    // sagredo-dev/qmail: qmail.c, qmail-queue's failures as qmail-smtpd reports them.
    [Theory]
    [InlineData("451 qq timeout (#4.3.0)")]
    [InlineData("451 qq read error (#4.3.0)")]
    [InlineData("451 qq crashed (#4.3.0)")]
    public void Classify_QueueFailure_IsServiceUnavailableNotAConnectionTimeout(string reply)
    {
        var diagnosis = SmtpFailureClassifier.Default.Classify(reply, SmtpFailureContext.ForStage(SmtpStage.EndOfData));

        Assert.Equal(SmtpFailureKind.ServiceUnavailable, diagnosis.Kind);
        Assert.Equal("qmail.qq-temporary-problem", diagnosis.RuleId);
    }

    // sagredo-dev/qmail: qmail.c, the words a refusal of the queued message is reported in, in both classes.
    [Theory]
    [InlineData("554 mail server permanently rejected message (#5.3.0)", SmtpFailureKind.MessageRejected)]
    [InlineData("451 mail server temporarily rejected message (#4.3.0)", SmtpFailureKind.ServiceUnavailable)]
    public void Classify_MailServerThatRejectedTheMessage_IsARefusedMessageOnlyWhenPermanent(string reply, SmtpFailureKind expected)
    {
        var diagnosis = Classifier.Classify(reply, SmtpFailureContext.ForStage(SmtpStage.EndOfData));

        Assert.Equal(expected, diagnosis.Kind);
    }
}
