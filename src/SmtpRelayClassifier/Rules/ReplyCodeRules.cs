using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// Basic reply codes (RFC 5321 §4.2.3, RFC 4954, RFC 3207, RFC 7504), tried last. 550 "means almost anything", so it
/// decides nothing alone; the stage helps where the RFCs give a code one meaning at one command.
/// </summary>
internal static class ReplyCodeRules
{
    private const int T = RuleTier.ReplyCode;
    private const int Specific = RuleTier.SpecificCode;
    private const int SpecificReply = RuleTier.SpecificReplyCode;

    public static IEnumerable<SmtpFailureRule> All =>
    [
        // Success is success, whatever the enhanced code beside it says ("250 2.1.5 Recipient ok").
        new() { Id = "code.2xx-3xx", Tier = Specific, Kind = SmtpFailureKind.Unknown, Codes = [211, 214, 220, 221, 235, 250, 251, 252, 334, 354],
            Causes = [], Remedies = [], Responsible = ResponsibleParty.Unknown, Transience = Transience.Never, Confidence = DiagnosisConfidence.Low,
            Summary = "The reply reports success, not a failure." },

        // Codes with one meaning (RFC 4954): they outrank weak wording and a vague X.7.1 beside them ("535 5.7.1 Please log in").
        new() { Id = "code.535", Tier = Specific, Kind = AuthenticationFailed, Codes = [535], Causes = [InvalidCredentials],
            Remedies = [CheckCredentials, UseAppPasswordOrOAuth], Confidence = DiagnosisConfidence.Medium },
        new() { Id = "code.534", Tier = Specific, Kind = AuthenticationFailed, Codes = [534], Causes = [NoCommonAuthenticationMechanism, AppPasswordOrWebSignInRequired],
            Remedies = [UseAppPasswordOrOAuth, EnableTls], Confidence = DiagnosisConfidence.Medium },
        new() { Id = "code.538", Tier = Specific, Kind = TlsRequired, Codes = [538], Confidence = DiagnosisConfidence.Medium },
        // RFC 3207 §4: "530 Must issue a STARTTLS command first"; RFC 4954 §6: "530 5.7.0 Authentication required".
        new() { Id = "code.530-tls", Tier = Specific, Kind = TlsRequired, Codes = [530],
            AnyPhrase = ["starttls", "tls", "ssl", "encryption", "encrypted"], Confidence = DiagnosisConfidence.Medium },

        // RFC 4954 and RFC 7504 codes that a vague enhanced code beside them does not change.
        new() { Id = "code.530", Tier = SpecificReply, Kind = AuthenticationRequired, Codes = [530], Causes = [UnauthenticatedSubmission],
            Remedies = [AuthenticateOnSubmissionPort], Confidence = DiagnosisConfidence.Low },
        new() { Id = "code.521-556", Tier = SpecificReply, Kind = ServiceUnavailable, Codes = [521, 556], Confidence = DiagnosisConfidence.Low },

        new() { Id = "code.432-454-at-auth", Tier = T, Kind = AuthenticationFailed, Codes = [432, 454], Stages = Stages.Auth,
            StageRequired = true, Transience = Transience.ByCodeClass },
        new() { Id = "code.454-at-starttls", Tier = T, Kind = TlsFailed, Codes = [454], Stages = [SmtpStage.StartTls], StageRequired = true,
            Causes = [TlsHandshakeFailed, ServerMisconfigured], Remedies = [RetryLater, ContactMailAdministrator], Transience = Transience.Always },
        new() { Id = "code.504-at-auth", Tier = T, Kind = AuthenticationFailed, Codes = [504], Stages = Stages.Auth, StageRequired = true,
            Causes = [NoCommonAuthenticationMechanism], Remedies = [EnableTls, AuthenticateOnSubmissionPort] },
        new() { Id = "code.523-524", Tier = T, Kind = TlsRequired, Codes = [523, 524] },
        new() { Id = "code.525", Tier = T, Kind = AuthenticationFailed, Codes = [525], Causes = [SmtpAuthDisabled], Remedies = [ContactMailAdministrator] },

        // Protocol (RFC 5321).
        new() { Id = "code.500-504", Tier = T, Kind = ProtocolError, Codes = [500, 501, 502, 503, 504, 555] },

        // Service.
        new() { Id = "code.421", Tier = T, Kind = ServiceUnavailable, Codes = [421], Transience = Transience.Always },
        new() { Id = "code.554-at-connect", Tier = T, Kind = ServiceUnavailable, Codes = [554], Stages = Stages.Connect, StageRequired = true,
            Summary = "The server answered the connection with 554: it offers no SMTP service to this client." },
        new() { Id = "code.451-452-455", Tier = T, Kind = ServiceUnavailable, Codes = [451, 452, 455], Transience = Transience.Always },

        // Mailbox and message (RFC 5321 §4.2.2, §4.5.3.1.10).
        new() { Id = "code.551", Tier = T, Kind = RecipientUnknown, Codes = [551] },
        new() { Id = "code.552-at-rcpt", Tier = T, Kind = MailboxFull, Codes = [552], Stages = Stages.Rcpt, StageRequired = true },
        new() { Id = "code.552", Tier = T, Kind = MessageTooLarge, Codes = [552] },
        new() { Id = "code.550-553-at-mail", Tier = T, Kind = SenderAddressRejected, Codes = [550, 553, 554], Stages = Stages.Mail, StageRequired = true },
        new() { Id = "code.550-554-at-data", Tier = T, Kind = MessageRejected, Codes = [550, 554], Stages = Stages.Content, StageRequired = true,
            Causes = [ContentPolicy, SpamContent] },

        // Nothing decided.
        new() { Id = "generic.unknown", Tier = RuleTier.Fallback, Kind = SmtpFailureKind.Unknown, Transience = Transience.ByCodeClass },
    ];
}
