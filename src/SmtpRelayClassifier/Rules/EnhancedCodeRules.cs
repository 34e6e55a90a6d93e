using System.Collections.Generic;
using SmtpRelayClassifier.Classification;
using static SmtpRelayClassifier.Classification.FailureCause;
using static SmtpRelayClassifier.Classification.FailureRemedy;
using static SmtpRelayClassifier.Classification.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// Enhanced status codes (RFC 3463 and the IANA registry, REFERENCE §3.3), tried when no wording decided. A bare
/// X.7.1 or X.7.0 is not enough for any kind: it is relay denial, block listing, spam and send-as denial alike.
/// </summary>
internal static class EnhancedCodeRules
{
    private const int Exact = RuleTier.EnhancedCode;
    private const int Subject = RuleTier.EnhancedSubject;

    public static IEnumerable<SmtpFailureRule> All =>
    [
        // X.1 addressing.
        new() { Id = "enhanced.x.1.x-at-mail", Tier = Exact, Kind = SenderAddressRejected, EnhancedCodes = ["x.1.x"],
            Stages = Stages.Mail, StageRequired = true, Causes = [SenderAddressInvalid], Remedies = [UseValidSenderAddress],
            Transience = Transience.ByCodeClass },
        new() { Id = "enhanced.4.1.1-4.1.2", Tier = Exact, Kind = RecipientVerificationDeferred, EnhancedCodes = ["4.1.1", "4.1.2"] },
        new() { Id = "enhanced.x.1.1", Tier = Exact, Kind = RecipientUnknown, EnhancedCodes = ["x.1.1", "x.1.3", "x.1.4", "x.1.6", "x.1.10"],
            Causes = [RecipientMailboxMissing] },
        new() { Id = "enhanced.x.1.2", Tier = Exact, Kind = RecipientUnknown, EnhancedCodes = ["x.1.2"], Causes = [RecipientDomainMissing] },
        new() { Id = "enhanced.x.1.7-x.1.8", Tier = Exact, Kind = SenderAddressRejected, EnhancedCodes = ["x.1.7", "x.1.8"],
            Transience = Transience.ByCodeClass },

        // X.2 mailbox.
        new() { Id = "enhanced.x.2.1", Tier = Exact, Kind = RecipientUnknown, EnhancedCodes = ["x.2.1"], Causes = [RecipientMailboxMissing] },
        new() { Id = "enhanced.x.2.2", Tier = Exact, Kind = MailboxFull, EnhancedCodes = ["x.2.2"], Transience = Transience.ByCodeClass },
        new() { Id = "enhanced.x.2.3", Tier = Exact, Kind = MessageTooLarge, EnhancedCodes = ["x.2.3", "x.3.4"] },

        // X.3 mail system.
        new() { Id = "enhanced.x.3.x", Tier = Exact, Kind = ServiceUnavailable, EnhancedCodes = ["x.3.1", "x.3.2", "x.3.5"],
            Transience = Transience.ByCodeClass },

        // X.4 network and routing. Exchange Online uses 5.4.1 for "Recipient address rejected: Access denied".
        new() { Id = "enhanced.5.4.1", Tier = Exact, Kind = RecipientUnknown, EnhancedCodes = ["5.4.1"], Confidence = DiagnosisConfidence.Low },
        new() { Id = "enhanced.x.4.1-x.4.2", Tier = Exact, Kind = ConnectionFailed, EnhancedCodes = ["x.4.1", "x.4.2", "4.4.316"],
            Causes = [ConnectionTimedOut, ConnectionDropped], Transience = Transience.ByCodeClass },
        new() { Id = "enhanced.x.4.4", Tier = Exact, Kind = RecipientUnknown, EnhancedCodes = ["5.4.4"], Causes = [RecipientDomainMissing] },
        new() { Id = "enhanced.x.4.3", Tier = Exact, Kind = ServiceUnavailable, EnhancedCodes = ["x.4.3", "x.4.4", "x.4.5", "x.4.6", "x.4.7"],
            Transience = Transience.ByCodeClass },

        // X.5 protocol.
        new() { Id = "enhanced.x.5.3", Tier = Exact, Kind = RateLimited, EnhancedCodes = ["x.5.3"], Transience = Transience.Always },
        new() { Id = "enhanced.x.5.x", Tier = Exact, Kind = ProtocolError, EnhancedCodes = ["x.5.0", "x.5.1", "x.5.2", "x.5.4", "x.5.5", "x.5.6"] },

        // X.6 content.
        new() { Id = "enhanced.x.6.x", Tier = Exact, Kind = MessageRejected, EnhancedCodes = ["x.6.x"], Causes = [ContentPolicy] },

        // X.7 security and policy.
        new() { Id = "enhanced.x.7.0-530", Tier = Exact, Kind = AuthenticationRequired, EnhancedCodes = ["x.7.0", "x.7.1"], Codes = [530],
            Causes = [UnauthenticatedSubmission], Remedies = [AuthenticateOnSubmissionPort] },
        new() { Id = "enhanced.x.7.3-535", Tier = Exact, Kind = AuthenticationFailed, EnhancedCodes = ["x.7.3"], Codes = [535] },
        new() { Id = "enhanced.x.7.3", Tier = Exact, Kind = TlsRequired, EnhancedCodes = ["x.7.3"], Confidence = DiagnosisConfidence.Low },
        new() { Id = "enhanced.x.7.4-x.7.6", Tier = Exact, Kind = TlsFailed, EnhancedCodes = ["x.7.4", "x.7.5", "x.7.6"] },
        new() { Id = "enhanced.x.7.8", Tier = Exact, Kind = AuthenticationFailed, EnhancedCodes = ["x.7.8", "x.7.12", "x.7.14"],
            Transience = Transience.ByCodeClass },
        new() { Id = "enhanced.x.7.9", Tier = Exact, Kind = AuthenticationFailed, EnhancedCodes = ["x.7.9"],
            Causes = [NoCommonAuthenticationMechanism, AppPasswordOrWebSignInRequired], Remedies = [UseAppPasswordOrOAuth, EnableTls] },
        new() { Id = "enhanced.x.7.10-x.7.11", Tier = Exact, Kind = TlsRequired, EnhancedCodes = ["x.7.10", "x.7.11", "5.7.30"] },
        new() { Id = "enhanced.x.7.13-at-auth", Tier = Exact, Kind = AuthenticationFailed, EnhancedCodes = ["x.7.13"],
            Stages = Stages.Auth, StageRequired = true, Causes = [SmtpAuthDisabled], Remedies = [ContactMailAdministrator] },
        new() { Id = "enhanced.x.7.13", Tier = Exact, Kind = RecipientUnknown, EnhancedCodes = ["x.7.13", "x.7.17", "x.7.18"],
            Causes = [RecipientMailboxMissing] },
        new() { Id = "enhanced.x.7.2", Tier = Exact, Kind = MessageRejected, EnhancedCodes = ["x.7.2", "x.7.7", "x.7.15", "x.7.16"],
            Causes = [ContentPolicy] },
        new() { Id = "enhanced.x.7.20-x.7.26", Tier = Exact, Kind = MessageRejected, EnhancedCodes = ["x.7.20", "x.7.21", "x.7.22", "x.7.26", "x.7.29"],
            Causes = [DmarcOrDkimFailure], Remedies = [FixSenderDnsRecords], Responsible = ResponsibleParty.SenderMailAdministrator },
        new() { Id = "enhanced.x.7.23-x.7.24", Tier = Exact, Kind = SenderNotAuthorized, EnhancedCodes = ["x.7.23", "x.7.24"],
            Causes = [SpfFailure], Remedies = [FixSenderDnsRecords, UseProviderRelay], Responsible = ResponsibleParty.SenderMailAdministrator,
            Transience = Transience.ByCodeClass },
        new() { Id = "enhanced.x.7.25", Tier = Exact, Kind = ClientBlocked, EnhancedCodes = ["x.7.25"], Causes = [MissingReverseDns],
            Remedies = [FixSenderDnsRecords, UseProviderRelay] },
        new() { Id = "enhanced.x.7.27", Tier = Exact, Kind = SenderAddressRejected, EnhancedCodes = ["x.7.27"], Causes = [SenderAddressInvalid],
            Confidence = DiagnosisConfidence.Low },
        new() { Id = "enhanced.x.7.28", Tier = Exact, Kind = RateLimited, EnhancedCodes = ["x.7.28"], Transience = Transience.Always },
        new() { Id = "enhanced.x.7.1", Tier = Exact, Kind = SmtpFailureKind.Unknown, EnhancedCodes = ["x.7.0", "x.7.1"],
            Confidence = DiagnosisConfidence.Low, Transience = Transience.ByCodeClass,
            Causes = [UnauthenticatedSubmission, ClientOnBlockList, ContentPolicy],
            Remedies = [AuthenticateOnSubmissionPort, ContactMailAdministrator],
            Summary = "The server refused by policy (delivery not authorized) without saying why." },

        // Subjects alone.
        new() { Id = "enhanced.x.1.x", Tier = Subject, Kind = RecipientUnknown, EnhancedCodes = ["x.1.x"], Transience = Transience.ByCodeClass },
        new() { Id = "enhanced.x.3.x-other", Tier = Subject, Kind = ServiceUnavailable, EnhancedCodes = ["x.3.x"], Transience = Transience.ByCodeClass },
        new() { Id = "enhanced.x.4.x", Tier = Subject, Kind = ConnectionFailed, EnhancedCodes = ["x.4.x"], Transience = Transience.ByCodeClass },
        new() { Id = "enhanced.x.5.x-other", Tier = Subject, Kind = ProtocolError, EnhancedCodes = ["x.5.x"] },
        new() { Id = "enhanced.x.7.x", Tier = Subject, Kind = SmtpFailureKind.Unknown, EnhancedCodes = ["x.7.x"], Transience = Transience.ByCodeClass,
            Causes = [ClientOnBlockList, ContentPolicy], Remedies = [ContactMailAdministrator],
            Summary = "The server refused for a security or policy reason it did not explain." },
    ];
}
