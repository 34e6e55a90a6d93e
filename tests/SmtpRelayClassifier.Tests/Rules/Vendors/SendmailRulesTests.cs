using Xunit;

namespace SmtpRelayClassifier.Tests.Rules.Vendors;

public class SendmailRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    // hrs-allbsd/sendmail:cf/m4/proto.m4: the access database's REJECT, said of whichever address the command carried.
    [Theory]
    [InlineData("550 5.7.1 <alice@example.com>... Access denied", SmtpStage.Mail, SmtpFailureKind.SenderAddressRejected)]
    [InlineData("550 5.7.1 <bob@example.org>... Access denied", SmtpStage.Rcpt, SmtpFailureKind.RecipientUnknown)]
    public void Classify_AccessDatabaseReject_IsTheAddressOfTheStage(string reply, SmtpStage stage, SmtpFailureKind kind)
    {
        var diagnosis = Classifier.Classify(reply, SmtpFailureContext.ForStage(stage));

        Assert.Equal(kind, diagnosis.Kind);
        Assert.False(diagnosis.IsRelayBlock);
    }
}
