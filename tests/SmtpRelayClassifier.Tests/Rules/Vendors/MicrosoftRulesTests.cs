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

    // Exchange Online NDR table (non-delivery-reports-in-exchange-online.md) and its pages on the codes.
    [Theory]
    [InlineData("550 5.7.509 Access denied, sending domain [CONTOSO.COM] does not pass DMARC verification and has a DMARC policy of reject.", MessageRejected)]
    [InlineData("550 5.7.515 Access denied, sending domain [example.com] doesn't meet the required authentication level.", MessageRejected)]
    [InlineData("5.7.703 Your message can't be delivered because messages to bob@example.org are blocked by your organization using Tenant Allow Block List.", MessageRejected)]
    [InlineData("4.7.850 Access denied, please try again later", RateLimited)]
    [InlineData("5.7.504 [bob@contoso.com]: Recipient address rejected: Access denied", RecipientUnknown)]
    [InlineData("5.7.505 Access denied, banned recipient", RecipientUnknown)]
    [InlineData("554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException", RateLimited)]
    [InlineData("550 5.2.252 Sender throttled due to continuous send as denied errors.", RateLimited)]
    public void Classify_ExchangeOnlineCodeInsideABroadRange_GetsItsOwnKind(string reply, SmtpFailureKind kind)
    {
        Assert.Equal(kind, Classifier.Classify(reply).Kind);
    }

    [Theory]
    // MicrosoftDocs/OfficeDocs-Support: Exchange/ExchangeServer/mailflow/external-user-cannot-send-email-to-distribution-group.md
    [InlineData("550 5.7.1 RESOLVER.RST.AuthRequired; authentication required")]
    // MicrosoftDocs/OfficeDocs-Support: Exchange/ExchangeOnline/public-folders/cannot-send-emails-to-mail-enabled-public-folder.md
    [InlineData("550 5.7.13 STOREDRV.AuthenticationRequiredForPublicFolder")]
    public void Classify_RecipientThatTakesOnlyAuthenticatedSenders_IsMessageRejectedNotARelayBlock(string reply)
    {
        var diagnosis = Classifier.Classify(reply, SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        Assert.Equal(MessageRejected, diagnosis.Kind);
        Assert.False(diagnosis.IsRelayBlock);
    }
}
