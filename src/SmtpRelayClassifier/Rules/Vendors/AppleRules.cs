using System;
using System.Collections.Generic;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>Apple's iCloud Mail: the bracketed tags of its refusals, "[CS01] Message rejected due to local policy" (support.apple.com/en-us/HT204137).</summary>
internal static class AppleRules
{
    private const string V = "Apple iCloud Mail";

    /// <summary>The vendor's public page for its replies: iCloud Mail's postmaster information.</summary>
    public static readonly Uri HelpPage = new("https://support.apple.com/en-us/HT204137");

    public static IEnumerable<SmtpFailureRule> All =>
    [
        new() { Id = "apple.local-policy", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageRejected,
            AllPhrases = ["rejected due to local policy"], AnyPhrase = ["[cs01]", "[cs02]"] },
    ];
}
