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

    /// <summary>The id of the rule that needs no evidence, which every reply falls back to: it cannot be turned off.</summary>
    public const string FallbackId = "generic.unknown";

    private static readonly HashSet<string> Ids = new(All.Select(r => r.Id), StringComparer.Ordinal);

    /// <summary>Whether a built-in rule has this id.</summary>
    public static bool IsBuiltIn(string id) => Ids.Contains(id);

    /// <summary>
    /// Compiles a user's rules, tried before the built-in ones (less the <paramref name="disabled"/> ids), or alone when
    /// <paramref name="includeBuiltIns"/> is false. The rules must have been checked: ids unique, and an evidence-free one among them when the built-in ones are left out.
    /// </summary>
    public static RuleSet Compose(IReadOnlyList<SmtpFailureRule> user, IEnumerable<string> disabled, bool includeBuiltIns)
    {
        var off = new HashSet<string>(disabled, StringComparer.Ordinal);
        var builtIns = includeBuiltIns ? All.Where(r => !off.Contains(r.Id)) : [];
        return new RuleSet(user.Concat(builtIns), Markers, leading: user.Count);
    }

    // A vendor's page is the help link of each of its rules that names none of its own.
    private static IEnumerable<SmtpFailureRule> WithHelpPage(this IEnumerable<SmtpFailureRule> rules, Uri page) =>
        rules.Select(r => r.HelpLink is null ? r with { HelpLink = page } : r);
}
