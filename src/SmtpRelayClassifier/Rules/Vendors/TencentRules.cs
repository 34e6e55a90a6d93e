using System.Collections.Generic;
using SmtpRelayClassifier.Classification;
using static SmtpRelayClassifier.Classification.FailureCause;
using static SmtpRelayClassifier.Classification.FailureRemedy;
using static SmtpRelayClassifier.Classification.SmtpFailureKind;

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
