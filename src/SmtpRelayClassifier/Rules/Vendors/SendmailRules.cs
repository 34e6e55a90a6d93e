using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>Sendmail's cf rule set (cf/m4/proto.m4: confRELAY_MSG "550 Relaying denied", the _USE_AUTH_ variant) and its check_mail texts.</summary>
internal static class SendmailRules
{
    private const string V = "Sendmail";

    public static IEnumerable<SmtpFailureRule> All =>
    [
        new() { Id = "sendmail.relaying-denied-authentication", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AllPhrases = ["relaying denied"], AnyPhrase = ["proper authentication required", "authentication required"],
            Stages = Stages.Envelope, Causes = [UnauthenticatedSubmission, ConnectedThroughAnotherProvider, LanGatewayToAnotherProvider],
            Remedies = [AuthenticateOnSubmissionPort, UseSmtpServerOfCurrentNetwork, AskProviderToAllowStaticIp] },
        new() { Id = "sendmail.relaying-denied-ip-name-lookup", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AllPhrases = ["relaying denied", "ip name lookup failed"], Stages = Stages.Envelope,
            Causes = [UnauthenticatedSubmission, MissingReverseDns], Remedies = [AuthenticateOnSubmissionPort, UseSmtpServerOfCurrentNetwork] },
        // check_relay when the client's PTR lookup failed for the moment: "Relaying temporarily denied. Cannot resolve PTR record for …"
        new() { Id = "sendmail.relaying-temporarily-denied", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["relaying temporarily denied"], Stages = Stages.Envelope, Causes = [MissingReverseDns, UnauthenticatedSubmission],
            Remedies = [RetryLater, AuthenticateOnSubmissionPort, FixSenderDnsRecords], Transience = Transience.ByCodeClass },
        new() { Id = "sendmail.relaying-denied", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["relaying denied"], Stages = Stages.Envelope, Transience = Transience.Never },
        new() { Id = "sendmail.sender-domain", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderAddressRejected,
            AnyPhrase = ["domain of sender address"], Causes = [SenderAddressInvalid], Remedies = [UseValidSenderAddress],
            Transience = Transience.ByCodeClass },
        new() { Id = "sendmail.insufficient-disk-space", Vendor = V, Tier = RuleTier.Vendor, Kind = ServiceUnavailable,
            AnyPhrase = ["insufficient disk space"], Transience = Transience.ByCodeClass },
    ];
}
