using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using SmtpRelayClassifier.Cli;
using SmtpRelayClassifier.Tests.Data;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Cli;

public class SmtpClassifyCliTests
{
    private static (int Exit, string Out, string Err) Run(string stdin, params string[] args) => CliRunner.Run(stdin, args);

    [Theory]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("es")]
    public void ClassifyText_Lang_LeavesNoEnglishLabelOnTheScreen(string language)
    {
        var english = SmtpRelayClassifier.DiagnosisExplainer.LanguagePacks.Single(p => p.Code == "en");
        var f = english.Facts;
        var l = english.Labels;
        var cli = TextLabels.For(CultureInfo.GetCultureInfo("en"));
        string[] labels =
        [
            f.Kind, f.RelayBlock, f.RetryCanHelp, f.Stage, f.ReplyCode, f.EnhancedCode, f.Mailbox, f.OutlookError, f.Source, f.WhoMustAct, f.Rule,
            l.Stage, l.Rule, l.LikelyCauses, l.WhatToDo, l.IfItPersists, l.ForTheAdministrator, l.Confidence,
            cli.Input, cli.Message, cli.RejectedAddress, cli.Subject, cli.Account, cli.Protocol, cli.ServerResponse, cli.Secure, cli.ServerError, cli.ErrorNumber,
            "Contract names", "Error type", "Evidence", "Summary", "Remedies",
            cli.Diagnosis.RecipientAction, cli.Diagnosis.RetryAfter, cli.Diagnosis.BlockList, cli.Diagnosis.ListedItem, cli.Diagnosis.HelpLink,
            cli.Diagnosis.WhyHeading, cli.Diagnosis.DecidedBy, cli.Diagnosis.Text, cli.Diagnosis.Phrases, cli.Diagnosis.CodesUsed, cli.Diagnosis.OtherRules,
        ];
        // A word spelled the same in both languages ("Message" in French) is that language's own label.
        var own = TextLabels.For(CultureInfo.GetCultureInfo(language));
        var pack = SmtpRelayClassifier.DiagnosisExplainer.LanguagePacks.Single(p => p.Code == language);
        var ownWords = new[] { own.Message, own.Server, own.Port, pack.Facts.Server }.ToHashSet(StringComparer.Ordinal);
        labels = labels.Where(label => !ownWords.Contains(label)).ToArray();
        var outputs = new[]
        {
            Run(string.Empty, "--lang", language).Out,
            // Postfix's refusal in the submission session, a Postfix bounce from a remote MX, Postgrey, a success reply.
            Run(string.Empty, "classify", "--lang", language, "554 5.7.1 <bob@example.org>: Relay access denied").Out,
            Run(string.Empty, "classify", "--lang", language, "host mx.example.net[192.0.2.25] said: 554 5.7.1 <bob@example.org>: Relay access denied (in reply to RCPT TO command)").Out,
            Run(string.Empty, "classify", "--lang", language, "450 4.2.0 <bob@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html").Out,
            Run(string.Empty, "classify", "--lang", language, "250 2.0.0 Ok: queued as 4BQ3xT").Out,
            // Postfix reject_rbl_client with the list's link; greylisting that names its wait; the relay refusal explained with --why.
            Run(string.Empty, "classify", "--lang", language, "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.10").Out,
            Run(string.Empty, "classify", "--lang", language, "450 4.7.1 <bob@example.org>: Client host rejected: Greylisted for 5 minutes").Out,
            Run(string.Empty, "classify", "--why", "--lang", language, "554 5.7.1 <bob@example.org>: Relay access denied").Out,
        };

        foreach (string output in outputs)
        {
            foreach (string line in output.Split('\n'))
            {
                string trimmed = line.TrimStart();
                foreach (string label in labels)
                    Assert.False(trimmed.StartsWith(label + ":", StringComparison.Ordinal) || trimmed.StartsWith(label + "\u00A0:", StringComparison.Ordinal), $"{language}: English label '{label}' in: {line}");
                Assert.False(trimmed.EndsWith(" yes", StringComparison.Ordinal) || trimmed.EndsWith(" no", StringComparison.Ordinal) && language != "es", $"{language}: English yes/no in: {line}");
            }

            Assert.DoesNotContain("(connect)", output, StringComparison.Ordinal);
            Assert.DoesNotContain("bob@example.org", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NoArguments_ExplainsTheKb290842Example()
    {
        var (exit, output, _) = Run(string.Empty);

        Assert.Equal(0, exit);
        Assert.Contains("Relais refusé", output, StringComparison.Ordinal);
        Assert.Contains("RelayDenied", output, StringComparison.Ordinal);
        Assert.Contains("0x800CCC79", output, StringComparison.Ordinal);
        Assert.Contains("AuthenticateOnSubmissionPort", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_EveryReplyOfReferenceSections26And41_GetsItsKindThroughJson()
    {
        var cases = RealReplies.Section41.Concat(RealReplies.Section26).ToArray();
        string stdin = string.Join('\n', cases.Select(c => c.Reply.Replace("\r\n", "\\n", StringComparison.Ordinal)));

        var (exit, output, _) = Run(stdin, "classify", "--json");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cases.Length, lines.Length);
        for (int i = 0; i < cases.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            var root = json.RootElement;
            Assert.Equal(cases[i].Kind.ToString(), root.GetProperty("kind").GetString());
            if (cases[i].IsRelayBlock is { } relayBlock)
                Assert.Equal(relayBlock, root.GetProperty("isRelayBlock").GetBoolean());
        }
    }

    [Fact]
    public void ClassifyJson_HasEveryContractProperty()
    {
        var (_, output, _) = Run(string.Empty, "classify", "--json", "554 5.7.1 <bob@example.org>: Relay access denied");

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        foreach (string name in new[] { "kind", "isRelayBlock", "isTransient", "stage", "replyCode", "enhancedStatusCode", "ruleId", "confidence", "causes", "remedies", "responsibleParty", "summary" })
            Assert.True(root.TryGetProperty(name, out _), name);
        Assert.Equal(554, root.GetProperty("replyCode").GetInt32());
        Assert.Equal("5.7.1", root.GetProperty("enhancedStatusCode").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("causes").ValueKind);
        Assert.Equal("AuthenticateOnSubmissionPort", root.GetProperty("remedies")[0].GetString());
    }

    [Fact]
    public void ClassifyJson_KeepsInputOrderAndEmptyLines()
    {
        var (_, output, _) = Run("550 5.1.1 User unknown\n\n554 5.7.1 Relay access denied\r\n", "classify", "--json", "--stage", "rcpt");

        var kinds = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString()!)
            .ToArray();
        Assert.Equal(["RecipientUnknown", "Unknown", "RelayDenied"], kinds);
    }

    [Fact]
    public void Classify_LiteralBackslashN_JoinsTheLinesOfOneReply()
    {
        var (_, output, _) = Run("550-Please turn on SMTP Authentication in your mail client.\\n550-host [192.0.2.1]:1 is not permitted to relay through this server without authentication.\n", "classify", "--json");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Equal("RelayDenied", JsonDocument.Parse(lines[0]).RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public void Classify_TextOutput_ShowsKindAndRemedies()
    {
        var (exit, output, _) = Run(string.Empty, "classify", "530 5.7.0 Must issue a STARTTLS command first");

        Assert.Equal(0, exit);
        Assert.Contains("TlsRequired", output, StringComparison.Ordinal);
        Assert.Contains("EnableTls", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Hresult_KnownNumber_PrintsItsNameAndKind()
    {
        var (exit, output, _) = Run(string.Empty, "hresult", "0x800CCC79", "--json");

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("RelayDenied", root.GetProperty("kind").GetString());
        Assert.Equal("IXP_E_SMTP_REJECTED_RECIPIENTS", root.GetProperty("hresultName").GetString());
    }

    [Fact]
    public void Outlook_DialogOnStdin_PrintsFieldsThenDiagnosis()
    {
        var (exit, output, _) = Run(KbExample.FrenchDialog, "outlook", "--json");

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("smtp.exemple.com", root.GetProperty("dialog").GetProperty("server").GetString());
        Assert.Equal("fr", root.GetProperty("dialog").GetProperty("language").GetString());
        Assert.Equal("RelayDenied", root.GetProperty("diagnosis").GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("frobnicate", "'frobnicate'")]
    [InlineData("classify --bogus", "'--bogus'")]
    [InlineData("classify --stage nowhere", "'nowhere'")]
    [InlineData("classify --port 99999", "'99999'")]
    [InlineData("classify --stage", "--stage")]
    [InlineData("hresult", "hresult")]
    public void BadArguments_ExitWith2AndNameTheArgument(string args, string named)
    {
        var (exit, _, error) = Run(string.Empty, args.Split(' '));

        Assert.Equal(2, exit);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Relay denied")]
    [InlineData("fr", "Relais refusé")]
    [InlineData("de", "Relaying verweigert")]
    [InlineData("es", "Retransmisión (relay) denegada")]
    public void ClassifyJsonExplain_Lang_GivesUserMessageAndExplanationInThatLanguage(string language, string title)
    {
        var (exit, output, _) = Run(string.Empty, "classify", "--json", "--explain", "--lang", language, "554 5.7.1 <bob@example.org>: Relay access denied");

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(language, root.GetProperty("language").GetString());
        Assert.StartsWith(title, root.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Contains("b***@example.org", root.GetProperty("userMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ClassifyJson_WithoutExplain_CarriesTheDiagnosisAndItsSummaryButNoExplanation()
    {
        var (exit, plain, _) = Run(string.Empty, "classify", "--json", "--lang", "fr", "554 5.7.1 <bob@example.org>: Relay access denied");
        var (_, explained, _) = Run(string.Empty, "classify", "--json", "--explain", "--lang", "fr", "554 5.7.1 <bob@example.org>: Relay access denied");

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(plain).RootElement;
        Assert.Equal("RelayDenied", root.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("summary").GetString()));
        Assert.All(new[] { "language", "userMessage", "explanation" }, name => Assert.False(root.TryGetProperty(name, out _), name));
        // The same line, the explanation added at its end.
        Assert.StartsWith(plain.TrimEnd('\n')[..^1] + ",\"language\":\"fr\",\"userMessage\":", explained, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassifyJsonExplain_AReplyWithoutABlockListAfterOneWithIt_NamesNoList()
    {
        // qpsmtpd plugins/dnsbl; Haraka haraka-plugin-helo.checks index.js: the same kind, rule and codes, one block list only.
        const string replies = "550 (dnsbl) Blocked by bl.spamcop.net\n550 HELO IP literal does not match your IP address\n";

        var (exit, output, _) = Run(replies, "classify", "--json", "--explain", "--lang", "en");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(0, exit);
        Assert.Equal(lines[0].GetProperty("ruleId").GetString(), lines[1].GetProperty("ruleId").GetString());
        Assert.Contains("SpamCop", lines[0].GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SpamCop", lines[1].GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ClassifyJsonExplain_TwoRepliesWhoseLinksDifferInTheirFragment_EachExplainedWithItsOwn()
    {
        // Gmail, from sisimai lib/Sisimai/Rhost/Google.pm and from support.lolipop.jp (article 21946925094675).
        const string replies =
            "550 5.7.26 This message does not have authentication information or fails to pass authentication checks (SPF or DKIM). To best protect our users from spam, the message has been blocked. Please visit https://support.google.com/mail/answer/81126 for more information.\n"
            + "This mail is unauthenticated, which poses a security risk to the sender and Gmail users, and has been blocked. The sender must authenticate with at least one of SPF or DKIM. For this message, DKIM checks did not pass and SPF check for [example.com] did not pass with ip: [192.0.2.10]. The sender should visit https://support.google.com/mail/answer/81126#authentication for 550 5.7.26 instructions on setting up authentication.\n";

        var (exit, output, _) = Run(replies, "classify", "--json", "--explain", "--lang", "en");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(0, exit);
        Assert.EndsWith("answer/81126", lines[0].GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("answer/81126#authentication", lines[1].GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NoArguments_ExplainsInTheRequestedLanguage()
    {
        var (exit, output, _) = Run(string.Empty, "--lang", "fr");

        Assert.Equal(0, exit);
        Assert.Contains("Causes probables\u00A0:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "'/no/such/file.log'", "scan", "/no/such/file.log")]
    [InlineData("", "give one or more files", "scan")]
    [InlineData("", "'relay'", "hresult", "relay")]
    [InlineData("hello", "error number", "outlook")]
    [InlineData("", "'xx'", "classify", "--lang", "xx", "550 x")]
    [InlineData("", "'xml'", "classify", "--format", "xml", "550 x")]
    [InlineData("", "give it with --json", "classify", "--explain", "550 x")]
    [InlineData("", "give it with --json", "classify", "--explain", "--format", "tsv", "550 x")]
    public void BadInput_IsAUsageErrorSayingWhatIsWrong(string stdin, string expected, params string[] args)
    {
        var (exit, output, error) = Run(stdin, args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    private const string Replies =
        "554 5.7.1 <bob@example.org>: Relay access denied\n" +
        "550 5.1.1 <\"erin x\"@example.org>: Recipient address rejected: User unknown\n" +
        "550 5.7.1 <dave@[192.0.2.1]>: Relay access denied, sender frank@[IPv6:2001:db8::1]\n";

    private static readonly string[] FullAddresses = ["bob@example.org", "\"erin x\"@example.org", "erin x", "dave@[192.0.2.1]", "frank@["];

    [Theory]
    [InlineData("classify")]
    [InlineData("classify", "--json")]
    [InlineData("classify", "--format", "tsv")]
    public void Classify_ByDefault_MasksEveryAddressInEveryOutput(params string[] args)
    {
        var (exit, output, _) = Run(Replies, args);

        Assert.Equal(0, exit);
        Assert.All(FullAddresses, address => Assert.DoesNotContain(address, output, StringComparison.Ordinal));
        if (args.Length == 1)
        {
            Assert.Contains("Input:              554 5.7.1 <b***@example.org>: Relay access denied", output, StringComparison.Ordinal);
            Assert.Contains("Mailbox:            b***@example.org", output, StringComparison.Ordinal);
            Assert.Contains("<\"e***\"@example.org>: Recipient address rejected", output, StringComparison.Ordinal);
            Assert.Contains("<d***@[192.0.2.1]>", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ClassifyJsonExplain_ByDefault_MasksInputMailboxReplyAndExplanation()
    {
        var (_, output, _) = Run(Replies, "classify", "--json", "--explain", "--stage", "rcpt");

        var root = JsonDocument.Parse(output.Split('\n')[0]).RootElement;
        Assert.Equal("554 5.7.1 <b***@example.org>: Relay access denied", root.GetProperty("input").GetString());
        Assert.Equal("b***@example.org", root.GetProperty("mailbox").GetString());
        Assert.Equal("<b***@example.org>: Relay access denied", root.GetProperty("replyText").GetString());
        Assert.Contains("b***@example.org", root.GetProperty("userMessage").GetString(), StringComparison.Ordinal);
        var third = JsonDocument.Parse(output.Split('\n')[2]).RootElement;
        Assert.Equal("<d***@[192.0.2.1]>: Relay access denied, sender f***@[IPv6:2001:db8::1]", third.GetProperty("replyText").GetString());
    }

    [Theory]
    [InlineData("", "personne@exemple.com")]
    [InlineData("", "personne@exemple.com", "--json")]
    [InlineData(KbExample.FrenchDialog, "personne@exemple.com", "outlook")]
    [InlineData(KbExample.FrenchDialog, "personne@exemple.com", "outlook", "--json")]
    [InlineData("", "bob@example.org", "classify", "554 5.7.1 <bob@example.org>: Relay access denied")]
    [InlineData("", "bob@example.org", "classify", "--json", "554 5.7.1 <bob@example.org>: Relay access denied")]
    [InlineData("", "dave@[192.0.2.1]", "classify", "--lang", "fr", "550 5.7.1 <dave@[192.0.2.1]>: Relay access denied")]
    public void ShowAddresses_ShowsThemInFullOnEveryCommand_OtherwiseNone(string stdin, string address, params string[] args)
    {
        var (maskedExit, masked, _) = Run(stdin, args);
        var (fullExit, full, _) = Run(stdin, [.. args, "--show-addresses"]);

        Assert.Equal(0, maskedExit);
        Assert.Equal(0, fullExit);
        Assert.DoesNotContain(address, masked, StringComparison.Ordinal);
        Assert.Contains(address[..1] + "***" + address[address.IndexOf('@', StringComparison.Ordinal)..], masked, StringComparison.Ordinal);
        Assert.Contains(address, full, StringComparison.Ordinal);
        Assert.DoesNotContain("***@", full, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Probe_ByDefault_MasksTheAddressesOfItsStepsAndTranscript(bool json)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { Rcpt = a => $"554 5.7.1 <{a}>: Relay access denied" });
        string[] args = ["probe", "--host", "127.0.0.1", "--port", server.Port.ToString(CultureInfo.InvariantCulture), "--timeout", "5",
            "--from", "\"erin x\"@example.com", "--to", "bob@example.org", .. json ? new[] { "--json" } : []];

        var (exit, masked, error) = Run(string.Empty, args);
        var (_, full, _) = Run(string.Empty, [.. args, "--show-addresses"]);
        if (json)
            (masked, full) = (masked.Replace("\\\"", "\"", StringComparison.Ordinal), full.Replace("\\\"", "\"", StringComparison.Ordinal));

        Assert.True(exit == 0, error);
        Assert.Contains("RCPT TO:<b***@example.org>", masked, StringComparison.Ordinal);
        Assert.Contains("\"e***\"@example.com", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("bob@", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("erin x", masked, StringComparison.Ordinal);
        Assert.Contains("RCPT TO:<bob@example.org>", full, StringComparison.Ordinal);
        Assert.Contains("\"erin x\"@example.com", full, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_SaysAddressesAreMaskedUnlessShowAddresses()
    {
        var (_, output, _) = Run(string.Empty, "--help");

        Assert.Contains("--show-addresses      Show e-mail addresses in full; every command masks them by default", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_PrintsUsageAndExits0()
    {
        var (exit, output, _) = Run(string.Empty, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("smtp-classify classify", output, StringComparison.Ordinal);
    }
}
