using Xunit;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Tests.Rules.Vendors;

public class GoogleRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    // Gmail's own meanings of registered codes: sisimai/p5-sisimai lib/Sisimai/Rhost/Google.pm, support.google.com/a/answer/3726730.
    [Theory]
    [InlineData("421 4.7.28 Gmail has detected this message exceeded its quota for sending messages with the same Message-ID:. To best protect our users, the message has been temporarily rejected.", RateLimited)]
    [InlineData("421 4.7.29 Your email has been rate limited because this message wasn't sent over a TLS connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections.", TlsRequired)]
    [InlineData("550 5.7.30 This mail has been blocked because DKIM does not pass. Gmail requires all large senders to authenticate with DKIM.", MessageRejected)]
    public void Classify_GmailReuseOfARegisteredCode_GetsGmailsMeaning(string reply, SmtpFailureKind kind)
    {
        Assert.Equal(kind, Classifier.Classify(reply, SmtpFailureContext.ForStage(SmtpStage.EndOfData)).Kind);
    }

    [Fact]
    public void Classify_RegisteredCodeWithoutGmailsName_KeepsTheRegistryMeaning()
    {
        // RFC 8689 §5: REQUIRETLS support required.
        Assert.Equal(TlsRequired, Classifier.Classify("550 5.7.30 REQUIRETLS support required").Kind);
    }

    [Fact]
    public void Classify_GmailDirectSendRefusalOverSeveralLines_IsADynamicAddressRelayBlock()
    {
        // suped.com: "Why is my IP address not authorized to send email": the words run on over continuation lines.
        var diagnosis = Classifier.Classify("550-5.7.1 [203.0.113.10] The IP you're using to send mail is not authorized\n550-5.7.1 to send email directly to our servers. Please use the SMTP relay at\n550-5.7.1 your service provider instead.",
            SmtpFailureContext.ForStage(SmtpStage.Mail));

        Assert.Equal(ClientBlocked, diagnosis.Kind);
        Assert.True(diagnosis.IsRelayBlock);
    }
}
