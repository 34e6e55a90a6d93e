using System;
using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>Orange and La Poste (France): bilingual replies with a trailing tag (Sisimai Rhost/FrancePTT.pm, postmastery.com).</summary>
internal static class OrangeRules
{
    private const string V = "Orange / La Poste";

    /// <summary>The vendor's public page for its replies: Orange's postmaster page.</summary>
    public static readonly Uri HelpPage = new("https://postmaster.orange.fr/");

    public static IEnumerable<SmtpFailureRule> All =>
    [
        new() { Id = "orange.authentication-invalid", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationFailed,
            AnyPhrase = ["ofr_305", "code d'authentification invalide", "authentification invalide"], Causes = [InvalidCredentials], Remedies = [CheckCredentials] },
        new() { Id = "laposte.authentication-required", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationRequired,
            AnyPhrase = ["lpn105_402", "authentification requise"], Causes = [UnauthenticatedSubmission], Remedies = [AuthenticateOnSubmissionPort] },
        new() { Id = "orange.invalid-sender", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderAddressRejected,
            AnyPhrase = ["ofr004_405", "emetteur invalide", "émetteur invalide"], Causes = [SenderAddressInvalid], Remedies = [UseValidSenderAddress] },
        new() { Id = "laposte.sender-not-owned", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderNotAuthorized,
            AnyPhrase = ["lpn105_421", "mail from not owned by user"], Causes = [SenderDoesNotMatchAccount], Remedies = [MatchFromAddressToAccount] },
    ];
}
