using Xunit;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Tests.Rules.Vendors;

public class MicrosoftRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    // Exchange Online NDR table: MicrosoftDocs/OfficeDocs-Support, Exchange/ExchangeOnline/email-delivery/ndr/non-delivery-reports-in-exchange-online.md
    [Theory]
    [InlineData("4.7.321 starttls-not-supported: Destination mail server must support TLS to receive mail.", TlsFailed)]
    [InlineData("5.7.325 certificate-host-mismatch: Remote certificate MUST have a common name or subject alternative name matching the hostname (DANE)", TlsFailed)]
    [InlineData("4.4.8 MX hosts of example.net failed MTA-STS validation", TlsFailed)]
    [InlineData("450 4.4.317 Cannot connect to remote server [Message=UntrustedRoot]", TlsFailed)]
    [InlineData("5.7.124 Sender not in allowed-senders list", MessageRejected)]
    [InlineData("5.7.133 Sender not authenticated for group", MessageRejected)]
    [InlineData("550 5.7.193 UnifiedGroupAgent; Delivery failed because the sender isn't a group member", MessageRejected)]
    [InlineData("550 5.1.20 Multiple From addresses are not allowed without Sender address", MessageRejected)]
    [InlineData("5.4.300 Message expired", Unknown)]
    [InlineData("4.4.316 Connection refused [Message=Socket error code 10061]", ConnectionFailed)]
    public void Classify_ExchangeOnlineCodeOutsideTheRegistry_GetsItsDocumentedKind(string reply, SmtpFailureKind kind)
    {
        Assert.Equal(kind, Classifier.Classify(reply).Kind);
    }

    [Fact]
    public void Classify_ContinuousErrorThrottling_IsRateLimited()
    {
        // x13-me/OfficeDocs-Exchange: mail-flow-best-practices/continuous-error-throttling-smtp-auth-submissions.md
        var d = Classifier.Classify("550 5.2.251 Sender throttled due to continuous mailbox full errors.", SmtpFailureContext.ForStage(SmtpStage.Mail));

        Assert.Equal(RateLimited, d.Kind);
        Assert.True(d.IsTransient);
    }
}
