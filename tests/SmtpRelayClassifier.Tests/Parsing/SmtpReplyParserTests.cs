using System;
using System.Text;
using SmtpRelayClassifier.Parsing;
using Xunit;

namespace SmtpRelayClassifier.Tests.Parsing;

public partial class SmtpReplyParserTests
{
    private static (SmtpReply Reply, string Text) Parse(string input)
    {
        Assert.True(SmtpReplyParser.TryParse(input, out var reply), $"not a reply: {input}");
        return (reply, reply.GetText(input));
    }

    [Fact]
    public void TryParse_PostfixRelayDenial_ReadsCodeEnhancedCodeTextAndMailbox()
    {
        const string input = "554 5.7.1 <bob@example.org>: Relay access denied";

        var (reply, text) = Parse(input);

        Assert.Equal(554, reply.Code);
        Assert.Equal(new EnhancedStatusCode(5, 7, 1), reply.EnhancedStatusCode);
        Assert.Equal("<bob@example.org>: Relay access denied", text);
        Assert.Equal("bob@example.org", reply.GetMailbox(input));
        Assert.Equal(1, reply.LineCount);
        Assert.False(reply.IsTruncated);
        Assert.Equal(SmtpReplyWrappers.None, reply.Wrappers);
    }

    [Fact]
    public void TryParse_QmailTrailingEnhancedCode_ReadsIt()
    {
        var (reply, text) = Parse("553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)");

        Assert.Equal(553, reply.Code);
        Assert.Equal("5.7.1", reply.EnhancedStatusCode.ToString());
        Assert.Equal("sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", text);
    }

    [Fact]
    public void TryParse_ChkuserTrailingCode_ReadsIt()
    {
        var (reply, _) = Parse("553 sorry, that domain isn't in my list of allowed rcpthosts (#5.5.3 - chkuser)");

        Assert.Equal("5.5.3", reply.EnhancedStatusCode.ToString());
    }

    [Theory]
    [InlineData("550-5.7.1 Unable to relay\r\n550 5.7.1 second line")]
    [InlineData("550-5.7.1 Unable to relay\n550 5.7.1 second line")]
    [InlineData("550-5.7.1 Unable to relay\\n550 5.7.1 second line")]
    [InlineData("550-5.7.1 Unable to relay\\r\\n550 5.7.1 second line")]
    public void TryParse_MultiLineWithAnyLineBreak_JoinsLinesAsMailKitDoes(string input)
    {
        var (reply, text) = Parse(input);

        Assert.Equal(550, reply.Code);
        Assert.Equal("5.7.1", reply.EnhancedStatusCode.ToString());
        Assert.Equal(2, reply.LineCount);
        Assert.False(reply.IsTruncated);
        // MailKit keeps the enhanced code of the later lines: "5.7.1 Unable to relay\n5.7.1 second line" without the first code.
        Assert.Equal("Unable to relay\n5.7.1 second line", text);
    }

    [Fact]
    public void TryParse_MailKitMessageForm_ReadsTheEnhancedCodeWithoutAReplyCode()
    {
        var (reply, text) = Parse("5.7.1 <bob@example.org>: Relay access denied");

        Assert.Equal(0, reply.Code);
        Assert.Equal("5.7.1", reply.EnhancedStatusCode.ToString());
        Assert.Equal("<bob@example.org>: Relay access denied", text);
    }

    [Fact]
    public void TryParse_TruncatedMultiLine_IsMarkedTruncated()
    {
        var (reply, text) = Parse("550-Please turn on SMTP Authentication in your mail client.\r\n550-host [192.0.2.1]:1234 is not permitted");

        Assert.True(reply.IsTruncated);
        Assert.Equal(2, reply.LineCount);
        Assert.Contains("is not permitted", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_BareCode_IsAReplyWithEmptyText()
    {
        var (reply, text) = Parse("550");

        Assert.Equal(550, reply.Code);
        Assert.True(reply.EnhancedStatusCode.IsEmpty);
        Assert.Equal(string.Empty, text);
    }

    [Fact]
    public void TryParse_DsnDiagnosticCode_PeelsTheWrapperAndMarksIt()
    {
        var (reply, text) = Parse("Diagnostic-Code: smtp; 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown");

        Assert.Equal(550, reply.Code);
        Assert.Equal(SmtpReplyWrappers.DsnDiagnosticCode, reply.Wrappers);
        Assert.StartsWith("<bob@example.org>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_PostfixHostSaidWithTrailer_GivesHostAndStage()
    {
        const string input = "host mx.example.org[192.0.2.1] said: 554 5.7.1 <bob@example.org>: Relay access denied (in reply to RCPT TO command)";

        var (reply, text) = Parse(input);

        Assert.Equal(554, reply.Code);
        Assert.Equal(SmtpStage.Rcpt, reply.Stage);
        Assert.Equal("mx.example.org", reply.GetRemoteHost(input));
        Assert.Equal(SmtpReplyWrappers.PostfixHostSaid | SmtpReplyWrappers.PostfixInReplyTo, reply.Wrappers);
        Assert.Equal("<bob@example.org>: Relay access denied", text);
    }

    [Theory]
    [InlineData("(in reply to MAIL FROM command)", SmtpStage.Mail)]
    [InlineData("(in reply to end of DATA command)", SmtpStage.EndOfData)]
    [InlineData("(in reply to DATA command)", SmtpStage.Data)]
    [InlineData("(in reply to EHLO command)", SmtpStage.Ehlo)]
    public void TryParse_PostfixTrailer_NamesTheStage(string trailer, SmtpStage stage)
    {
        var (reply, _) = Parse("host mx.example.org[192.0.2.1] said: 550 5.7.1 refused " + trailer);

        Assert.Equal(stage, reply.Stage);
    }

    [Fact]
    public void TryParse_EximRemoteError_GivesStageMailboxAndReply()
    {
        const string input = "SMTP error from remote mail server after RCPT TO:<bob@example.org>: 550 relay not permitted";

        var (reply, text) = Parse(input);

        Assert.Equal(550, reply.Code);
        Assert.Equal(SmtpStage.Rcpt, reply.Stage);
        Assert.Equal("bob@example.org", reply.GetMailbox(input));
        Assert.Equal("relay not permitted", text);
        Assert.Equal(SmtpReplyWrappers.EximRemoteError, reply.Wrappers);
    }

    [Fact]
    public void TryParse_EximLogLineWithHost_PeelsTheHost()
    {
        const string input = "** bob@example.org R=dnslookup T=remote_smtp: SMTP error from remote mail server after end of data: host mx.example.org [192.0.2.1]: 552 5.3.4 Message too big";

        var (reply, _) = Parse(input);

        Assert.Equal(552, reply.Code);
        Assert.Equal(SmtpStage.EndOfData, reply.Stage);
        Assert.Equal("mx.example.org", reply.GetRemoteHost(input));
    }

    [Fact]
    public void TryParse_OutlookServerResponse_TakesTheQuotedReplyOnly()
    {
        const string input = "Protocol: SMTP, Server Response: '553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)', Port: 25";

        var (reply, text) = Parse(input);

        Assert.Equal(553, reply.Code);
        Assert.Equal("sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", text);
        Assert.Equal(SmtpReplyWrappers.OutlookServerResponse, reply.Wrappers);
    }

    [Fact]
    public void TryParse_FrenchOutlookServerResponse_TakesTheQuotedReply()
    {
        var (reply, text) = Parse("Protocole : SMTP, Réponse du serveur : '550 <personne@exemple.com>... Relais refusé', Port : 25");

        Assert.Equal(550, reply.Code);
        Assert.Equal("<personne@exemple.com>... Relais refusé", text);
    }

    [Fact]
    public void TryParse_ExchangeRemoteServerReturned_PeelsIt()
    {
        var (reply, _) = Parse("Remote Server returned '554 5.7.1 <bob@example.org>: Relay access denied'");

        Assert.Equal(554, reply.Code);
        Assert.Equal(SmtpReplyWrappers.ExchangeRemoteServerReturned, reply.Wrappers);
    }

    [Fact]
    public void TryParse_SystemNetMailMessage_PeelsIt()
    {
        var (reply, text) = Parse("Mailbox unavailable. The server response was: 5.7.1 Unable to relay for bob@example.org");

        Assert.Equal("5.7.1", reply.EnhancedStatusCode.ToString());
        Assert.Equal("Unable to relay for bob@example.org", text);
    }

    [Fact]
    public void TryParse_SendmailMailboxWithoutBrackets_FindsIt()
    {
        const string input = "550 5.7.1 bob@example.org... Relaying denied";

        Assert.True(SmtpReplyParser.TryParse(input, out var reply));
        Assert.Equal("bob@example.org", reply.GetMailbox(input));
    }

    [Fact]
    public void TryParse_ExchangeOnlineCodeWithTrailingDot_ReadsIt()
    {
        var (reply, text) = Parse("550 5.7.1. Unable To Relay: Blocked by Customer Allow list");

        Assert.Equal("5.7.1", reply.EnhancedStatusCode.ToString());
        Assert.Equal("Unable To Relay: Blocked by Customer Allow list", text);
    }

    [Fact]
    public void TryParse_ThreeDigitDetail_ReadsIt()
    {
        var (reply, _) = Parse("550 5.7.708 Access denied, traffic not accepted from this IP.");

        Assert.Equal(new EnhancedStatusCode(5, 7, 708), reply.EnhancedStatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("Relaying denied")]
    [InlineData("099 weird")]
    [InlineData("55O not a code")]
    [InlineData("5500 too long")]
    [InlineData("hello.world 1.2.3")]
    [InlineData("5.7.1234 not an enhanced code")]
    public void TryParse_NotAReply_ReturnsFalseWithoutThrowing(string input)
    {
        Assert.False(SmtpReplyParser.TryParse(input, out var reply));
        Assert.False(reply.IsReply);
        Assert.Equal(0, reply.Code);
    }

    [Fact]
    public void TryParse_NotAReply_StillCoversTheTrimmedText()
    {
        const string input = "  Relaying denied  ";

        SmtpReplyParser.TryParse(input, out var reply);

        Assert.Equal("Relaying denied", reply.GetText(input));
    }

    [Fact]
    public void TryParse_OneMegabyteLine_IsParsedWithoutThrowing()
    {
        string input = "550 5.7.1 " + new string('x', 1 << 20) + " Relay access denied";

        var (reply, text) = Parse(input);

        Assert.Equal(550, reply.Code);
        Assert.EndsWith("Relay access denied", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ManyLiteralBackslashes_StaysLinear()
    {
        string input = "550 " + string.Concat(System.Linq.Enumerable.Repeat("\\x", 200_000));

        var (reply, _) = Parse(input);

        Assert.Equal(1, reply.LineCount);
    }

    [Fact]
    public void TryParse_BinaryBytes_NeverThrows()
    {
        var random = new Random(42);
        var bytes = new byte[4096];
        for (int i = 0; i < 200; i++)
        {
            random.NextBytes(bytes);
            SmtpReplyParser.TryParse(bytes, out _);
            SmtpReplyParser.TryParse(Encoding.Latin1.GetString(bytes), out var reply);
            _ = reply.GetText(Encoding.Latin1.GetString(bytes));
        }
    }

    [Fact]
    public void TryParse_Utf8Bytes_GivesByteRanges()
    {
        byte[] input = Encoding.UTF8.GetBytes("554 5.7.1 Relais refusé pour <bob@exemple.fr>");

        Assert.True(SmtpReplyParser.TryParse(input, out var reply));
        Assert.Equal(554, reply.Code);
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal("bob@exemple.fr", Encoding.UTF8.GetString(input[reply.Mailbox]));
        Assert.Equal("Relais refusé pour <bob@exemple.fr>", Encoding.UTF8.GetString(input[reply.Text]));
#endif
    }

    // 'à' is C3 A0 in UTF-8: the byte A0 ends it and is not a no-break space.
    [Theory]
    [InlineData("554 5.7.1 Relais refusé à")]
    [InlineData("554 5.7.1 Relais refusé à\r\n")]
    [InlineData("554 5.7.1 Relais refusé à \t")]
    [InlineData("550 5.7.1 <bob@exemple.fr>... Relais refusé à\r\n")]
    public void TryParse_Utf8TextEndingInA_KeepsTheLastCharacterWhole(string input)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(input);
        SmtpReplyParser.TryParse(input, out var fromChars);

        Assert.True(SmtpReplyParser.TryParse(bytes, out var fromBytes));
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.EndsWith("refusé à", SmtpReplyParser.DecodeText(bytes[fromBytes.Text]), StringComparison.Ordinal);
        Assert.Equal(fromChars.GetText(input), SmtpReplyParser.DecodeText(bytes[fromBytes.Text]));
#endif
    }

    // The windows in which a mailbox or a wrapper is looked for are counted in characters: bytes of a text with many
    // non-ASCII characters find what the same text finds as chars, and what its ASCII twin (as many UTF-16 code units
    // of ASCII) finds.
    [Theory]
    [InlineData("é", "e", 600, true)]
    [InlineData("中", "z", 400, true)]
    [InlineData("😀", "ee", 300, true)]
    [InlineData("é", "e", 1100, false)]
    [InlineData("😀", "ee", 600, false)]
    public void TryParse_LongNonAsciiTextBeforeTheMailbox_FindsWhatItsAsciiTwinFinds(string filler, string twin, int count, bool found)
    {
        string Reply(string f) => "550 5.7.1 " + string.Concat(System.Linq.Enumerable.Repeat(f, count)) + " <bob@example.org>: Relay access denied";
        string input = Reply(filler), ascii = Reply(twin);
        byte[] bytes = Encoding.UTF8.GetBytes(input);

        SmtpReplyParser.TryParse(ascii, out var fromTwin);
        SmtpReplyParser.TryParse(input, out var fromChars);
        SmtpReplyParser.TryParse(bytes, out var fromBytes);

        Assert.Equal(found ? "bob@example.org" : null, fromTwin.GetMailbox(ascii));
        Assert.Equal(fromTwin.GetMailbox(ascii), fromChars.GetMailbox(input));
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal(fromTwin.GetMailbox(ascii), fromBytes.HasMailbox ? Encoding.UTF8.GetString(bytes[fromBytes.Mailbox]) : null);
#endif
    }

    [Theory]
    [InlineData("é", "e", 600, true)]
    [InlineData("中", "z", 400, true)]
    [InlineData("😀", "ee", 300, true)]
    [InlineData("中", "z", 1100, false)]
    public void TryParse_LongNonAsciiTextBeforeAWrapper_PeelsWhatItsAsciiTwinPeels(string filler, string twin, int count, bool found)
    {
        string Bounce(string f) => string.Concat(System.Linq.Enumerable.Repeat(f, count)) + " Remote Server returned '554 5.7.1 <bob@example.org>: Relay access denied'";
        string input = Bounce(filler), ascii = Bounce(twin);
        byte[] bytes = Encoding.UTF8.GetBytes(input);

        SmtpReplyParser.TryParse(ascii, out var fromTwin);
        SmtpReplyParser.TryParse(input, out var fromChars);
        SmtpReplyParser.TryParse(bytes, out var fromBytes);

        Assert.Equal(found ? SmtpReplyWrappers.ExchangeRemoteServerReturned : SmtpReplyWrappers.None, fromTwin.Wrappers);
        Assert.Equal((fromTwin.Wrappers, fromTwin.Code, fromTwin.GetMailbox(ascii)), (fromChars.Wrappers, fromChars.Code, fromChars.GetMailbox(input)));
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal(
            (fromTwin.Wrappers, fromTwin.Code, fromTwin.GetMailbox(ascii)),
            (fromBytes.Wrappers, fromBytes.Code, fromBytes.HasMailbox ? Encoding.UTF8.GetString(bytes[fromBytes.Mailbox]) : null));
#endif
    }

    // Bytes that are not UTF-8 decode as Latin-1, one character per byte: '©' (A9) looks like a UTF-8 continuation byte
    // but is a character of its own.
    [Theory]
    [InlineData(1000, true)]
    [InlineData(1100, false)]
    public void TryParse_Latin1BytesBeforeTheMailbox_CountOneCharacterPerByte(int count, bool found)
    {
        string input = "550 5.7.1 " + new string('©', count) + " <bob@example.org>: Relay access denied";
        byte[] bytes = Encoding.Latin1.GetBytes(input);

        SmtpReplyParser.TryParse(input, out var fromChars);
        SmtpReplyParser.TryParse(bytes, out var fromBytes);

        Assert.Equal(found ? "bob@example.org" : null, fromChars.GetMailbox(input));
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal(fromChars.GetMailbox(input), fromBytes.HasMailbox ? SmtpReplyParser.DecodeText(bytes[fromBytes.Mailbox]) : null);
#endif
    }

    [Fact]
    public void DecodeText_Latin1Bytes_FallsBackLikeMailKit()
    {
        byte[] latin1 = [(byte)'5', (byte)'5', (byte)'0', (byte)' ', (byte)'R', (byte)'e', (byte)'f', (byte)'u', (byte)'s', 0xE9];

        Assert.Equal("550 Refusé", SmtpReplyParser.DecodeText(latin1));
    }

    [Fact]
    public void TryParse_NonAsciiText_IsKept()
    {
        var (_, text) = Parse("550 5.7.1 Accès de relais refusé — 中继被拒绝");

        Assert.Equal("Accès de relais refusé — 中继被拒绝", text);
    }

    [Theory]
    [InlineData("5.7.1", 5, 7, 1)]
    [InlineData("4.4.316", 4, 4, 316)]
    [InlineData("2.0.0", 2, 0, 0)]
    public void EnhancedStatusCode_Parse_ReadsEachPart(string text, int cls, int subject, int detail)
    {
        var code = EnhancedStatusCode.Parse(text);

        Assert.Equal((cls, subject, detail), (code.Class, code.Subject, code.Detail));
        Assert.Equal(text, code.ToString());
    }

    [Theory]
    [InlineData("3.7.1")]
    [InlineData("5.7")]
    [InlineData("5.7.1.")]
    [InlineData("5..1")]
    [InlineData("x.7.1")]
    public void EnhancedStatusCode_Parse_RejectsMalformedWithFormatException(string text)
    {
        Assert.Throws<FormatException>(() => EnhancedStatusCode.Parse(text));
    }

    [Fact]
    public void EnhancedStatusCode_Constructor_RejectsAnInvalidClass()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnhancedStatusCode(3, 1, 1));
    }
}
