using Xunit;
using static SmtpRelayClassifier.SmtpFailureKind;
using static SmtpRelayClassifier.SmtpStage;

namespace SmtpRelayClassifier.Tests.Rules;

public class ReplyCodeRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Theory]
    // sisimai/p5-sisimai: lib/Sisimai/Rhost/Google.pm
    [InlineData("535 5.7.1 Please log in with your web browser and then try again. For more information, visit https://support.google.com/mail/bin/accounts/answer/78754")]
    // Gmail, quoted at https://freeport-outlet.ru/en/oshibki-otpravki-i-varianty-ih-ustraneniya-ne-udaetsya-otpravit-ili-poluchit.html
    [InlineData("535 5.7.1 http://support.google.com/mail/bin/answer.py?answer=14257o5sm1396905lbg.5")]
    public void Classify_535WithVagueEnhancedCode_IsAuthenticationFailed(string reply)
    {
        var d = Classifier.Classify(reply, SmtpFailureContext.ForStage(Auth));

        Assert.Equal(AuthenticationFailed, d.Kind);
        Assert.False(d.RuleId.StartsWith("enhanced.", System.StringComparison.Ordinal), $"decided by the vague code: {d.RuleId}");
    }

    [Theory]
    // Yandex, https://github.com/PHPMailer/PHPMailer/issues/283
    [InlineData("530 5.7.7 Email sending without SSL/TLS encryption is not allowed. Please see: http://help.yandex.ru/mail/mail-clients/ssl.xml")]
    // hmailserver/hmailserver: hmailserver/source/Server/SMTP/SMTPConnection.cpp
    [InlineData("530 A SSL/TLS-connection is required for authentication.")]
    public void Classify_530WithEncryptionWording_IsTlsRequired(string reply)
    {
        Assert.Equal(TlsRequired, Classifier.Classify(reply, SmtpFailureContext.ForStage(Auth)).Kind);
    }

    [Fact]
    public void Classify_530WithoutEncryptionWording_IsAuthenticationRequired()
    {
        // qmail-ldap/qmail-ldap: qmail-smtpd.c
        Assert.Equal(AuthenticationRequired, Classifier.Classify("530 authentication needed", SmtpFailureContext.ForStage(Mail)).Kind);
    }

    [Theory]
    [InlineData("521 5.7.1 qqq", ServiceUnavailable, "code.521-556")]
    [InlineData("556 5.7.0 qqq", ServiceUnavailable, "code.521-556")]
    [InlineData("538 5.7.1 qqq", TlsRequired, "code.538")]
    [InlineData("534 5.7.1 qqq", AuthenticationFailed, "code.534")]
    public void Classify_SpecificReplyCodeBesideAVagueEnhancedCode_KeepsTheReplyCodesMeaning(string reply, SmtpFailureKind kind, string ruleId)
    {
        var d = Classifier.Classify(reply);

        Assert.Equal(kind, d.Kind);
        Assert.Equal(ruleId, d.RuleId);
    }

    [Fact]
    public void Classify_550BesideAVagueEnhancedCode_IsStillUndecided()
    {
        var d = Classifier.Classify("550 5.7.1 qqq");

        Assert.Equal(SmtpFailureKind.Unknown, d.Kind);
        Assert.Equal("enhanced.x.7.1", d.RuleId);
    }
}
