using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>
/// NetEase (163.com, 126.com, yeah.net and the mail services built on it): the short tags its MX servers put after the
/// reply code ("421 HL:ICC", "450 MI:DMC", "451 DT:SPM"), as NetEase's bounce-code table explains them.
/// </summary>
internal static class NetEaseRules
{
    private const string V = "NetEase";

    public static IEnumerable<SmtpFailureRule> All =>
    [
        // Too many concurrent connections, messages or recipients from this IP, this connection or this sender.
        new() { Id = "netease.rate", Vendor = V, Tier = RuleTier.Vendor, Kind = RateLimited,
            AnyPhrase = ["hl:icc", "hl:ifc", "hl:ifq", "mi:dmc", "rp:drc", "mi:sfq"],
            Causes = [RateLimitExceeded], Remedies = [ReduceSendingRate, RetryLater], Transience = Transience.Always },
        // The IP behaves badly (many unknown recipients, forged sender domains), is suspended, is not on the allowed list, or is on an RBL.
        new() { Id = "netease.ip-blocked", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["hl:rep", "hl:mep", "hl:ihu", "hl:ipb", "dt:rbl", "wm:bli"],
            Causes = [PoorReputation, ClientOnBlockList], Remedies = [RequestBlockListRemoval, ReduceSendingRate], Transience = Transience.ByCodeClass },
        // Too many wrong or unexpected commands from the client.
        new() { Id = "netease.bad-commands", Vendor = V, Tier = RuleTier.Vendor, Kind = ProtocolError,
            AnyPhrase = ["mi:cel", "mi:ccl", "rp:cel", "rp:ccl"], Causes = [ClientProtocolViolation], Remedies = [FixClientSoftware],
            Transience = Transience.ByCodeClass },
        // The body looks like spam, or the sending set-up is not standard.
        new() { Id = "netease.spam", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageRejected,
            AnyPhrase = ["dt:spm"], Causes = [SpamContent], Remedies = [ReviewMessageContent], Transience = Transience.ByCodeClass },
    ];
}
