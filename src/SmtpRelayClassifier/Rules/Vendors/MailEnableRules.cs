using System.Collections.Generic;
using SmtpRelayClassifier.Classification;
using static SmtpRelayClassifier.Classification.FailureCause;
using static SmtpRelayClassifier.Classification.FailureRemedy;
using static SmtpRelayClassifier.Classification.SmtpFailureKind;

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
