using Xunit;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Tests.Rules.Vendors;

public class NetEaseRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    // NetEase's bounce-code table as the mail services built on it publish it: 163ns.com.cn/mail/MailFAQ.htm (554 HL:IHU,
    // 554 HL:IPB, 450 HL:MEP, 554 HL:ICC, 554 HL:IFQ) and biecuoliao.com/pa/MBRrwEM.html (451 RP:CEL, 450 MI:CCL, 450 DT:RBL).
    [Theory]
    [InlineData("554 HL:ICC", RateLimited)]
    [InlineData("554 HL:IFQ", RateLimited)]
    [InlineData("554 HL:IHU", ClientBlocked)]
    [InlineData("554 HL:IPB", ClientBlocked)]
    [InlineData("450 HL:MEP", ClientBlocked)]
    [InlineData("450 DT:RBL", ClientBlocked)]
    [InlineData("451 RP:CEL", ProtocolError)]
    [InlineData("450 MI:CCL", ProtocolError)]
    [InlineData("451 DT:SPM ,please try again", MessageRejected)]
    public void Classify_NetEaseTag_GetsTheKindNetEaseDocuments(string reply, SmtpFailureKind kind)
    {
        var diagnosis = Classifier.Classify(reply);

        Assert.Equal(kind, diagnosis.Kind);
        Assert.False(diagnosis.IsRelayBlock);
    }

    [Fact]
    public void Classify_NetEaseConnectionRate_IsTransientEvenWith554()
    {
        Assert.True(Classifier.Classify("554 HL:ICC", SmtpFailureContext.ForStage(SmtpStage.Connect)).IsTransient);
    }
}
