using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>Zoho Mail (observed in a Gmail DSN quoting mx.zoho.com).</summary>
internal static class ZohoRules
{
    private const string V = "Zoho Mail";

    public static IEnumerable<SmtpFailureRule> All =>
    [
        new() { Id = "zoho.relaying-disallowed", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["relaying disallowed"], Stages = Stages.Envelope },
    ];
}
