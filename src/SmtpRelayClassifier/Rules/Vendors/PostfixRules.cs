using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>
/// Postfix smtpd replies (postfix/src/smtpd/smtpd_check.c, smtpd.c, smtpd_sasl_glue.c, smtpd_sasl_proto.c) and
/// the texts Postfix's smtp client writes into bounces. Zimbra and many appliances run Postfix and send the same.
/// </summary>
internal static class PostfixRules
{
    private const string V = "Postfix";

    // The texts dns_strerror gives a lookup that failed for the moment or got no usable answer, not a name that does not exist.
    private static readonly string[] DnsLookupFailed = ["host not found, try again", "non-recoverable error", "malformed or unexpected name server reply"];

    public static IEnumerable<SmtpFailureRule> All =>
    [
        // reject_unverified_recipient: "450 4.1.1 <x>: Recipient address rejected: unverified address: host ... said:
        // 554 5.7.1 <x>: Relay access denied". The quoted relay denial is the next server's, not this client's.
        new() { Id = "postfix.unverified-sender", Vendor = V, Tier = RuleTier.Overriding, Kind = SenderAddressRejected,
            AllPhrases = ["sender address rejected"], AnyPhrase = ["unverified address", "undeliverable address", "address verification in progress"],
            Causes = [SenderAddressInvalid], Remedies = [UseValidSenderAddress, RetryLater], Transience = Transience.ByCodeClass },
        new() { Id = "postfix.unverified-recipient", Vendor = V, Tier = RuleTier.Overriding, Kind = RecipientVerificationDeferred,
            AnyPhrase = ["unverified address", "address verification in progress"], Transience = Transience.ByCodeClass },
        new() { Id = "postfix.undeliverable-recipient", Vendor = V, Tier = RuleTier.Overriding, Kind = RecipientUnknown,
            AnyPhrase = ["undeliverable address"], Causes = [RecipientMailboxMissing] },

        // reject_unknown_recipient_domain / reject_unknown_sender_domain: 450 4.1.2 while DNS fails, 550 5.1.2 when the domain is gone.
        new() { Id = "postfix.sender-domain-not-found", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderAddressRejected,
            AllPhrases = ["sender address rejected", "domain not found"], Transience = Transience.ByCodeClass },
        new() { Id = "postfix.recipient-domain-not-verified", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientVerificationDeferred,
            AllPhrases = ["recipient address rejected", "domain not found"], CodeClass = 4 },
        new() { Id = "postfix.recipient-domain-not-found", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientUnknown,
            AllPhrases = ["recipient address rejected", "domain not found"], Causes = [RecipientDomainMissing] },
        new() { Id = "postfix.temporary-lookup-failure", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientVerificationDeferred,
            AnyPhrase = ["temporary lookup failure"], NotPhrases = ["sender address"], Stages = Stages.Rcpt,
            Confidence = DiagnosisConfidence.Medium, Transience = Transience.ByCodeClass },
        new() { Id = "postfix.host-or-domain-not-found-deferred", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientVerificationDeferred,
            AnyPhrase = ["host or domain name not found", "name service error for name="], CodeClass = 4 },
        // dns_strerror's TRY_AGAIN, NO_RECOVERY and malformed-reply texts: the lookup itself failed, the domain may well exist.
        new() { Id = "postfix.name-service-failure", Vendor = V, Tier = RuleTier.Vendor, Kind = ConnectionFailed,
            AllPhrases = ["name service error for name="], AnyPhrase = DnsLookupFailed, Causes = [HostNotFound],
            Transience = Transience.Always },
        new() { Id = "postfix.host-or-domain-not-found", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientUnknown,
            AnyPhrase = ["host or domain name not found", "name service error for name="], NotPhrases = DnsLookupFailed,
            Causes = [RecipientDomainMissing] },

        // reject_unauth_destination (554 5.7.1) and defer_unauth_destination (454 4.7.1): a 454 here does not go away by itself.
        new() { Id = "postfix.relay-access-denied", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["relay access denied"], Stages = Stages.Envelope, Transience = Transience.Never },

        // reject_sender_login_mismatch and friends.
        new() { Id = "postfix.sender-not-owned", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderNotAuthorized,
            AnyPhrase = ["not owned by user", "not owned by"],
            Causes = [SenderDoesNotMatchAccount], Remedies = [MatchFromAddressToAccount, ContactMailAdministrator] },
        new() { Id = "postfix.sender-not-logged-in", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationRequired,
            AllPhrases = ["sender address rejected", "not logged in"],
            Causes = [UnauthenticatedSubmission], Remedies = [AuthenticateOnSubmissionPort, MatchFromAddressToAccount] },
        new() { Id = "postfix.sender-blocked-using", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderAddressRejected,
            AllPhrases = ["sender address", "blocked using"], Causes = [SenderOnBlockList], Remedies = [UseValidSenderAddress, RequestBlockListRemoval],
            Responsible = ResponsibleParty.SenderMailAdministrator },
        new() { Id = "postfix.sender-address-rejected", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderAddressRejected,
            AnyPhrase = ["sender address rejected"], Transience = Transience.ByCodeClass, Confidence = DiagnosisConfidence.Medium },

        // SASL.
        new() { Id = "postfix.auth-not-enabled", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationFailed,
            AnyPhrase = ["authentication not enabled"], Causes = [NoCommonAuthenticationMechanism, SmtpAuthDisabled],
            Remedies = [AuthenticateOnSubmissionPort, CheckServerNameAndPort],
            Summary = "The server does not offer authentication on this port or in this session." },
        new() { Id = "postfix.encryption-required-for-auth", Vendor = V, Tier = RuleTier.Vendor, Kind = TlsRequired,
            AnyPhrase = ["encryption required for requested authentication mechanism"],
            Causes = [EncryptionNotStarted], Remedies = [EnableTls, AuthenticateOnSubmissionPort],
            Summary = "The server accepts this login method only over an encrypted connection." },
        new() { Id = "postfix.tls-not-available", Vendor = V, Tier = RuleTier.Vendor, Kind = TlsFailed,
            AnyPhrase = ["tls not available due to local problem"], Causes = [ServerMisconfigured, TlsHandshakeFailed],
            Remedies = [RetryLater, ContactMailAdministrator], Responsible = ResponsibleParty.SenderMailAdministrator,
            Transience = Transience.ByCodeClass },

        // Client restrictions.
        new() { Id = "postfix.client-reverse-hostname", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["cannot find your hostname", "cannot find your reverse hostname"],
            Causes = [MissingReverseDns], Remedies = [FixSenderDnsRecords, UseSmtpServerOfCurrentNetwork, UseProviderRelay],
            Transience = Transience.ByCodeClass },
        new() { Id = "postfix.helo-rejected", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["helo command rejected"], Causes = [ServerMisconfigured, MissingReverseDns],
            Remedies = [FixClientSoftware, FixSenderDnsRecords], Confidence = DiagnosisConfidence.Medium, Transience = Transience.ByCodeClass },
        new() { Id = "postfix.improper-pipelining", Vendor = V, Tier = RuleTier.Vendor, Kind = ProtocolError,
            AnyPhrase = ["improper use of smtp command pipelining"] },
        // smtpd_forbidden_commands (CONNECT, GET, POST, or a command before the greeting): Postfix hangs up with its own words.
        new() { Id = "postfix.forbidden-command", Vendor = V, Tier = RuleTier.Vendor, Kind = ProtocolError,
            AnyPhrase = ["i can break rules, too"], Causes = [ClientProtocolViolation], Remedies = [FixClientSoftware],
            Transience = Transience.Never },
        // XCLIENT and XFORWARD from a client outside smtpd_authorized_xclient_hosts / smtpd_authorized_xforward_hosts.
        new() { Id = "postfix.xclient-not-authorized", Vendor = V, Tier = RuleTier.Vendor, Kind = ProtocolError,
            AnyPhrase = ["error: insufficient authorization"], Causes = [ClientProtocolViolation], Remedies = [FixClientSoftware],
            Transience = Transience.Never },
        // ETRN and the like refused by smtpd_client_restrictions: "503 5.7.0 Error: access denied for unknown[192.0.2.10]".
        new() { Id = "postfix.client-access-denied", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["error: access denied for"], Causes = [ClientOnBlockList], Remedies = [ContactMailAdministrator, UseProviderRelay],
            Transience = Transience.ByCodeClass },
        new() { Id = "postfix.timeout-exceeded", Vendor = V, Tier = RuleTier.Vendor, Kind = ConnectionFailed,
            AnyPhrase = ["error: timeout exceeded"], Causes = [ConnectionTimedOut], Remedies = [CheckNetworkAndFirewall, RetryLater],
            Transience = Transience.Always },
    ];
}
