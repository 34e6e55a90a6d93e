using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>MailEnable (Sisimai NoRelaying pattern).</summary>
internal static class MailEnableRules
{
    private const string V = "MailEnable";

    public static IEnumerable<SmtpFailureRule> All =>
    [
        new() { Id = "mailenable.authentication-for-non-local", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["requires authentication when attempting to send to a non-local e-mail address"], Stages = Stages.Envelope,
            Causes = [UnauthenticatedSubmission], Remedies = [AuthenticateOnSubmissionPort, UseSmtpServerOfCurrentNetwork] },
    ];
}
