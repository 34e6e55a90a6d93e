using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>Courier-MTA: the non-standard 513 reply for relaying (observed in Courier's test suite and forum logs).</summary>
internal static class CourierRules
{
    private const string V = "Courier-MTA";

    public static IEnumerable<SmtpFailureRule> All =>
    [
        new() { Id = "courier.relaying-denied", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["relaying denied"], Codes = [513], Stages = Stages.Envelope, Transience = Transience.Never },
    ];
}
