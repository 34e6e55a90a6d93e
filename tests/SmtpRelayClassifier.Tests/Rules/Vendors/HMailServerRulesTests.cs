using Xunit;

namespace SmtpRelayClassifier.Tests.Rules.Vendors;

public class HMailServerRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Fact]
    public void Classify_RecipientNotInARoutesAddressList_IsRecipientUnknown()
    {
        // hmailserver/hmailserver:hmailserver/source/Server/SMTP/RecipientParser.cpp
        var diagnosis = Classifier.Classify("550 Recipient not in route list.", SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        Assert.Equal(SmtpFailureKind.RecipientUnknown, diagnosis.Kind);
    }
}
