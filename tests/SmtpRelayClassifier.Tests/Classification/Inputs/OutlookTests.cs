using System;
using System.Collections.Generic;
using System.Linq;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Classification.Inputs;

// The growth test times inputs: it runs with the classifier's, alone.
[Collection(nameof(SmtpRelayClassifier.Tests.Classification.SmtpFailureClassifierTests))]
public class OutlookTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    // Every number of REFERENCE §2.2 (Wine imnxport.idl) and §2.4.
    public static IEnumerable<object[]> Section22And24() =>
        Enumerable.Range(0xCC00, 0x1B).Concat(Enumerable.Range(0xCC60, 0x10)).Concat(Enumerable.Range(0xCC78, 0x08)).Concat([0xCC80])
            .Select(n => new object[] { 0x800C0000u | (uint)n })
            .Concat(Enumerable.Range(0xCC70, 0x0A).Select(n => new object[] { 0x000C0000u | (uint)n }))
            .Concat([[0x80042108u], [0x80042109u], [0x8004210Bu]]);

    // The SDK ranges of REFERENCE §2.3.
    public static IEnumerable<object[]> Section23() =>
        Enumerable.Range(0xCC40, 6).Concat(Enumerable.Range(0xCC90, 8)).Concat(Enumerable.Range(0xCCA0, 15))
            .Concat(Enumerable.Range(0xCCC2, 5)).Concat(Enumerable.Range(0xCCD1, 16)).Concat(Enumerable.Range(0xCC30, 16))
            .Concat(Enumerable.Range(0xCCF0, 5))
            .Select(n => new object[] { 0x800C0000u | (uint)n });

    [Theory]
    [MemberData(nameof(Section22And24))]
    [MemberData(nameof(Section23))]
    public void FromValue_EveryDocumentedNumber_IsKnownWithAName(uint value)
    {
        var number = OutlookHResult.FromValue(value);

        Assert.True(number.IsKnown, number.ToString());
        Assert.False(string.IsNullOrEmpty(number.Name));
        Assert.False(string.IsNullOrEmpty(number.Description));
        var d = Classifier.Classify(number);
        Assert.Equal(number, d.HResult);
    }

    [Fact]
    public void Classify_0x800CCC79Alone_IsRelayDeniedAtRcptWithMediumConfidence()
    {
        var d = Classifier.Classify(OutlookHResult.FromValue(0x800CCC79u));

        Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
        Assert.Equal(SmtpStage.Rcpt, d.Stage);
        Assert.Equal(DiagnosisConfidence.Medium, d.Confidence);
        Assert.Equal("IXP_E_SMTP_REJECTED_RECIPIENTS", d.HResult?.Name);
        Assert.True(d.IsRelayBlock);
    }

    [Theory]
    [InlineData("0x800CCC79")]
    [InlineData("0x800ccc79")]
    [InlineData("800CCC79")]
    [InlineData("(0x800CCC79)")]
    [InlineData("-2146644871")]
    [InlineData("2148322425")]
    public void TryParse_TheWaysTheNumberIsWritten_AllGiveTheSameNumber(string text)
    {
        Assert.True(OutlookHResult.TryParse(text, out var number));
        Assert.Equal(0x800CCC79u, number.Value);
        Assert.Equal("0x800CCC79", number.ToString());
    }

    [Fact]
    public void FromValue_SignedAndUnsigned_AreTheSameNumber()
    {
        Assert.Equal(OutlookHResult.FromValue(0x800CCC79u), OutlookHResult.FromValue(unchecked((int)0x800CCC79u)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("relay")]
    [InlineData("0x")]
    [InlineData("0x1234567890")]
    public void TryParse_NotANumber_ReturnsFalse(string text)
    {
        Assert.False(OutlookHResult.TryParse(text, out _));
    }

    [Fact]
    public void Classify_UnknownNumber_IsUnknownAndKeepsTheNumber()
    {
        var d = Classifier.Classify(OutlookHResult.FromValue(0x800CCCFFu));

        Assert.Equal(SmtpFailureKind.Unknown, d.Kind);
        Assert.Equal(0x800CCCFFu, d.HResult?.Value);
        Assert.False(d.HResult?.IsKnown);
    }

    [Theory]
    [InlineData(0x800CCC0Eu, SmtpFailureKind.ConnectionFailed)]
    [InlineData(0x800CCC0Fu, SmtpFailureKind.ConnectionFailed)]
    [InlineData(0x800CCC0Du, SmtpFailureKind.ConnectionFailed)]
    [InlineData(0x800CCC1Au, SmtpFailureKind.TlsFailed)]
    [InlineData(0x800CCC7Cu, SmtpFailureKind.TlsRequired)]
    [InlineData(0x800CCC7Du, SmtpFailureKind.TlsFailed)]
    [InlineData(0x800CCC7Fu, SmtpFailureKind.TlsFailed)]
    [InlineData(0x800CCC80u, SmtpFailureKind.AuthenticationFailed)]
    [InlineData(0x800CCC18u, SmtpFailureKind.AuthenticationFailed)]
    [InlineData(0x800CCC78u, SmtpFailureKind.SenderNotAuthorized)]
    [InlineData(0x800CCC67u, SmtpFailureKind.ServiceUnavailable)]
    [InlineData(0x800CCC6Du, SmtpFailureKind.MessageTooLarge)]
    [InlineData(0x800CCC62u, SmtpFailureKind.ProtocolError)]
    public void Classify_NumberAlone_GetsTheKindOfItsCommand(uint value, SmtpFailureKind kind)
    {
        Assert.Equal(kind, Classifier.Classify(OutlookHResult.FromValue(value)).Kind);
    }

    [Fact]
    public void Classify_0x800CCC79WithThrottlingResponse_TheResponseDecides()
    {
        // tech-archive.net: Windows Mail, 0x800CCC79 with a 450 throttling response.
        var d = Classifier.Classify(OutlookHResult.FromValue(0x800CCC79u), "450 Traffic is being throttled (recipients per ip limit exceeded)");

        Assert.Equal(SmtpFailureKind.RateLimited, d.Kind);
        Assert.True(d.IsTransient);
        Assert.Equal(SmtpStage.Rcpt, d.Stage);
    }

    [Fact]
    public void Classify_0x800CCC79WithUnrecognizedResponse_FallsBackOnTheNumberAndKeepsTheReply()
    {
        var d = Classifier.Classify(OutlookHResult.FromValue(0x800CCC79u), "550 nope");

        Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
        Assert.Equal(550, d.ReplyCode);
        Assert.Equal("nope", d.ReplyText);
    }

    [Fact]
    public void Parse_FrenchKb290842Dialog_ReadsEveryField()
    {
        var dialog = OutlookErrorDialog.Parse(SmtpRelayClassifier.Cli.KbExample.FrenchDialog);

        Assert.Equal("fr", dialog.Language);
        Assert.Equal("personne@exemple.com", dialog.RejectedAddress);
        Assert.Equal("<Test>", dialog.Subject);
        Assert.Equal("<Test>", dialog.Account);
        Assert.Equal("smtp.exemple.com", dialog.Server);
        Assert.Equal("SMTP", dialog.Protocol);
        Assert.Equal("550 <personne@exemple.com>... Relais refusé", dialog.ServerResponse);
        Assert.Equal(25, dialog.Port);
        Assert.False(dialog.Secure);
        Assert.Equal("550", dialog.ServerError);
        Assert.Equal(0x800CCC79u, dialog.ErrorNumber?.Value);
        Assert.StartsWith("Impossible d'envoyer le message", dialog.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_FrenchKb290842Dialog_IsRelayDenied()
    {
        var d = Classifier.Classify(OutlookErrorDialog.Parse(SmtpRelayClassifier.Cli.KbExample.FrenchDialog));

        Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
        Assert.True(d.IsRelayBlock);
        Assert.Equal(SmtpStage.Rcpt, d.Stage);
        Assert.Equal(550, d.ReplyCode);
        Assert.Equal("personne@exemple.com", d.Mailbox);
        Assert.Equal("smtp.exemple.com", d.Server);
        Assert.Equal(25, d.Port);
        Assert.Equal(0x800CCC79u, d.HResult?.Value);
        Assert.Equal(DiagnosisSource.SubmissionSession, d.Source);
    }

    // KB 290842 (English original).
    private const string EnglishKb =
        "The message could not be sent because one of the recipients was rejected by the server. The rejected e-mail address was " +
        "'<someone@example.com>'. Subject: '<Test>', Account: '<Test>', Server: '<smtp.example.com>', Protocol: SMTP, Server Response: " +
        "'550 <someone@example.com>... Relaying Denied', Port: 25, Secure (SSL): No, Server Error: 550, Error Number: 0x800CCC79";

    // KB 214402 spelling: "Subject '…'" without a colon, "Secure(SSL)", "Port 25"; qmail response with an apostrophe.
    private const string EnglishOldSpelling =
        "The message could not be sent because one of the recipients was rejected by the server. The rejected email address was " +
        "'bob@example.org'. Subject 'Hello', Account: 'mail.example.net', Server: 'mail.example.net', Protocol: SMTP, Server Response: " +
        "'553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)', Port 25, Secure(SSL): No, Server Error: 553, Error Number: 0x800CCC79.";

    [Fact]
    public void Parse_EnglishKbDialog_ReadsEveryField()
    {
        var dialog = OutlookErrorDialog.Parse(EnglishKb);

        Assert.Equal("en", dialog.Language);
        Assert.Equal("someone@example.com", dialog.RejectedAddress);
        Assert.Equal("smtp.example.com", dialog.Server);
        Assert.Equal("550 <someone@example.com>... Relaying Denied", dialog.ServerResponse);
        Assert.Equal(25, dialog.Port);
        Assert.Equal(0x800CCC79u, dialog.ErrorNumber?.Value);
        Assert.Equal(SmtpFailureKind.RelayDenied, Classifier.Classify(dialog).Kind);
    }

    [Fact]
    public void Parse_OlderSpellingWithApostropheInResponse_KeepsTheWholeResponse()
    {
        var dialog = OutlookErrorDialog.Parse(EnglishOldSpelling);

        Assert.Equal("Hello", dialog.Subject);
        Assert.Equal("553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", dialog.ServerResponse);
        Assert.Equal(25, dialog.Port);
        Assert.False(dialog.Secure);
        Assert.Equal(0x800CCC79u, dialog.ErrorNumber?.Value);
        var d = Classifier.Classify(dialog);
        Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
        Assert.Equal("5.7.1", d.EnhancedStatusCode?.ToString());
    }

    [Fact]
    public void Parse_ConnectionFailedDialogWithSocketError_ReadsTheSocketErrorAndFlagsPort25()
    {
        // KB Q176102 wording.
        const string text = "The connection to the server has failed. Account: 'mail.example.net', Server: 'smtp.example.net', " +
            "Protocol: SMTP, Port: 25, Secure(SSL): No, Socket Error: 10060, Error Number: 0x800CCC0E";

        var dialog = OutlookErrorDialog.Parse(text);
        var d = Classifier.Classify(dialog);

        Assert.Equal(10060, dialog.SocketError);
        Assert.Equal(SmtpFailureKind.ConnectionFailed, d.Kind);
        Assert.Equal(FailureCause.OutboundPort25Blocked, d.Causes[0]);
        Assert.True(d.IsRelayBlock);
    }

    [Fact]
    public void Parse_SenderRejectedDialog_ReadsTheSenderAddress()
    {
        // AT&T KM1189242 wording.
        const string text = "The message could not be sent because the server rejected the sender's e-mail address. The sender's e-mail address was " +
            "'alice@example.com'. Subject 'Hi', Account: 'att', Server: 'outbound.att.net', Protocol: SMTP, Server Response: '505 Authentication required', " +
            "Port: 25, Secure(SSL): No, Server Error: 505, Error Number: 0x800CCC78";

        var dialog = OutlookErrorDialog.Parse(text);
        var d = Classifier.Classify(dialog);

        Assert.Equal("alice@example.com", dialog.RejectedAddress);
        Assert.Equal(SmtpFailureKind.AuthenticationRequired, d.Kind);
        Assert.Equal(SmtpStage.Mail, d.Stage);
        Assert.True(d.IsRelayBlock);
    }

    [Fact]
    public void Parse_TaskReportedErrorForm_FindsTheNumber()
    {
        const string text = "Task 'mail.example.net - Sending' reported error (0x800CCC79) : 'The message could not be sent because one of the recipients was rejected by the server.'";

        var dialog = OutlookErrorDialog.Parse(text);

        Assert.Equal(0x800CCC79u, dialog.ErrorNumber?.Value);
        Assert.Equal(SmtpFailureKind.RelayDenied, Classifier.Classify(dialog).Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("Subject: 'x', Account: 'y'")]
    public void TryParse_NotADialog_ReturnsFalse(string text)
    {
        Assert.False(OutlookErrorDialog.TryParse(text, out _));
        Assert.Throws<FormatException>(() => OutlookErrorDialog.Parse(text));
    }

    [Fact]
    public void TryParse_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => OutlookErrorDialog.TryParse(null!, out _));
    }

    // Every position of a run of blanks after a field separator may start a label: finding out must not walk back over
    // the run each time. Sizes small enough that a quadratic reader fails in seconds rather than minutes.
    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData(" \t")]
    public void TryParse_LongRunOfBlanks_TakesTimeProportionalToItsLength(string blank)
    {
        string Dialog(int length) =>
            "Server Response: '550 5.7.1 Relaying denied', Port:" + string.Concat(Enumerable.Repeat(blank, length / blank.Length)) + ", Error Number: 0x800CCC79";
        string small = Dialog(10 * 1024), large = Dialog(100 * 1024);

        var growth = GrowthTimer.Measure(() => OutlookErrorDialog.TryParse(small, out _), () => OutlookErrorDialog.TryParse(large, out _), 10, 20);

        Assert.True(growth.Ratio <= 20, $"10 KB {growth.Small.TotalMilliseconds:F2} ms, " +
            $"100 KB {(growth.Large is { } time ? $"{time.TotalMilliseconds:F2} ms" : "given up")}, ratio {growth.Ratio:F1}");
        Assert.True(OutlookErrorDialog.TryParse(large, out var dialog));
        Assert.Equal(0x800CCC79u, dialog.ErrorNumber?.Value);
    }
}

public class OutlookShorthandTests
{
    private static readonly ISmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Fact]
    public void ClassifyHResult_UintIntAndText_GiveTheSameDiagnosis()
    {
        var fromUint = Classifier.ClassifyHResult(0x800CCC79u);
        var fromInt = Classifier.ClassifyHResult(unchecked((int)0x800CCC79u));
        var fromText = Classifier.ClassifyHResult("0x800CCC79");

        Assert.Equal(SmtpFailureKind.RelayDenied, fromUint.Kind);
        Assert.Equal(fromUint.RuleId, fromInt.RuleId);
        Assert.Equal(fromUint.RuleId, fromText.RuleId);
        Assert.Equal(fromUint.HResult, fromText.HResult);
    }

    [Fact]
    public void ClassifyHResult_TextThatIsNotANumber_ThrowsArgumentExceptionNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => Classifier.ClassifyHResult("relay denied"));

        Assert.Contains("'relay denied'", e.Message, StringComparison.Ordinal);
        Assert.Equal("hresult", e.ParamName);
    }

    [Fact]
    public void ClassifyOutlookDialog_BareResponse_IsClassifiedAsAReply()
    {
        Assert.Equal(SmtpFailureKind.RelayDenied, Classifier.ClassifyOutlookDialog("550 5.7.1 Relaying denied").Kind);
    }

    [Fact]
    public void ClassifyOutlookDialog_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Classifier.ClassifyOutlookDialog(null!));
    }
}
