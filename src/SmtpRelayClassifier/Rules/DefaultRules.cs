using System;
using System.Collections.Generic;
using System.Linq;
using SmtpRelayClassifier.Rules.Vendors;

namespace SmtpRelayClassifier.Rules;

/// <summary>The rule set the classifier ships with: vendor rules (most specific first), generic wording, enhanced codes, reply codes.</summary>
internal static class DefaultRules
{
    /// <summary>Every rule; the order of the sources is the order within a tier.</summary>
    public static IEnumerable<SmtpFailureRule> All =>
        MicrosoftRules.All.WithHelpPage(MicrosoftRules.HelpPage)
            .Concat(GoogleRules.All.WithHelpPage(GoogleRules.HelpPage))
            .Concat(AmazonSesRules.All)
            .Concat(YahooRules.All.WithHelpPage(YahooRules.HelpPage))
            .Concat(OrangeRules.All.WithHelpPage(OrangeRules.HelpPage))
            .Concat(AppleRules.All.WithHelpPage(AppleRules.HelpPage))
            .Concat(ComcastRules.All.WithHelpPage(ComcastRules.HelpPage))
            .Concat(SendmailRules.All)
            .Concat(EximRules.All)
            .Concat(QmailRules.All)
            .Concat(PostfixRules.All)
            .Concat(CourierRules.All)
            .Concat(OpenSmtpdRules.All)
            .Concat(HMailServerRules.All)
            .Concat(DominoRules.All)
            .Concat(MailEnableRules.All)
            .Concat(ZohoRules.All)
            .Concat(TencentRules.All)
            .Concat(AliyunRules.All)
            .Concat(NetEaseRules.All)
            .Concat(TOnlineRules.All)
            .Concat(BellRules.All)
            .Concat(GenericPhraseRules.All)
            .Concat(EnhancedCodeRules.All)
            .Concat(ReplyCodeRules.All);

    /// <summary>The phrases no rule needs that the full diagnosis looks for: the block lists' (first), then the link schemes.</summary>
    public static IReadOnlyList<string> Markers { get; } = [.. BlockLists.Phrases, "http://", "https://"];

    /// <summary>The compiled default set, built once.</summary>
    public static RuleSet Compiled { get; } = new(All, Markers);

    // A vendor's page is the help link of each of its rules that names none of its own.
    private static IEnumerable<SmtpFailureRule> WithHelpPage(this IEnumerable<SmtpFailureRule> rules, Uri page) =>
        rules.Select(r => r.HelpLink is null ? r with { HelpLink = page } : r);
}
