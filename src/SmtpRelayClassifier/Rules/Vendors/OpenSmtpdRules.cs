using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>OpenSMTPD (usr.sbin/smtpd/smtp_session.c, lka_session.c). Its relay refusal says only "Invalid recipient".</summary>
internal static class OpenSmtpdRules
{
    private const string V = "OpenSMTPD";

    public static IEnumerable<SmtpFailureRule> All =>
    [
        // "550 Invalid recipient: <x>" is also what an unauthenticated client gets for an outside domain.
        new() { Id = "opensmtpd.invalid-recipient", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientUnknown,
            AnyPhrase = ["invalid recipient"], NotPhrases = ["too many invalid recipients"], Stages = Stages.Rcpt, Confidence = DiagnosisConfidence.Medium,
            Causes = [RecipientMailboxMissing, RecipientDomainNotServed, UnauthenticatedSubmission],
            Remedies = [VerifyRecipientAddress, AuthenticateOnSubmissionPort] },
        new() { Id = "opensmtpd.must-issue-auth", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationRequired,
            AnyPhrase = ["must issue an auth command first"], Causes = [UnauthenticatedSubmission], Remedies = [AuthenticateOnSubmissionPort] },
        new() { Id = "opensmtpd.sender-rejected", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderAddressRejected,
            AnyPhrase = ["sender rejected"], Stages = Stages.Mail },
    ];
}
