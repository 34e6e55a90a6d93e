using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>Yahoo (and Yahoo-hosted ISPs) and AOL: deferral tags [TS0x]/[TSS0x], policy tags, and AOL's RTR/RLY/DYN codes (ZoneMTA bounce rules).</summary>
internal static class YahooRules
{
    private const string V = "Yahoo and AOL";

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
        new() { Id = "yahoo.policy", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageRejected,
            AnyPhrase = ["not accepted for policy reasons"], Causes = [ContentPolicy, SpamContent] },
        new() { Id = "aol.dynamic", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["dyn:t1", "dyn:t2"], Causes = [DynamicIpListed], Remedies = [UseProviderRelay, UseSmtpServerOfCurrentNetwork] },
        new() { Id = "aol.reputation", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["rtr:", "rly:"], Causes = [PoorReputation, ClientOnBlockList], Transience = Transience.ByCodeClass },
    ];
}
