using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// The IANA "SMTP Enhanced Status Codes" registry (https://www.iana.org/assignments/smtp-enhanced-status-codes/;
/// RFC 3463, 3886, 4468, 4954, 5248, 6531, 6710, 7293, 7372, 7504, 7505, 8617, 8689 and the mail-flood draft), every
/// registered code with the kind it yields, and per subject the kind of the details nobody registered (a vendor's
/// 5.7.900 says no more than X.7). The enhanced-code rules are built from it (<see cref="EnhancedCodeRules"/>).
/// Vendors' own codes (Microsoft 5.7.606, 5.2.121; Google's) are in their vendor files.
/// </summary>
internal static class EnhancedStatusCodeRegistry
{
    private const string Rfc3463 = "RFC 3463";
    private const string Rfc4954 = "RFC 4954";
    private const string Rfc5248 = "RFC 5248";
    private const string Rfc6531 = "RFC 6531";
    private const string Rfc6710 = "RFC 6710";
    private const string Rfc7293 = "RFC 7293";
    private const string Rfc7372 = "RFC 7372";

    /// <summary>Every registered code, by subject and detail; a detail of <c>x</c> stands for every unregistered detail of the subject.</summary>
    public static IReadOnlyList<EnhancedStatusCodeEntry> Entries { get; } =
    [
        // X.0 other.
        E("0.0", "Other undefined status", Rfc3463, null),

        // X.1 addressing.
        E("1.0", "Other address status", Rfc3463, null),
        E("1.1", "Bad destination mailbox address", Rfc3463, RecipientUnknown) with
            { Transient = RecipientVerificationDeferred, SpecificAt = Stages.Rcpt, Causes = [RecipientMailboxMissing] },
        E("1.2", "Bad destination system address", Rfc3463, RecipientUnknown) with
            { Transient = RecipientVerificationDeferred, Causes = [RecipientDomainMissing] },
        E("1.3", "Bad destination mailbox address syntax", Rfc3463, RecipientUnknown) with { Causes = [RecipientMailboxMissing] },
        E("1.4", "Destination mailbox address ambiguous", Rfc3463, RecipientUnknown) with { Causes = [RecipientMailboxMissing] },
        // Registered for success (2.1.5); a failure that carries it is still about the address.
        E("1.5", "Destination address valid", Rfc3463, RecipientUnknown) with { Causes = [RecipientMailboxMissing] },
        E("1.6", "Destination mailbox has moved, no forwarding address", Rfc3463, RecipientUnknown) with { Causes = [RecipientMailboxMissing] },
        E("1.7", "Bad sender's mailbox address syntax", Rfc3463, SenderAddressRejected) with { Transience = Transience.ByCodeClass },
        E("1.8", "Bad sender's system address", Rfc3463, SenderAddressRejected) with { Transience = Transience.ByCodeClass },
        E("1.9", "Message relayed to non-compliant mailer", "RFC 3886", null),
        E("1.10", "Recipient address has null MX", "RFC 7505", RecipientUnknown) with { Causes = [RecipientMailboxMissing] },
        E("1.x", "Other addressing status", Rfc3463, RecipientUnknown) with { Transience = Transience.ByCodeClass },

        // X.2 mailbox.
        E("2.0", "Other or undefined mailbox status", Rfc3463, null),
        E("2.1", "Mailbox disabled, not accepting messages", Rfc3463, RecipientUnknown) with
            { Transient = ServiceUnavailable, Causes = [RecipientMailboxMissing] },
        E("2.2", "Mailbox full", Rfc3463, MailboxFull) with { SpecificAt = [], Transience = Transience.ByCodeClass },
        E("2.3", "Message length exceeds administrative limit", Rfc3463, MessageTooLarge) with { SpecificAt = [] },
        E("2.4", "Mailing list expansion problem", Rfc3463, RecipientUnknown) with { Transient = ServiceUnavailable },
        E("2.x", "Other mailbox status", Rfc3463, null),

        // X.3 mail system.
        E("3.0", "Other or undefined mail system status", Rfc3463, ServiceUnavailable) with { Transience = Transience.ByCodeClass },
        E("3.1", "Mail system full", Rfc3463, ServiceUnavailable) with { Transience = Transience.ByCodeClass },
        E("3.2", "System not accepting network messages", "RFC 3463, RFC 7504", ServiceUnavailable) with { Transience = Transience.ByCodeClass },
        E("3.3", "System not capable of selected features", Rfc3463, null),
        E("3.4", "Message too big for system", Rfc3463, MessageTooLarge) with { SpecificAt = [] },
        E("3.5", "System incorrectly configured", Rfc3463, ServiceUnavailable) with { Transience = Transience.ByCodeClass },
        E("3.6", "Requested priority was changed", Rfc6710, null),
        E("3.x", "Other mail system status", Rfc3463, ServiceUnavailable) with { Transience = Transience.ByCodeClass },

        // X.4 network and routing.
        E("4.0", "Other or undefined network or routing status", Rfc3463, null),
        E("4.1", "No answer from host", Rfc3463, ConnectionFailed) with
            { Causes = [ConnectionTimedOut, ConnectionDropped], Transience = Transience.ByCodeClass },
        E("4.2", "Bad connection", Rfc3463, ConnectionFailed) with
            { Causes = [ConnectionTimedOut, ConnectionDropped], Transience = Transience.ByCodeClass },
        E("4.3", "Directory server failure", Rfc3463, ServiceUnavailable) with { Transience = Transience.ByCodeClass },
        E("4.4", "Unable to route", Rfc3463, RecipientUnknown) with
            { Transient = ServiceUnavailable, Causes = [RecipientDomainMissing], Transience = Transience.ByCodeClass },
        E("4.5", "Mail system congestion", Rfc3463, ServiceUnavailable) with { Transience = Transience.ByCodeClass },
        E("4.6", "Routing loop detected", Rfc3463, ServiceUnavailable) with { Transience = Transience.ByCodeClass },
        E("4.7", "Delivery time expired", Rfc3463, null),
        E("4.x", "Other network or routing status", Rfc3463, ConnectionFailed) with { Transience = Transience.ByCodeClass },

        // X.5 mail delivery protocol.
        E("5.0", "Other or undefined protocol status", Rfc3463, ProtocolError),
        E("5.1", "Invalid command", Rfc3463, ProtocolError),
        E("5.2", "Syntax error", Rfc3463, ProtocolError),
        E("5.3", "Too many recipients", Rfc3463, RateLimited) with { Transience = Transience.Always },
        E("5.4", "Invalid command arguments", Rfc3463, ProtocolError),
        E("5.5", "Wrong protocol version", Rfc3463, ProtocolError),
        E("5.6", "Authentication exchange line is too long", Rfc4954, ProtocolError),
        E("5.x", "Other protocol status", Rfc3463, ProtocolError),

        // X.6 message content or media.
        E("6.0", "Other or undefined media error", Rfc3463, MessageRejected) with { Causes = [ContentPolicy] },
        E("6.1", "Media not supported", Rfc3463, MessageRejected) with { Causes = [ContentPolicy] },
        E("6.2", "Conversion required and prohibited", Rfc3463, MessageRejected) with { Causes = [ContentPolicy] },
        E("6.3", "Conversion required but not supported", Rfc3463, MessageRejected) with { Causes = [ContentPolicy] },
        E("6.4", "Conversion with loss performed", Rfc3463, MessageRejected) with { Causes = [ContentPolicy] },
        E("6.5", "Conversion failed", Rfc3463, MessageRejected) with { Causes = [ContentPolicy] },
        E("6.6", "Message content not available", "RFC 4468", MessageRejected) with { Causes = [ContentPolicy] },
        // The client sent a non-ASCII address or header without SMTPUTF8: the client's protocol, not the content.
        E("6.7", "Non-ASCII addresses not permitted for that sender or recipient", Rfc6531, ProtocolError),
        E("6.8", "UTF-8 string reply is required, but not permitted by the SMTP client", Rfc6531, ProtocolError),
        E("6.9", "UTF-8 header message cannot be transferred to one or more recipients", Rfc6531, ProtocolError),
        E("6.10", "UTF-8 string reply is required (duplicate of X.6.8, deprecated)", Rfc6531, ProtocolError),
        E("6.x", "Other media status", Rfc3463, MessageRejected) with { Causes = [ContentPolicy] },

        // X.7 security or policy. X.7.0 and X.7.1 are relay denial, block listing, spam and send-as denial alike.
        E("7.0", "Other or undefined security status", Rfc3463, SmtpFailureKind.Unknown) with
            { Confidence = DiagnosisConfidence.Low, Transience = Transience.ByCodeClass,
              Causes = [UnauthenticatedSubmission, ClientOnBlockList, ContentPolicy], Remedies = [AuthenticateOnSubmissionPort, ContactMailAdministrator],
              Summary = "The server refused by policy (delivery not authorized) without saying why." },
        E("7.1", "Delivery not authorized, message refused", Rfc3463, SmtpFailureKind.Unknown) with
            { Confidence = DiagnosisConfidence.Low, Transience = Transience.ByCodeClass,
              Causes = [UnauthenticatedSubmission, ClientOnBlockList, ContentPolicy], Remedies = [AuthenticateOnSubmissionPort, ContactMailAdministrator],
              Summary = "The server refused by policy (delivery not authorized) without saying why." },
        E("7.2", "Mailing list expansion prohibited", Rfc3463, MessageRejected) with { Causes = [ContentPolicy] },
        E("7.3", "Security conversion required but not possible", Rfc3463, TlsRequired) with { Confidence = DiagnosisConfidence.Low },
        E("7.4", "Security features not supported", Rfc3463, TlsFailed),
        E("7.5", "Cryptographic failure", Rfc3463, TlsFailed),
        E("7.6", "Cryptographic algorithm not supported", Rfc3463, TlsFailed),
        E("7.7", "Message integrity failure", Rfc3463, MessageRejected) with { Causes = [ContentPolicy] },
        E("7.8", "Authentication credentials invalid", Rfc4954, AuthenticationFailed) with { SpecificAt = [], Transience = Transience.ByCodeClass },
        E("7.9", "Authentication mechanism is too weak", Rfc4954, AuthenticationFailed) with
            { SpecificAt = [], Causes = [NoCommonAuthenticationMechanism, AppPasswordOrWebSignInRequired], Remedies = [UseAppPasswordOrOAuth, EnableTls] },
        E("7.10", "Encryption needed", Rfc5248, TlsRequired),
        E("7.11", "Encryption required for requested authentication mechanism", Rfc4954, TlsRequired) with { SpecificAt = [] },
        E("7.12", "A password transition is needed", Rfc4954, AuthenticationFailed) with { Transience = Transience.ByCodeClass },
        E("7.13", "User account disabled", Rfc5248, RecipientUnknown) with { Causes = [RecipientMailboxMissing] },
        E("7.14", "Trust relationship required", Rfc5248, null),
        E("7.15", "Priority level is too low", Rfc6710, MessageRejected) with { Causes = [ContentPolicy] },
        E("7.16", "Message is too big for the specified priority", Rfc6710, MessageTooLarge),
        E("7.17", "Mailbox owner has changed", Rfc7293, RecipientUnknown) with { Causes = [RecipientMailboxMissing] },
        E("7.18", "Domain owner has changed", Rfc7293, RecipientUnknown) with { Causes = [RecipientMailboxMissing] },
        E("7.19", "RRVS test cannot be completed", Rfc7293, null),
        E("7.20", "No passing DKIM signature found", Rfc7372, MessageRejected) with { Causes = [DmarcOrDkimFailure], Remedies = [FixSenderDnsRecords],
            Responsible = ResponsibleParty.SenderMailAdministrator },
        E("7.21", "No acceptable DKIM signature found", Rfc7372, MessageRejected) with { Causes = [DmarcOrDkimFailure], Remedies = [FixSenderDnsRecords],
            Responsible = ResponsibleParty.SenderMailAdministrator },
        E("7.22", "No valid author-matched DKIM signature found", Rfc7372, MessageRejected) with { Causes = [DmarcOrDkimFailure],
            Remedies = [FixSenderDnsRecords], Responsible = ResponsibleParty.SenderMailAdministrator },
        E("7.23", "SPF validation failed", Rfc7372, SenderNotAuthorized) with { SpecificAt = [], Causes = [SpfFailure],
            Remedies = [FixSenderDnsRecords, UseProviderRelay], Responsible = ResponsibleParty.SenderMailAdministrator, Transience = Transience.ByCodeClass },
        E("7.24", "SPF validation error", Rfc7372, SenderNotAuthorized) with { SpecificAt = [], Causes = [SpfFailure],
            Remedies = [FixSenderDnsRecords, UseProviderRelay], Responsible = ResponsibleParty.SenderMailAdministrator, Transience = Transience.ByCodeClass },
        E("7.25", "Reverse DNS validation failed", Rfc7372, ClientBlocked) with { Causes = [MissingReverseDns], Remedies = [FixSenderDnsRecords, UseProviderRelay] },
        E("7.26", "Multiple authentication checks failed", Rfc7372, MessageRejected) with { Causes = [DmarcOrDkimFailure], Remedies = [FixSenderDnsRecords],
            Responsible = ResponsibleParty.SenderMailAdministrator },
        E("7.27", "Sender address has null MX", "RFC 7505", SenderAddressRejected) with { SpecificAt = [], Causes = [SenderAddressInvalid] },
        E("7.28", "Mail flood detected", "draft-levine-mailbomb-header", RateLimited) with { SpecificAt = [], Transience = Transience.Always },
        E("7.29", "ARC validation failure", "RFC 8617", MessageRejected) with { Causes = [DmarcOrDkimFailure], Remedies = [FixSenderDnsRecords],
            Responsible = ResponsibleParty.SenderMailAdministrator },
        E("7.30", "REQUIRETLS support required", "RFC 8689", TlsRequired),
        E("7.x", "Other security or policy status", Rfc3463, SmtpFailureKind.Unknown) with
            { Transience = Transience.ByCodeClass, Causes = [ClientOnBlockList, ContentPolicy], Remedies = [ContactMailAdministrator],
              Summary = "The server refused for a security or policy reason it did not explain." },
    ];

    private static EnhancedStatusCodeEntry E(string code, string meaning, string reference, SmtpFailureKind? kind) =>
        new() { Code = code, Meaning = meaning, Reference = reference, Permanent = kind, Transient = kind };
}
