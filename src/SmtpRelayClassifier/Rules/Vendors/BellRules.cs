using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>Bell Canada / Sympatico (observed).</summary>
internal static class BellRules
{
    private const string V = "Bell Canada (Sympatico)";

    public static IEnumerable<SmtpFailureRule> All =>
    [
        new() { Id = "bell.not-allowed-to-send-to", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["you are not allowed to send mail to"], Stages = Stages.Envelope, Confidence = DiagnosisConfidence.Medium },
    ];
}
