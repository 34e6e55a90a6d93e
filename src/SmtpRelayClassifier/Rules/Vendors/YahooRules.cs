using System;
using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>Yahoo (and Yahoo-hosted ISPs) and AOL: deferral tags [TS0x]/[TSS0x], policy tags, and AOL's RTR/RLY/DYN/CON codes (ZoneMTA bounce rules).</summary>
internal static class YahooRules
{
    private const string V = "Yahoo and AOL";

    /// <summary>The vendor's public page for its replies: Yahoo's Sender Hub list of SMTP error codes.</summary>
    public static readonly Uri HelpPage = new("https://senders.yahooinc.com/smtp-error-codes/");

    public static IEnumerable<SmtpFailureRule> All =>
    [
        new() { Id = "yahoo.from-not-verified", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderNotAuthorized,
            AnyPhrase = ["from address not verified"], Causes = [SenderIdentityNotVerified, SenderDoesNotMatchAccount],
            Remedies = [VerifySenderIdentity, MatchFromAddressToAccount] },
        new() { Id = "yahoo.deferred-complaints", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["deferred due to user complaints", "[tss04]", "[ts04]"], Causes = [PoorReputation],
            Remedies = [ReduceSendingRate, ReviewMessageContent], Transience = Transience.ByCodeClass },
        new() { Id = "yahoo.deferred-volume", Vendor = V, Tier = RuleTier.Vendor, Kind = RateLimited,
            AnyPhrase = ["deferred due to unexpected volume", "[ts01]", "[ts02]", "[ts03]", "[tss01]", "[tss02]", "[tss03]"],
            Transience = Transience.Always },
        // "421 Message from (192.0.2.10) temporarily deferred - 4.16.50": Yahoo and AOL defer an IP that sends too much for its reputation.
        new() { Id = "yahoo.temporarily-deferred", Vendor = V, Tier = RuleTier.Vendor, Kind = RateLimited,
            AllPhrases = ["temporarily deferred"], Codes = [421], Causes = [RateLimitExceeded, PoorReputation],
            Remedies = [ReduceSendingRate, RetryLater], Transience = Transience.Always },
        new() { Id = "yahoo.permanently-deferred", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["[tss09]", "[ts09]", "will be permanently deferred"], Causes = [PoorReputation, ClientOnBlockList],
            Remedies = [RequestBlockListRemoval, ContactMailAdministrator] },
        new() { Id = "yahoo.policy", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageRejected,
            AnyPhrase = ["not accepted for policy reasons"], Causes = [ContentPolicy, SpamContent] },
        new() { Id = "aol.dynamic", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["dyn:t1", "dyn:t2", "rtr:du"], Causes = [DynamicIpListed], Remedies = [UseProviderRelay, UseSmtpServerOfCurrentNetwork] },
        // "421 CON:B1": too many connections from this IP.
        new() { Id = "aol.connections", Vendor = V, Tier = RuleTier.Vendor, Kind = RateLimited,
            AnyPhrase = ["con:b1"], Causes = [RateLimitExceeded], Remedies = [ReduceSendingRate, RetryLater], Transience = Transience.Always },
        new() { Id = "aol.reputation", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["rtr:", "rly:"], Causes = [PoorReputation, ClientOnBlockList], Transience = Transience.ByCodeClass },
    ];
}
