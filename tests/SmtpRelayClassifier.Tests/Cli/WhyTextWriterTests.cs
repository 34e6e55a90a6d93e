using System;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace SmtpRelayClassifier.Tests.Cli;

/// <summary>
/// <c>smtp-classify classify --why</c>: after the diagnosis, the rule that decided with its phrases and codes and where
/// they stand (positions and a line of marks under the reply), then the rules weighed and lost, each with kind,
/// strength and why; with <c>--json</c>, a <c>why</c> array.
/// </summary>
public class WhyTextWriterTests
{
    // zone-eu/zone-mta config/bounces.txt: a relay refusal that also calls the client a spammer.
    private const string RelayingDeniedToASpammer =
        "553 5.7.1 <hostname[1.2.3.4]>: Client host rejected: Relaying denied - Your IP identified as spammer. Please contact 123";

    [Fact]
    public void ClassifyWhy_RelayingDeniedToASpammer_ShowsTheDecidingRuleThenTheRulesThatLostAndWhy()
    {
        var (exit, output, _) = CliRunner.Run(string.Empty, "classify", "--why", "--lang", "en", "--stage", "rcpt", RelayingDeniedToASpammer);

        var lines = output.Split('\n');
        Assert.Equal(0, exit);
        Assert.Contains(lines, l => l == "Why this diagnosis:");
        Assert.Contains(lines, l => l.StartsWith("  Decided by:", StringComparison.Ordinal) && l.EndsWith("sendmail.relaying-denied (RelayDenied, VendorPhrase)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  Phrases:", StringComparison.Ordinal) && l.EndsWith("'relaying denied' [53..68]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("    generic.block-list (ClientBlocked, Phrase): 'client host' [31..42]", StringComparison.Ordinal)
            && l.EndsWith("— weaker than the deciding VendorPhrase; the strongest contradiction; the confidence stays", StringComparison.Ordinal));
        Assert.Contains("    generic.spam (MessageRejected, Phrase): 'spam' [93..97] — weaker than the deciding VendorPhrase\n", output, StringComparison.Ordinal);
        Assert.Contains("    generic.relay-refused-wording (RelayDenied, WeakPhrase): 'rejected' [43..51], 'relay' [53..58], 'denied' [62..68], stage Rcpt — agrees: independent support\n", output, StringComparison.Ordinal);
        Assert.Contains("    enhanced.x.7.1 (Unknown, VagueEnhancedCode): enhanced code 5.7.1 [4..9] — names no kind: leaves it to the rest\n", output, StringComparison.Ordinal);
        Assert.Equal("spam", RelayingDeniedToASpammer[93..97]);
    }

    [Fact]
    public void ClassifyWhy_AMaskedAddressBeforeThePhrase_TheMarksStandUnderThePhraseOfTheShownText()
    {
        // Postfix smtpd_check.c reject_unauth_destination: the masked address is one character longer than bob@.
        const string reply = "554 5.7.1 <bob@example.org>: Relay access denied";

        var (_, output, _) = CliRunner.Run(string.Empty, "classify", "--why", "--lang", "en", reply);

        var (text, marks) = TextAndMarks(output);
        Assert.Contains("b***@example.org", text, StringComparison.Ordinal);
        Assert.Equal("Relay access denied", text.Substring(marks.IndexOf('^'), marks.Trim().Length));
        Assert.Equal(marks.TrimEnd().Length, text.Length);
    }

    [Fact]
    public void ClassifyWhy_DecidedByTheEnhancedCode_MarksTheCodeAndGivesItsPosition()
    {
        // Postfix mail_params.h: the deferral for a server configuration problem.
        var (_, output, _) = CliRunner.Run(string.Empty, "classify", "--why", "--lang", "en", "--stage", "rcpt", "451 4.3.5 Server configuration problem");

        var (text, marks) = TextAndMarks(output);
        Assert.Equal("4.3.5", text.Substring(marks.IndexOf('~'), marks.Trim().Length));
        Assert.Contains(output.Split('\n'), l => l.StartsWith("  Codes used:", StringComparison.Ordinal) && l.EndsWith("enhanced code 4.3.5 [4..9]", StringComparison.Ordinal));
        Assert.Contains("    code.451-452-455 (ServiceUnavailable, ReplyCode): reply code 451 [0..3] — agrees: independent support\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassifyWhy_YahooTss04_AnEquallyStrongVendorPhraseWasTriedLater()
    {
        // Yahoo 421 4.7.0 [TSS04], quoted at https://secuserve.zammad.com/help/en-us/5-f-a-q/397-deferred-yahoo-said-421-4-7-0-tss04.
        const string reply = "421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes";

        var (_, output, _) = CliRunner.Run(string.Empty, "classify", "--why", "--lang", "en", reply);

        Assert.Contains("    yahoo.temporarily-deferred (RateLimited, VendorPhrase): 'temporarily deferred' [43..63], reply code 421 [0..3] — as strong, but tried after the deciding rule\n", output, StringComparison.Ordinal);
        Assert.Contains("    yahoo.deferred-volume (RateLimited, VendorPhrase): 'deferred due to unexpected volume' [55..88] — as strong, but tried after the deciding rule; the strongest contradiction; the confidence stays\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassifyWhy_GreylistedWith422_TheCodeThatLoweredTheConfidenceSaysSo()
    {
        // Stalwart crates/smtp/src/inbound/rcpt.rs: greylisting sent with 4.2.2, the code of a full mailbox.
        var (_, output, _) = CliRunner.Run(string.Empty, "classify", "--why", "--lang", "en", "452 4.2.2 Greylisted, please try again in a few moments.");

        Assert.Contains("    enhanced.x.2.2 (MailboxFull, SpecificCode): enhanced code 4.2.2 [4..9] — weaker than the deciding Phrase; the strongest contradiction: it lowered the confidence\n", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "Pourquoi ce diagnostic", "Décidé par", "plus faible que l'indice décisif (VendorPhrase)")]
    [InlineData("de", "Warum diese Diagnose", "Entschieden durch", "schwächer als der entscheidende Beleg (VendorPhrase)")]
    [InlineData("es", "Por qué este diagnóstico", "Decidido por", "más débil que la prueba decisiva (VendorPhrase)")]
    public void ClassifyWhy_Lang_HeadingsLabelsAndReasonsInThatLanguage(string language, string heading, string decidedBy, string weaker)
    {
        var (_, output, _) = CliRunner.Run(string.Empty, "classify", "--why", "--lang", language, "--stage", "rcpt", RelayingDeniedToASpammer);

        Assert.Contains(heading, output, StringComparison.Ordinal);
        Assert.Contains("  " + decidedBy, output, StringComparison.Ordinal);
        Assert.Contains("generic.spam (MessageRejected, Phrase): 'spam' [93..97] — " + weaker + "\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassifyWithoutWhy_WritesNoRulesWeighed()
    {
        var (_, text, _) = CliRunner.Run(string.Empty, "classify", "--lang", "en", RelayingDeniedToASpammer);
        var (_, json, _) = CliRunner.Run(string.Empty, "classify", "--json", RelayingDeniedToASpammer);

        Assert.DoesNotContain("Why this diagnosis", text, StringComparison.Ordinal);
        Assert.Null(JsonNode.Parse(json)!["why"]);
    }

    [Fact]
    public void ClassifyWhyJson_EveryLine_HasTheRulesWeighedWithPositionsIntoTheInput()
    {
        // Postfix smtpd_check.c (reject_unauth_destination, reject_rbl_client), then the zone-mta text above.
        string[] replies =
        [
            "554 5.7.1 <bob@example.org>: Relay access denied",
            "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.10",
            RelayingDeniedToASpammer,
        ];

        var (exit, output, _) = CliRunner.Run(string.Join('\n', replies) + "\n", "classify", "--why", "--json", "--show-addresses");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(0, exit);
        Assert.Equal(replies.Length, lines.Count);
        for (int i = 0; i < replies.Length; i++)
        {
            var why = lines[i]["why"]!.AsArray();
            var decided = Assert.Single(why, c => c!["outcome"]!.GetValue<string>() == "Decided")!;
            Assert.Equal(lines[i]["ruleId"]!.GetValue<string>(), decided["ruleId"]!.GetValue<string>());
            foreach (var phrase in why.SelectMany(c => c!["phrases"]!.AsArray()))
            {
                int offset = phrase!["offset"]!.GetValue<int>(), length = phrase["length"]!.GetValue<int>();
                Assert.Equal(phrase["phrase"]!.GetValue<string>(), replies[i].Substring(offset, length), ignoreCase: true);
            }
        }

        Assert.Contains(lines[2]["why"]!.AsArray(), c => c!["ruleId"]!.GetValue<string>() == "generic.block-list" && c["outcome"]!.GetValue<string>() == "Contradicts");
    }

    // The "Text:" line of the why section (its value) and the line of marks under it, cut at the same column.
    private static (string Text, string Marks) TextAndMarks(string output)
    {
        var lines = output.Split('\n');
        int at = Array.FindIndex(lines, l => l.StartsWith("  Text:", StringComparison.Ordinal));
        Assert.True(at >= 0, output);
        int column = lines[at].IndexOf(lines[at].Substring(7).TrimStart(), 7, StringComparison.Ordinal);
        return (lines[at][column..], lines[at + 1].Length > column ? lines[at + 1][column..] : string.Empty);
    }
}
