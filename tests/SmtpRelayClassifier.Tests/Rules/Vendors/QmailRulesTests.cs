using Xunit;

namespace SmtpRelayClassifier.Tests.Rules.Vendors;

public class QmailRulesTests
{
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
}
