using Xunit;

namespace SmtpRelayClassifier.Tests.Rules.Vendors;

public class TOnlineRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Theory]
    // mailcow/mailcow-dockerized#2639.
    [InlineData("554 IP=188.xxx.xxx.xxx - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t to clarify.) (BL)")]
    // ZoneMTA config/bounces.txt.
    [InlineData("554 IP:11.22.33.44 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.)")]
    public void Classify_TOnlineRefusingTheConnection_IsClientBlocked(string reply)
    {
        var diagnosis = Classifier.Classify(reply, SmtpFailureContext.ForStage(SmtpStage.Connect));

        Assert.Equal(SmtpFailureKind.ClientBlocked, diagnosis.Kind);
        Assert.Equal("tonline.ip-refused", diagnosis.RuleId);
    }
}
