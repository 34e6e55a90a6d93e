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
        // The access database's REJECT: "550 5.7.1 <x>... Access denied", said of the sender at MAIL and of the recipient at RCPT.
        new() { Id = "sendmail.access-denied-sender", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderAddressRejected,
            AnyPhrase = [">... access denied"], Stages = Stages.Mail, StageRequired = true, Causes = [SenderOnBlockList],
            Remedies = [UseValidSenderAddress, ContactRecipient] },
        new() { Id = "sendmail.access-denied-recipient", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientUnknown,
            AnyPhrase = [">... access denied"], Stages = Stages.Rcpt, StageRequired = true, Confidence = DiagnosisConfidence.Medium,
            Causes = [RecipientMailboxMissing], Remedies = [VerifyRecipientAddress, ContactRecipient] },
        new() { Id = "sendmail.sender-domain", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderAddressRejected,
            AnyPhrase = ["domain of sender address"], Causes = [SenderAddressInvalid], Remedies = [UseValidSenderAddress],
            Transience = Transience.ByCodeClass },
        new() { Id = "sendmail.insufficient-disk-space", Vendor = V, Tier = RuleTier.Vendor, Kind = ServiceUnavailable,
            AnyPhrase = ["insufficient disk space"], Transience = Transience.ByCodeClass },
    ];
}
