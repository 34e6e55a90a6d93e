using Xunit;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Tests.Rules.Vendors;

public class YahooRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Theory]
    [InlineData("421 Message from (192.0.2.10) temporarily deferred")] // sendgrid/docs: smtp-errors-and-troubleshooting.md
    [InlineData("421 Message temporarily deferred - 4.16.51")] // blog.csdn.net, Yahoo deferral codes
    public void Classify_YahooTemporaryDeferral_IsRateLimited(string reply)
    {
        var diagnosis = Classifier.Classify(reply);

        Assert.Equal(RateLimited, diagnosis.Kind);
        Assert.True(diagnosis.IsTransient);
    }

    [Fact]
    public void Classify_YahooPermanentDeferral_IsClientBlocked()
    {
        // suped.com: "What causes Yahoo to return TSS09".
        var diagnosis = Classifier.Classify("553 5.7.2 [TSS09] All messages from 192.0.2.10 will be permanently deferred; Retrying will NOT succeed",
            SmtpFailureContext.ForStage(SmtpStage.Mail));

        Assert.Equal(ClientBlocked, diagnosis.Kind);
    }

    [Fact]
    public void Classify_AolTooManyConnections_IsRateLimited()
    {
        // knownhost.com/kb/?p=5771.
        Assert.Equal(RateLimited, Classifier.Classify("521 5.2.1 : (CON:B1) http://postmaster.info.aol.com/errors/554conb1.html").Kind);
    }

    [Fact]
    public void Classify_AolDynamicAddress_IsAClientBlockThatIsARelayBlock()
    {
        // postmaster.info.aol.com/errors: RTR:DU, a dynamic or residential address that must send through its provider.
        var diagnosis = Classifier.Classify("554 RTR:DU http://postmaster.info.aol.com/errors/554rtrdu.html", SmtpFailureContext.ForStage(SmtpStage.Connect));

        Assert.Equal(ClientBlocked, diagnosis.Kind);
        Assert.True(diagnosis.IsRelayBlock);
    }
}
