using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>
/// Exim (src/src/configure.default ACLs) and the Exim-based shared-hosting and filtering services that add
/// "turn on SMTP Authentication" wording (observed in Symantec Email Security.cloud / MessageLabs bounces).
/// </summary>
internal static class EximRules
{
    private const string V = "Exim";

    public static IEnumerable<SmtpFailureRule> All =>
    [
        new() { Id = "exim.recipient-callout-deferred", Vendor = V, Tier = RuleTier.Overriding, Kind = RecipientVerificationDeferred,
            AnyPhrase = ["could not complete recipient verify callout"], Transience = Transience.Always },
        new() { Id = "exim.sender-callout-deferred", Vendor = V, Tier = RuleTier.Overriding, Kind = SenderAddressRejected,
            AnyPhrase = ["could not complete sender verify callout"], Causes = [SenderAddressInvalid], Remedies = [RetryLater],
            Transience = Transience.Always },
        new() { Id = "exim.sender-verify-failed", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderAddressRejected,
            AnyPhrase = ["sender verify failed", "sender verify defer"], Transience = Transience.ByCodeClass },

        // "550-host [ip]:port is not permitted to relay through this server without authentication."
        new() { Id = "exim.relay-without-authentication", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["is not permitted to relay through this server without authentication", "not permitted to relay through this server"],
            Stages = Stages.Envelope, Causes = [UnauthenticatedSubmission, ConnectedThroughAnotherProvider],
            Remedies = [AuthenticateOnSubmissionPort, UseSmtpServerOfCurrentNetwork] },
        new() { Id = "exim.relay-not-permitted", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["relay not permitted"], Stages = Stages.Envelope, Transience = Transience.Never },
        new() { Id = "exim.turn-on-smtp-authentication", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationRequired,
            AnyPhrase = ["turn on smtp authentication", "smtp auth is required for message submission"],
            Causes = [UnauthenticatedSubmission], Remedies = [AuthenticateOnSubmissionPort] },
        new() { Id = "exim.incorrect-authentication-data", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationFailed,
            AnyPhrase = ["incorrect authentication data"], Causes = [InvalidCredentials], Remedies = [CheckCredentials] },
        new() { Id = "exim.unrouteable-address", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientUnknown,
            AnyPhrase = ["unrouteable address", "unroutable address"] },
        new() { Id = "exim.temporary-local-problem", Vendor = V, Tier = RuleTier.Vendor, Kind = ServiceUnavailable,
            AnyPhrase = ["temporary local problem"], Transience = Transience.Always },
    ];
}
