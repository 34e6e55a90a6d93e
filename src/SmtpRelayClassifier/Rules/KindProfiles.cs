using System;
using System.Collections.Frozen;
using System.Linq;
using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.ResponsibleParty;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// The default meaning of each kind, once for the client's own submission session and once for a reply a remote
/// server sent back in a bounce (where the same words usually point at the recipient's side).
/// </summary>
internal static class KindProfiles
{
    private static readonly FrozenDictionary<SmtpFailureKind, KindProfile> Submission = new Dictionary<SmtpFailureKind, KindProfile>
    {
        [SmtpFailureKind.Unknown] = new([], [ContactMailAdministrator], ResponsibleParty.Unknown, false,
            "The send failed for a reason that could not be identified."),
        [SmtpFailureKind.RelayDenied] = new(
            [UnauthenticatedSubmission, ConnectedThroughAnotherProvider, LanGatewayToAnotherProvider, CableOrDslLineOfAnotherProvider, RecipientDomainNotServed],
            [AuthenticateOnSubmissionPort, UseSmtpServerOfCurrentNetwork, AskProviderToAllowStaticIp, MatchFromAddressToAccount],
            Sender, false,
            "The SMTP server refused to relay mail to a recipient outside its own domains for this unauthenticated client."),
        [SmtpFailureKind.AuthenticationRequired] = new(
            [UnauthenticatedSubmission],
            [AuthenticateOnSubmissionPort, UseSmtpServerOfCurrentNetwork],
            Sender, false,
            "The SMTP server requires the client to log in (SMTP AUTH) before it accepts mail."),
        [SmtpFailureKind.AuthenticationFailed] = new(
            [InvalidCredentials, AppPasswordOrWebSignInRequired, SmtpAuthDisabled],
            [CheckCredentials, UseAppPasswordOrOAuth, EnableSmtpAuthForAccount],
            Sender, false,
            "The SMTP server refused the login."),
        [SmtpFailureKind.SenderNotAuthorized] = new(
            [SenderDoesNotMatchAccount],
            [MatchFromAddressToAccount, ContactMailAdministrator],
            Sender, false,
            "The SMTP server does not let this account or client send with this sender address."),
        [SmtpFailureKind.SenderAddressRejected] = new(
            [SenderAddressInvalid],
            [UseValidSenderAddress, RetryLater],
            Sender, false,
            "The server refused the sender address."),
        [SmtpFailureKind.RecipientUnknown] = new(
            [RecipientMailboxMissing, RecipientDomainMissing],
            [VerifyRecipientAddress],
            Sender, false,
            "The recipient address does not exist or does not accept mail."),
        [SmtpFailureKind.RecipientVerificationDeferred] = new(
            [RecipientVerificationUnavailable],
            [NoActionNeeded, RetryLater, VerifyRecipientAddress],
            ResponsibleParty.Unknown, true,
            "The server could not verify the recipient at the moment and refused it for now."),
        [SmtpFailureKind.MailboxFull] = new(
            [MailboxOverQuota],
            [ContactRecipient, RetryLater],
            RecipientSide, false,
            "The recipient's mailbox is full."),
        [SmtpFailureKind.MessageTooLarge] = new(
            [MessageSizeLimit],
            [ReduceMessageSize],
            Sender, false,
            "The message is larger than the server accepts."),
        [SmtpFailureKind.ClientBlocked] = new(
            [ClientOnBlockList, PoorReputation, MissingReverseDns],
            [RequestBlockListRemoval, UseProviderRelay, FixSenderDnsRecords],
            SenderMailAdministrator, false,
            "The server refused the sending host because of its address or reputation."),
        [SmtpFailureKind.RateLimited] = new(
            [RateLimitExceeded],
            [ReduceSendingRate, RetryLater],
            Sender, true,
            "The server is limiting how much or how fast this client may send."),
        [SmtpFailureKind.TlsRequired] = new(
            [EncryptionNotStarted],
            [EnableTls, AuthenticateOnSubmissionPort],
            Sender, false,
            "The server requires an encrypted connection before this command."),
        [SmtpFailureKind.TlsFailed] = new(
            [TlsHandshakeFailed, TlsModeMismatch, CertificateInvalid],
            [MatchTlsModeToPort, FixServerCertificate],
            Sender, false,
            "The encrypted (TLS) connection could not be set up."),
        [SmtpFailureKind.MessageRejected] = new(
            [SpamContent, ContentPolicy, DmarcOrDkimFailure],
            [ReviewMessageContent, FixSenderDnsRecords],
            Sender, false,
            "The server refused the message for its content or by policy."),
        [SmtpFailureKind.ServiceUnavailable] = new(
            [ServerUnavailable],
            [RetryLater, ContactMailAdministrator],
            SenderMailAdministrator, false,
            "The mail server is not accepting mail right now."),
        [SmtpFailureKind.ConnectionFailed] = new(
            [ConnectionRefused, ConnectionTimedOut, HostNotFound],
            [CheckServerNameAndPort, CheckNetworkAndFirewall, RetryLater],
            Sender, true,
            "No usable connection to the mail server could be made."),
        [SmtpFailureKind.ProtocolError] = new(
            [ClientProtocolViolation],
            [FixClientSoftware],
            Sender, false,
            "The server refused a command as malformed or out of sequence."),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<SmtpFailureKind, KindProfile> Remote = new Dictionary<SmtpFailureKind, KindProfile>
    {
        [SmtpFailureKind.RelayDenied] = new(
            [RecipientMxMisconfigured, RecipientDomainNotServed],
            [VerifyRecipientAddress, AskRecipientAdministratorToFixMx],
            RecipientSide, false,
            "A remote server refused to relay: the recipient domain's mail records probably point to a server that does not serve that domain."),
        [SmtpFailureKind.AuthenticationRequired] = new(
            [RecipientMxMisconfigured, ServerMisconfigured],
            [AskRecipientAdministratorToFixMx, ContactMailAdministrator],
            RecipientSide, false,
            "A remote server wanted the delivering server to log in; the recipient's mail routing is probably wrong."),
        // Not the account's sender check of the user's own server: a remote server has no account of the user's, so this
        // is no relay block (TAXONOMY: SPF refusals are not).
        [SmtpFailureKind.SenderNotAuthorized] = new(
            [SpfFailure, DmarcOrDkimFailure],
            [ContactMailAdministrator, FixSenderDnsRecords],
            SenderMailAdministrator, false,
            "The recipient's server does not accept this sender address from the server that delivered it (for example an SPF failure)."),
        [SmtpFailureKind.ClientBlocked] = new(
            [ClientOnBlockList, PoorReputation, MissingReverseDns],
            [ContactMailAdministrator, RequestBlockListRemoval, FixSenderDnsRecords],
            SenderMailAdministrator, false,
            "The recipient's server refused the sending server because of its address or reputation."),
        [SmtpFailureKind.ServiceUnavailable] = new(
            [ServerUnavailable],
            [NoActionNeeded, RetryLater],
            RecipientSide, true,
            "The recipient's mail server is not accepting mail right now."),
        [SmtpFailureKind.ConnectionFailed] = new(
            [ConnectionTimedOut, ConnectionRefused, HostNotFound],
            [NoActionNeeded, VerifyRecipientAddress],
            RecipientSide, true,
            "The delivering server could not connect to the recipient's mail server."),
        [SmtpFailureKind.RecipientVerificationDeferred] = new(
            [RecipientVerificationUnavailable],
            [NoActionNeeded, RetryLater],
            RecipientSide, true,
            "The recipient's server could not verify the recipient at the moment."),
        [SmtpFailureKind.RecipientUnknown] = new(
            [RecipientMailboxMissing, RecipientDomainMissing],
            [VerifyRecipientAddress, ContactRecipient],
            RecipientSide, false,
            "The recipient's server says the address does not exist."),
        [SmtpFailureKind.TlsRequired] = new(
            [EncryptionNotStarted, ServerMisconfigured],
            [ContactMailAdministrator],
            SenderMailAdministrator, false,
            "The recipient's server requires an encrypted connection the delivering server did not make."),
        [SmtpFailureKind.TlsFailed] = new(
            [TlsHandshakeFailed, CertificateInvalid],
            [ContactMailAdministrator],
            SenderMailAdministrator, false,
            "The encrypted connection to the recipient's server failed."),
    }.ToFrozenDictionary();

    // The same tables as arrays indexed by kind: these are read for every reply classified.
    private static readonly KindProfile[] SubmissionByKind = Enum.GetValues<SmtpFailureKind>().Select(k => Submission[k]).ToArray();
    private static readonly KindProfile?[] RemoteByKind = Enum.GetValues<SmtpFailureKind>().Select(k => Remote.GetValueOrDefault(k)).ToArray();

    public static bool HasRemoteProfile(SmtpFailureKind kind) => RemoteByKind[(int)kind] is not null;

    public static KindProfile For(SmtpFailureKind kind, DiagnosisSource source) =>
        source == DiagnosisSource.RemoteServer && RemoteByKind[(int)kind] is { } remote ? remote : SubmissionByKind[(int)kind];
}
