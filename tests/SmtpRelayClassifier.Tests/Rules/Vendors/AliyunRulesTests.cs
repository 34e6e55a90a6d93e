using Xunit;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Tests.Rules.Vendors;

public class AliyunRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    // Aliyun DirectMail's SMTP replies (its documentation, mirrored at bestwisewords.com/document_detail/36612.html).
    [Theory]
    [InlineData("510 The length of DATA content is achieved the maximum threshold", SmtpStage.EndOfData, MessageTooLarge)]
    [InlineData("510 The length of Attach is achieved the maximum threshold", SmtpStage.EndOfData, MessageTooLarge)]
    [InlineData("505 the total of RCPTs is achieved the maximum threshold", SmtpStage.Rcpt, RateLimited)]
    public void Classify_ThresholdReached_IsTheLimitItNames(string reply, SmtpStage stage, SmtpFailureKind kind)
    {
        var diagnosis = Classifier.Classify(reply, SmtpFailureContext.ForStage(stage));

        Assert.Equal(kind, diagnosis.Kind);
        Assert.StartsWith("aliyun.", diagnosis.RuleId, System.StringComparison.Ordinal);
    }
}
