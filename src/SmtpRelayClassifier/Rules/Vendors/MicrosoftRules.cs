using System;
using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>
/// IIS SMTP and Exchange (KB Q304897, allow-anonymous-relay), Exchange Online (OfficeDocs-Support NDR tables,
/// printers/scanners article, TenantAttribution and ATTR36 articles), Exchange 5.5 IMS (KB Q186134), and Outlook.com.
/// </summary>
internal static class MicrosoftRules
{
    private const string V = "Microsoft";

    /// <summary>The vendor's public page for its replies: Exchange Online's non-delivery report codes.</summary>
    public static readonly Uri HelpPage = new("https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online");

    // Outlook.com's (Hotmail's) postmaster page of its error codes, for the consumer service's own replies.
    private static readonly Uri OutlookComPage = new("https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx");

    public static IEnumerable<SmtpFailureRule> All =>
    [
        // Exchange Online inbound connector no longer matches the sender (5.7.64 TenantAttribution / ATTR36).
        new() { Id = "microsoft.tenant-attribution", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["tenantattribution", "attr36"], Stages = Stages.Envelope, Causes = [ServerMisconfigured], Remedies = [ContactMailAdministrator],
            Responsible = ResponsibleParty.SenderMailAdministrator,
            Summary = "Exchange Online did not match the sending server to an inbound connector of the tenant and refused to relay." },
        new() { Id = "microsoft.relay-5.7.64", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            EnhancedCodes = ["5.7.64"], Stages = Stages.Envelope, Causes = [ServerMisconfigured], Remedies = [ContactMailAdministrator],
            Responsible = ResponsibleParty.SenderMailAdministrator },

        // "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain"
        new() { Id = "microsoft.non-accepted-domain", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["non-accepted domain", "nonaccepted domain"], Stages = Stages.Envelope },
        new() { Id = "microsoft.relay-5.7.54", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            EnhancedCodes = ["5.7.54"], Stages = Stages.Envelope },

        // "5.7.1 Unable To Relay: Blocked by Customer Allow list" (KB 3013740): an allow-listed IP that is also on a block list.
        new() { Id = "microsoft.blocked-by-allow-list", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["blocked by customer allow list"], Causes = [ClientOnBlockList, ServerMisconfigured],
            Remedies = [RequestBlockListRemoval, ContactMailAdministrator], Responsible = ResponsibleParty.RecipientSide },

        // "550 5.7.1 Unable to relay for <x>" (IIS/Exchange 2003), "550 5.7.1 Unable to relay" (2007+), "Relaying prohibited".
        new() { Id = "microsoft.unable-to-relay", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["unable to relay", "relaying prohibited"], Stages = Stages.Envelope, Transience = Transience.Never },

        // Client submission endpoint without AUTH: "530 5.7.57 Client not authenticated to send mail", "5.7.1 Client was not authenticated".
        new() { Id = "microsoft.client-not-authenticated", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationRequired,
            AnyPhrase = ["client was not authenticated", "client not authenticated", "not authenticated to send anonymous mail"],
            Causes = [UnauthenticatedSubmission], Remedies = [AuthenticateOnSubmissionPort] },
        new() { Id = "microsoft.client-not-authenticated-5.7.57", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationRequired,
            EnhancedCodes = ["5.7.57"], Causes = [UnauthenticatedSubmission], Remedies = [AuthenticateOnSubmissionPort] },

        // Send As: "5.7.60 SMTP; Client does not have permissions to send as this sender", "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException…".
        new() { Id = "microsoft.send-as-denied", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderNotAuthorized,
            AnyPhrase = ["sendasdenied", "send as this sender", "not allowed to send as", "send as denied", "send-as denied"],
            NotPhrases = ["throttled"], Causes = [SenderDoesNotMatchAccount], Remedies = [MatchFromAddressToAccount, ContactMailAdministrator] },
        new() { Id = "microsoft.send-as-5.7.60", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderNotAuthorized,
            EnhancedCodes = ["5.7.60"], Causes = [SenderDoesNotMatchAccount], Remedies = [MatchFromAddressToAccount, ContactMailAdministrator] },
        new() { Id = "microsoft.originator-mismatch", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderNotAuthorized,
            AnyPhrase = ["originator address does not match authentication credentials"],
            Causes = [SenderDoesNotMatchAccount], Remedies = [MatchFromAddressToAccount] },
        new() { Id = "microsoft.unregistered-domain", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderNotAuthorized,
            AnyPhrase = ["sending from unregistered domains"], Causes = [SenderIdentityNotVerified],
            Remedies = [VerifySenderIdentity, MatchFromAddressToAccount], Responsible = ResponsibleParty.SenderMailAdministrator },

        // SMTP AUTH turned off or impossible for the account or tenant.
        // Exchange's NDR table: "5.7.3 Cannot achieve Exchange Server authentication" between servers of one organization.
        new() { Id = "microsoft.cannot-achieve-authentication", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationFailed,
            AnyPhrase = ["cannot achieve exchange server authentication"], Causes = [ServerMisconfigured], Remedies = [ContactMailAdministrator],
            Responsible = ResponsibleParty.SenderMailAdministrator },
        new() { Id = "microsoft.smtp-client-auth-disabled", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationFailed,
            AnyPhrase = ["smtpclientauthentication is disabled", "smtp client authentication is disabled", "smtpclientauthenticationdisabled"],
            Causes = [SmtpAuthDisabled], Remedies = [EnableSmtpAuthForAccount, UseAppPasswordOrOAuth] },
        new() { Id = "microsoft.federated-sts", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationFailed,
            AnyPhrase = ["federated sts"], EnhancedCodes = ["5.7.139"], Causes = [ServerMisconfigured, SmtpAuthDisabled],
            Remedies = [ContactMailAdministrator], Responsible = ResponsibleParty.SenderMailAdministrator },
        new() { Id = "microsoft.auth-5.7.139", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationFailed,
            EnhancedCodes = ["5.7.139"], Causes = [SmtpAuthDisabled, InvalidCredentials], Remedies = [EnableSmtpAuthForAccount, CheckCredentials] },

        // Exchange Online reputation and bans.
        new() { Id = "microsoft.banned-sending-ip", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["banned sending ip"], Causes = [ClientOnBlockList, PoorReputation], Remedies = [RequestBlockListRemoval] },
        new() { Id = "microsoft.tenant-threshold", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["tenant has exceeded threshold", "traffic not accepted from this ip"], Causes = [PoorReputation],
            Remedies = [ContactMailAdministrator], Responsible = ResponsibleParty.SenderMailAdministrator },
        // "5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant": the message's From header, not the client.
        new() { Id = "microsoft.rfc5322-from", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageRejected,
            EnhancedCodes = ["5.7.512"], Causes = [ContentPolicy], Remedies = [FixClientSoftware, ReviewMessageContent] },
        // Inside the "Access denied" ranges, the codes said of the recipient ("5.7.504 Recipient address rejected: Access denied",
        // "5.7.505 Access denied, banned recipient"), of the message's authentication, or of the sender's own organization's list.
        new() { Id = "microsoft.recipient-5.7.504-505", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientUnknown,
            EnhancedCodes = ["5.7.504-505"], Causes = [RecipientMailboxMissing], Remedies = [VerifyRecipientAddress, ContactRecipient] },
        new() { Id = "microsoft.message-authentication-5.7.509-515", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageRejected,
            EnhancedCodes = ["5.7.509", "5.7.515"], Causes = [DmarcOrDkimFailure], Remedies = [FixSenderDnsRecords],
            Responsible = ResponsibleParty.SenderMailAdministrator },
        new() { Id = "microsoft.tenant-allow-block-list", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageRejected,
            AnyPhrase = ["tenant allow block list", "tenant allow/block list"], Causes = [ContentPolicy],
            Remedies = [ContactMailAdministrator], Responsible = ResponsibleParty.SenderMailAdministrator },
        // "4.7.850-899 Access denied, please try again later": the sending IP is throttled for a while.
        new() { Id = "microsoft.ip-throttled-4.7.850-899", Vendor = V, Tier = RuleTier.Vendor, Kind = RateLimited,
            EnhancedCodes = ["4.7.850-899"], Causes = [RateLimitExceeded, PoorReputation], Remedies = [ReduceSendingRate, RetryLater],
            Transience = Transience.Always },
        // Recipients that accept mail only from authenticated senders of their own organization (groups, public folders).
        new() { Id = "microsoft.recipient-requires-authenticated-sender", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageRejected,
            AnyPhrase = ["resolver.rst.authrequired", "authenticationrequiredforpublicfolder", "not authenticated by organization"],
            Causes = [ContentPolicy], Remedies = [ContactRecipient], Responsible = ResponsibleParty.RecipientSide },
        // Exchange Online's submission quota (STOREDRV.Submission.Exception:SubmissionQuotaExceededException).
        new() { Id = "microsoft.submission-quota", Vendor = V, Tier = RuleTier.Vendor, Kind = RateLimited,
            AnyPhrase = ["submissionquotaexceeded"], Causes = [RateLimitExceeded], Remedies = [ReduceSendingRate, RetryLater],
            Transience = Transience.Always },
        // "5.7.505 Access denied, banned recipient": the recipient, inside the range of client bans.
        new() { Id = "microsoft.banned-recipient", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientUnknown,
            AnyPhrase = ["banned recipient", "recipient address rejected: access denied"], EnhancedCodes = ["5.7.500-599"],
            Causes = [RecipientMailboxMissing], Remedies = [VerifyRecipientAddress, ContactRecipient], Responsible = ResponsibleParty.RecipientSide },
        new() { Id = "microsoft.access-denied-ranges", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            EnhancedCodes = ["4.7.500-699", "5.7.500-599", "5.7.606-649", "5.7.700-750"], Causes = [PoorReputation, ClientOnBlockList],
            Remedies = [RequestBlockListRemoval, ContactMailAdministrator], Transience = Transience.ByCodeClass },
        new() { Id = "microsoft.consumer-dynamic-ip", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["dy-001", "dy-002", "dynamically-assigned", "dynamically assigned"], Causes = [DynamicIpListed], Remedies = [UseProviderRelay, UseSmtpServerOfCurrentNetwork],
            HelpLink = OutlookComPage },
        new() { Id = "microsoft.consumer-block-list", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["sc-001", "sc-002", "sc-003", "sc-004", "ou-001", "ou-002", "s3150", "part of their network is on our block list"],
            Causes = [ClientOnBlockList, PoorReputation], Remedies = [RequestBlockListRemoval, UseProviderRelay], HelpLink = OutlookComPage },

        // Recipient side.
        new() { Id = "microsoft.recipient-access-denied", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientUnknown,
            AnyPhrase = ["recipient address rejected: access denied"], Causes = [RecipientMailboxMissing, RecipientMxMisconfigured],
            Remedies = [VerifyRecipientAddress, AskRecipientAdministratorToFixMx] },
        new() { Id = "microsoft.recipient-not-found", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientUnknown,
            AnyPhrase = ["resolver.adr.recipientnotfound", "recipient not found by smtp address lookup"] },
        new() { Id = "microsoft.receive-limit", Vendor = V, Tier = RuleTier.Vendor, Kind = RateLimited,
            EnhancedCodes = ["5.2.121", "5.2.122", "5.1.90"], Transience = Transience.Always },
        new() { Id = "microsoft.wrong-region", Vendor = V, Tier = RuleTier.Vendor, Kind = ServiceUnavailable,
            AnyPhrase = ["wrong office 365 region"], EnhancedCodes = ["4.4.62"], Causes = [ServerMisconfigured],
            Remedies = [ContactMailAdministrator, RetryLater], Transience = Transience.ByCodeClass },
        // A group or public folder that accepts only its organization's senders: "550 5.7.1 RESOLVER.RST.AuthRequired; authentication
        // required", "5.7.12 Sender was not authenticated by organization". The recipient's restriction, not a login the client can make.
        new() { Id = "microsoft.recipient-requires-internal-sender", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageRejected,
            AnyPhrase = ["resolver.rst.authrequired", "not authenticated by organization", "resolver.rst.notauthorized",
                "authenticationrequiredforpublicfolder"], Causes = [ContentPolicy],
            Remedies = [ContactRecipient], Responsible = ResponsibleParty.RecipientSide },
        new() { Id = "microsoft.delivery-restricted", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageRejected,
            AnyPhrase = ["delivery to this address is restricted", "does not allow external forwarding", "senders not in the allowed"],
            Causes = [ContentPolicy], Remedies = [ContactRecipient], Responsible = ResponsibleParty.RecipientSide },

        // Exchange Online's own codes (OfficeDocs-Support NDR tables), not in the registry.
        new() { Id = "microsoft.outbound-tls-5.7.321-325", Vendor = V, Tier = RuleTier.Vendor, Kind = TlsFailed,
            EnhancedCodes = ["x.7.321-325", "x.4.8", "4.4.317"], Causes = [TlsHandshakeFailed], Remedies = [ContactMailAdministrator],
            Responsible = ResponsibleParty.RecipientSide, Transience = Transience.ByCodeClass },
        new() { Id = "microsoft.sender-restricted", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageRejected,
            EnhancedCodes = ["5.7.124", "5.7.133-136", "5.7.193", "5.7.900-999", "5.1.20", "5.3.190"], Causes = [ContentPolicy],
            Remedies = [ContactRecipient], Responsible = ResponsibleParty.RecipientSide },
        new() { Id = "microsoft.sender-throttled-5.2.251-253", Vendor = V, Tier = RuleTier.Vendor, Kind = RateLimited,
            EnhancedCodes = ["5.2.251-253"], Transience = Transience.Always },
        new() { Id = "microsoft.hop-count-5.4.14", Vendor = V, Tier = RuleTier.Vendor, Kind = ServiceUnavailable,
            EnhancedCodes = ["5.4.14"], Causes = [ServerMisconfigured], Remedies = [ContactMailAdministrator] },
        new() { Id = "microsoft.expired-5.4.300", Vendor = V, Tier = RuleTier.Vendor, Kind = SmtpFailureKind.Unknown,
            EnhancedCodes = ["5.4.300"], Confidence = DiagnosisConfidence.Low, Transience = Transience.Never,
            Summary = "The message expired in the queue before it could be delivered; the report does not say why." },
    ];
}
