using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>Tencent Exmail (observed): the envelope sender must be the login.</summary>
internal static class TencentRules
{
    private const string V = "Tencent Exmail";

    public static IEnumerable<SmtpFailureRule> All =>
    [
        new() { Id = "tencent.sender-must-be-login", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderNotAuthorized,
            AnyPhrase = ["must be same as authorization user"], Causes = [SenderDoesNotMatchAccount], Remedies = [MatchFromAddressToAccount] },
    ];
}
