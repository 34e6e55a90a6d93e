using System.Collections.Generic;
using System.Linq;
using SmtpRelayClassifier.Rules.Vendors;

namespace SmtpRelayClassifier.Rules;

/// <summary>The rule set the classifier ships with: vendor rules (most specific first), generic wording, enhanced codes, reply codes.</summary>
internal static class DefaultRules
{
    /// <summary>Every rule; the order of the sources is the order within a tier.</summary>
    public static IEnumerable<SmtpFailureRule> All =>
        MicrosoftRules.All
            .Concat(GoogleRules.All)
            .Concat(AmazonSesRules.All)
            .Concat(YahooRules.All)
            .Concat(OrangeRules.All)
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
            .Concat(NetEaseRules.All)
            .Concat(TOnlineRules.All)
            .Concat(BellRules.All)
            .Concat(GenericPhraseRules.All)
            .Concat(EnhancedCodeRules.All)
            .Concat(ReplyCodeRules.All);

    /// <summary>The compiled default set, built once.</summary>
    public static RuleSet Compiled { get; } = new(All);
}
