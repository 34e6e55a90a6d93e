using Xunit;

namespace SmtpRelayClassifier.Tests.Rules.Vendors;

public class ZohoRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Fact]
    public void Classify_RelayingDisallowedAsAnotherAddress_IsSenderNotAuthorizedAndARelayBlock()
    {
        // Zoho Mail via gomail (a GitHub project's log of its own error; the address shortened). The From address is not the account's.
        var diagnosis = Classifier.Classify("gomail: could not send email 1: 553 Relaying disallowed as noreply@example.in",
            SmtpFailureContext.ForStage(SmtpStage.Mail));

        Assert.Equal(SmtpFailureKind.SenderNotAuthorized, diagnosis.Kind);
        Assert.True(diagnosis.IsRelayBlock);
    }
}
