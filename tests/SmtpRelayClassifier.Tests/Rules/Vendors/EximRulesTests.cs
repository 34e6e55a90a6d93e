using Xunit;

namespace SmtpRelayClassifier.Tests.Rules.Vendors;

public class EximRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Fact]
    public void Classify_RestrictedCharactersInTheRecipientsLocalPart_IsRecipientUnknown()
    {
        // Exim/exim:src/src/configure.default's RCPT ACL, as Nodemailer reports it (a form handler's comment on GitHub).
        var diagnosis = Classifier.Classify("Can't send mail - all recipients were rejected: 550 Restricted characters in address",
            SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        Assert.Equal(SmtpFailureKind.RecipientUnknown, diagnosis.Kind);
        Assert.Equal("exim.restricted-characters", diagnosis.RuleId);
    }
}
