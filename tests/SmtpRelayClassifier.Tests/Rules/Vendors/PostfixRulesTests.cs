using Xunit;

namespace SmtpRelayClassifier.Tests.Rules.Vendors;

public class PostfixRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Theory]
    // vdukhovni/postfix: src/smtpd/smtpd.c, the reply to a non-SMTP command (smtpd_forbidden_commands).
    [InlineData("221 2.7.0 Error: I can break rules, too. Goodbye.", SmtpStage.Unknown)]
    // vdukhovni/postfix: src/postscreen/postscreen_smtpd.c, the non-SMTP command test that drops the session.
    [InlineData("521 5.7.0 Error: I can break rules, too. Goodbye.", SmtpStage.Connect)]
    public void Classify_ClientThatSentANonSmtpCommand_IsProtocolErrorEvenUnderA221OrA521(string reply, SmtpStage stage)
    {
        var diagnosis = Classifier.Classify(reply, SmtpFailureContext.ForStage(stage));

        Assert.Equal(SmtpFailureKind.ProtocolError, diagnosis.Kind);
        Assert.Equal("postfix.forbidden-command", diagnosis.RuleId);
    }

    [Fact]
    public void Classify_CommandRefusedBecauseTheClientIsDenied_IsClientBlockedNotAProtocolError()
    {
        // vdukhovni/postfix: src/smtpd/smtpd.c, every command after smtpd_client_restrictions denied the client.
        var diagnosis = Classifier.Classify("503 5.7.0 Error: access denied for mail.example.net[198.51.100.7]",
            SmtpFailureContext.ForStage(SmtpStage.Ehlo));

        Assert.Equal(SmtpFailureKind.ClientBlocked, diagnosis.Kind);
    }

    [Fact]
    public void Classify_XclientFromAHostNotAuthorizedForIt_IsProtocolError()
    {
        // vdukhovni/postfix: src/smtpd/smtpd.c, xclient_cmd and xforward_cmd outside the authorized hosts.
        var diagnosis = Classifier.Classify("550 5.7.0 Error: insufficient authorization", SmtpFailureContext.ForStage(SmtpStage.Unknown));

        Assert.Equal(SmtpFailureKind.ProtocolError, diagnosis.Kind);
    }
}
