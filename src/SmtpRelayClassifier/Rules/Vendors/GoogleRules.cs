using System;
using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>Gmail and Google Workspace: smtp.gmail.com, smtp-relay.gmail.com and the Gmail MX (support.google.com/a/answer/3726730; Sisimai Rhost/Google.pm).</summary>
internal static class GoogleRules
{
    private const string V = "Google";

    /// <summary>The vendor's public page for its replies: Gmail's SMTP errors and codes.</summary>
    public static readonly Uri HelpPage = new("https://support.google.com/a/answer/3726730");

    public static IEnumerable<SmtpFailureRule> All =>
    [
        // Workspace SMTP relay service: the sending IP or domain is not registered in the relay setting.
        new() { Id = "google.workspace-relay-denied", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["mail relay denied", "invalid credentials for relay"], Stages = Stages.Envelope,
            Causes = [ServerMisconfigured, UnauthenticatedSubmission], Remedies = [ContactMailAdministrator, AuthenticateOnSubmissionPort],
            Responsible = ResponsibleParty.SenderMailAdministrator,
            Summary = "Google Workspace's SMTP relay does not know this sending address or domain." },

        // Gmail MX: "550 5.7.1 The IP you're using to send mail is not authorized to send email directly to our servers."
        new() { Id = "google.not-authorized-directly", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["not authorized to send email directly to our servers", "use the smtp relay at your service provider",
                "ip you're using to send mail is not authorized", "ip you’re using to send mail is not authorized"],
            Causes = [DynamicIpListed], Remedies = [UseSmtpServerOfCurrentNetwork, UseProviderRelay],
            Responsible = ResponsibleParty.Sender,
            Summary = "The recipient's server does not take mail directly from this (dynamic or residential) address; send through your provider's SMTP server." },

        new() { Id = "google.want-auth", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationRequired,
            AnyPhrase = ["wantautherror"], Causes = [UnauthenticatedSubmission], Remedies = [AuthenticateOnSubmissionPort] },
        new() { Id = "google.app-password-required", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationFailed,
            AnyPhrase = ["application-specific password required", "application specific password required"],
            Causes = [AppPasswordOrWebSignInRequired], Remedies = [UseAppPasswordOrOAuth] },
        new() { Id = "google.web-login-required", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationFailed,
            AnyPhrase = ["log in through your web browser", "log in via your web browser", "webloginrequired"],
            Causes = [AppPasswordOrWebSignInRequired], Remedies = [UseAppPasswordOrOAuth, CheckCredentials] },
        new() { Id = "google.credentials-not-accepted", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationFailed,
            AnyPhrase = ["username and password not accepted"], Causes = [InvalidCredentials, AppPasswordOrWebSignInRequired],
            Remedies = [CheckCredentials, UseAppPasswordOrOAuth] },
        new() { Id = "google.tls-required-rcpt-domain", Vendor = V, Tier = RuleTier.Vendor, Kind = TlsRequired,
            AnyPhrase = ["tls required for rcpt domain"], Transience = Transience.Never },
        new() { Id = "google.relay-limit", Vendor = V, Tier = RuleTier.Vendor, Kind = RateLimited,
            AnyPhrase = ["smtp relay limit exceeded", "sending quota exceeded", "daily user sending quota"], Transience = Transience.Always },
        new() { Id = "google.unsolicited-rate-blocked", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["unusual rate of unsolicited mail"], CodeClass = 5, Causes = [PoorReputation], Remedies = [ReduceSendingRate, ReviewMessageContent] },
        new() { Id = "google.unsolicited-rate", Vendor = V, Tier = RuleTier.Vendor, Kind = RateLimited,
            AnyPhrase = ["unusual rate of unsolicited mail", "receiving mail at a rate"], Transience = Transience.Always },
        new() { Id = "google.sender-unauthenticated", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageRejected,
            AnyPhrase = ["sender is unauthenticated", "authenticate with either spf or dkim", "unauthenticated email from"],
            Causes = [DmarcOrDkimFailure, SpfFailure], Remedies = [FixSenderDnsRecords], Responsible = ResponsibleParty.SenderMailAdministrator },
        new() { Id = "google.account-does-not-exist", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientUnknown,
            AnyPhrase = ["email account that you tried to reach does not exist"] },
        new() { Id = "google.account-disabled", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientUnknown,
            AnyPhrase = ["email account that you tried to reach is disabled"], Causes = [RecipientMailboxMissing] },
        new() { Id = "google.over-quota", Vendor = V, Tier = RuleTier.Vendor, Kind = MailboxFull,
            AnyPhrase = ["email account that you tried to reach is over quota"], Transience = Transience.ByCodeClass },

        // Gmail's own meanings for registered codes (support.google.com/a/answer/3726730): known by the name in the text.
        new() { Id = "google.rate-4.7.28", Vendor = V, Tier = RuleTier.Vendor, Kind = RateLimited, EnhancedCodes = ["x.7.28"], AnyPhrase = ["gmail"],
            Transience = Transience.Always },
        new() { Id = "google.spf-4.7.27", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderNotAuthorized, EnhancedCodes = ["x.7.27"], AnyPhrase = ["gmail"],
            Causes = [SpfFailure], Remedies = [FixSenderDnsRecords], Responsible = ResponsibleParty.SenderMailAdministrator },
        new() { Id = "google.tls-4.7.29", Vendor = V, Tier = RuleTier.Vendor, Kind = TlsRequired, EnhancedCodes = ["x.7.29"], AnyPhrase = ["gmail"] },
        new() { Id = "google.dkim-4.7.30", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageRejected, EnhancedCodes = ["x.7.30"], AnyPhrase = ["gmail"],
            Causes = [DmarcOrDkimFailure], Remedies = [FixSenderDnsRecords], Responsible = ResponsibleParty.SenderMailAdministrator },
        new() { Id = "google.from-alignment-4.7.32", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageRejected, EnhancedCodes = ["x.7.32"],
            AnyPhrase = ["gmail"], Causes = [DmarcOrDkimFailure], Remedies = [FixSenderDnsRecords], Responsible = ResponsibleParty.SenderMailAdministrator },
    ];
}
