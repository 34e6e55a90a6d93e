using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>hMailServer (source/Server/SMTP/SMTPConnection.cpp): IP ranges decide relaying and whether SMTP AUTH is required.</summary>
internal static class HMailServerRules
{
    private const string V = "hMailServer";

    public static IEnumerable<SmtpFailureRule> All =>
    [
        new() { Id = "hmailserver.delivery-not-allowed", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["delivery is not allowed to this address"], Stages = Stages.Envelope,
            Causes = [UnauthenticatedSubmission, ConnectedThroughAnotherProvider], Remedies = [AuthenticateOnSubmissionPort, AskProviderToAllowStaticIp] },
        new() { Id = "hmailserver.smtp-authentication-required", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationRequired,
            AnyPhrase = ["smtp authentication is required"], Causes = [UnauthenticatedSubmission], Remedies = [AuthenticateOnSubmissionPort] },
    ];
}
