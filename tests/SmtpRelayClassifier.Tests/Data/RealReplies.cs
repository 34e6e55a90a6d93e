using System.Collections.Generic;
using static SmtpRelayClassifier.SmtpFailureKind;
using static SmtpRelayClassifier.SmtpStage;

namespace SmtpRelayClassifier.Tests.Data;

/// <summary>One real reply, the stage it answered, the kind it must get, and where the text comes from.</summary>
public sealed record ReplyCase(string Reply, SmtpStage Stage, SmtpFailureKind Kind, bool? IsRelayBlock, string Source)
{
    public override string ToString() => $"{Kind}: {Reply}";
}

/// <summary>Real replies from real servers, with their sources (shared/REFERENCE.md sections and the documents it cites).</summary>
public static class RealReplies
{
    /// <summary>REFERENCE §4.1: relay denials and the rejections next to them.</summary>
    public static readonly ReplyCase[] Section41 =
    [
        new("554 5.7.1 <bob@example.org>: Relay access denied", Rcpt, RelayDenied, true, "Postfix smtpd_check.c reject_unauth_destination"),
        new("454 4.7.1 <bob@example.org>: Relay access denied", Rcpt, RelayDenied, true, "Postfix smtpd_check.c defer_unauth_destination"),
        new("554 5.7.1 <bob@example.org>: Recipient address rejected: Relay access denied", Rcpt, RelayDenied, true, "Postfix, observed in public logs"),
        new("553 5.7.1 <alice@example.com>: Sender address rejected: not owned by user alice2", Mail, SenderNotAuthorized, true, "Postfix smtpd_check.c reject_sender_login_mismatch"),
        new("553 5.7.1 <alice@example.com>: Sender address rejected: not logged in", Mail, AuthenticationRequired, true, "Postfix smtpd_check.c reject_unauthenticated_sender_login_mismatch"),
        new("530 5.7.0 Must issue a STARTTLS command first", Mail, TlsRequired, false, "Postfix smtpd.c"),
        new("535 5.7.8 Error: authentication failed: authentication failure", Auth, AuthenticationFailed, false, "Postfix smtpd_sasl_glue.c"),
        new("454 4.7.0 Temporary authentication failure: generic failure", Auth, AuthenticationFailed, false, "Postfix smtpd_sasl_glue.c"),
        new("503 5.5.1 Error: authentication not enabled", Auth, AuthenticationFailed, false, "Postfix smtpd_sasl_proto.c"),
        new("504 5.5.4 Encryption required for requested authentication mechanism", Auth, TlsRequired, false, "Postfix smtpd_sasl_proto.c (smtpd_tls_auth_only)"),
        new("454 4.7.0 TLS not available due to local problem", StartTls, TlsFailed, false, "Postfix smtpd.c"),
        new("550 relay not permitted", Rcpt, RelayDenied, true, "Exim src/src/configure.default"),
        new("550-Please turn on SMTP Authentication in your mail client.\r\n550-mail.example.net [192.0.2.10]:52015 is not permitted to relay through this server without authentication.", Rcpt, RelayDenied, true, "Exim shared hosting / MessageLabs (Sisimai sample)"),
        new("550 5.7.1 <bob@example.org>... Relaying denied", Rcpt, RelayDenied, true, "Sendmail cf/m4/proto.m4 confRELAY_MSG"),
        new("550 5.7.1 <bob@example.org>... Relaying denied. Proper authentication required.", Rcpt, RelayDenied, true, "Sendmail cf/m4/proto.m4 _USE_AUTH_"),
        new("550 5.7.1 Relaying denied. IP name lookup failed [192.0.2.33]", Rcpt, RelayDenied, true, "Sendmail variant (Sisimai test mails)"),
        new("553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", Rcpt, RelayDenied, true, "notqmail qmail-smtpd.c err_nogateway"),
        new("553 sorry, that domain isn't in my list of allowed rcpthosts (#5.5.3 - chkuser)", Rcpt, RelayDenied, true, "qmail + chkuser (observed)"),
        new("553 sorry, you don't authenticate or the domain isn't in my list of allowed rcpthosts (#5.7.1)", Rcpt, RelayDenied, true, "qmail + Plesk SMTP-AUTH patch (Sisimai)"),
        new("553 To send mail, first check your mail with a valid POP account; this prevents unauthorized SPAM relaying. (#5.7.1)", Rcpt, AuthenticationRequired, true, "POP-before-SMTP ISP (oceanfree.net help page)"),
        new("513 Relaying denied.", Rcpt, RelayDenied, true, "Courier-MTA (observed)"),
        new("550 Invalid recipient: <bob@example.org>", Rcpt, RecipientUnknown, false, "OpenSMTPD lka_session.c"),
        new("530 5.7.0 Must issue an AUTH command first", Mail, AuthenticationRequired, true, "OpenSMTPD smtp_session.c"),
        new("535 Authentication failed", Auth, AuthenticationFailed, false, "OpenSMTPD smtp_session.c"),
        new("530 Sender rejected", Mail, SenderAddressRejected, false, "OpenSMTPD smtp_session.c"),
        new("550 Delivery is not allowed to this address.", Rcpt, RelayDenied, true, "hMailServer SMTPConnection.cpp"),
        new("530 SMTP authentication is required.", Rcpt, AuthenticationRequired, true, "hMailServer SMTPConnection.cpp"),
        new("550 5.7.1 Unable to relay for bob@example.org", Rcpt, RelayDenied, true, "IIS SMTP / Exchange 2003, KB Q304897"),
        new("550 5.7.1 Relaying prohibited", Rcpt, RelayDenied, true, "Microsoft SMTP, KB Q304897"),
        new("550 5.7.1 Unable to relay", Rcpt, RelayDenied, true, "Exchange 2007-2019, allow-anonymous-relay.md"),
        new("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain", Rcpt, RelayDenied, true, "Exchange 2013+ (observed)"),
        new("530 5.7.1 Client was not authenticated", Mail, AuthenticationRequired, true, "Exchange Online non-delivery-reports-in-exchange-online.md"),
        new("451 5.7.3 Must issue a STARTTLS command first", Mail, TlsRequired, false, "Exchange, send-receive-emails-socketerror.md"),
        new("451 5.7.3 STARTTLS is required to send mail.", Mail, TlsRequired, false, "Exchange, cannot-receive-mail-with-new-certificate.md"),
        new("554 Originator address does not match authentication credentials", SmtpStage.Data, SenderNotAuthorized, true, "Exchange 5.5 IMS, KB Q186134"),
        new("554 Relay rejected for policy reasons.", Rcpt, RelayDenied, true, "Domino (observed)"),
        new("554 5.7.1 <bob@example.org>: Relay access denied", Rcpt, RelayDenied, true, "Zimbra (Postfix MTA)"),
        new("550 This mail server requires authentication when attempting to send to a non-local e-mail address. Please check your mail client settings or contact your administrator to verify that the domain or address is defined for this server.", Rcpt, RelayDenied, true, "MailEnable (Sisimai NoRelaying)"),
        new("553 Relaying disallowed", Rcpt, RelayDenied, true, "Zoho (observed in a Gmail DSN)"),
        new("550 you are not allowed to send mail to bob@example.org", Rcpt, RelayDenied, true, "Bell/Sympatico (observed)"),
        new("551 5.7.1 relaying denied", Rcpt, RelayDenied, true, "unattributed (public PHP bounce-classifier rules)"),
        new("571 bob@example.org prohibited. We do not relay", Rcpt, RelayDenied, true, "unattributed (Sisimai test mails)"),
        new("554 Refused. Sending to remote addresses (relaying) is not allowed.", Rcpt, RelayDenied, true, "unattributed (public bounce rules)"),
        new("550 Insecure Mail Relay", Rcpt, RelayDenied, true, "unattributed (Sisimai NoRelaying)"),
    ];

    /// <summary>REFERENCE §4.2: provider submission services.</summary>
    public static readonly ReplyCase[] Section42 =
    [
        new("530 5.7.57 Client not authenticated to send mail. [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]", Mail, AuthenticationRequired, true, "Exchange Online fix-error-code-5-7-57"),
        new("550 5.7.57 Client was not authenticated to send anonymous mail during MAIL FROM", Mail, AuthenticationRequired, true, "Exchange Online NDR table"),
        new("550 5.7.60 SMTP; Client does not have permissions to send as this sender", Mail, SenderNotAuthorized, true, "Exchange Online printers article"),
        new("554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message.", EndOfData, SenderNotAuthorized, true, "Outlook.com / Exchange Online (observed)"),
        new("554 5.2.252 SendAsDenied; alice@contoso.com not allowed to send as bob@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied", EndOfData, SenderNotAuthorized, true, "Exchange Online (observed)"),
        new("535 5.7.3 Authentication unsuccessful", Auth, AuthenticationFailed, false, "Exchange Online printers article"),
        new("535 5.7.139 Authentication unsuccessful, federated STS service was unreachable.", Auth, AuthenticationFailed, false, "Exchange Online printers article"),
        new("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.", Auth, AuthenticationFailed, false, "Exchange Online (observed)"),
        new("550 5.7.64 TenantAttribution; Relay Access Denied SMTP", Rcpt, RelayDenied, true, "Exchange Online relay-access-denied-smtp.md"),
        new("550 5.7.64 Relay Access Denied ATTR36. For more details please refer to: https://support.microsoft.com/kb/3169958", Rcpt, RelayDenied, true, "Exchange Online relay-access-denied-attr36-ndr.md"),
        new("550 5.7.708 Access denied, traffic not accepted from this IP.", Rcpt, ClientBlocked, false, "Exchange Online NDR table"),
        new("550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains", Mail, SenderNotAuthorized, true, "Exchange Online NDR table"),
        new("550 5.7.1. Unable To Relay: Blocked by Customer Allow list", Rcpt, ClientBlocked, false, "Exchange Online unable-to-relay-blocked-by-allow-list.md"),
        new("550 5.7.606 Access denied, banned sending IP [192.0.2.1]", Rcpt, ClientBlocked, false, "Exchange Online NDR table"),
        new("451 4.7.500 Access denied, please try again later.", Rcpt, ClientBlocked, false, "Exchange Online NDR table"),
        new("530 5.7.0 Authentication Required. Learn more at https://support.google.com/mail/?p=WantAuthError", Mail, AuthenticationRequired, true, "Gmail (Sisimai Rhost/Google.pm)"),
        new("530 5.5.1 Authentication Required. Learn more at https://support.google.com/mail/?p=WantAuthError", Mail, AuthenticationRequired, true, "Gmail"),
        new("535 5.7.8 Username and Password not accepted. Learn more at https://support.google.com/mail/?p=BadCredentials", Auth, AuthenticationFailed, false, "Gmail"),
        new("534 5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor", Auth, AuthenticationFailed, false, "Gmail"),
        new("534 5.7.14 Please log in through your web browser and then try again.", Auth, AuthenticationFailed, false, "Gmail"),
        new("454 4.7.0 Too many login attempts, please try again later.", Auth, AuthenticationFailed, false, "Gmail"),
        new("550 5.7.0 Mail relay denied [192.0.2.7]. Invalid credentials for relay for one of the domains in: example.com (as obtained from HELO and MAIL FROM).", Rcpt, RelayDenied, true, "Google Workspace SMTP relay (support.google.com/a/answer/6140680)"),
        new("550 5.7.1 Invalid credentials for relay [192.0.2.7]. The IP address you've registered in your Workspace SMTP Relay service doesn't match the domain of the account this email is being sent from.", Rcpt, RelayDenied, true, "Google Workspace SMTP relay"),
        new("550 5.7.1 The IP you're using to send mail is not authorized to send email directly to our servers. Please use the SMTP relay at your service provider instead.", Rcpt, ClientBlocked, true, "Gmail MX (p=NotAuthorizedError)"),
        new("421 4.7.0 TLS required for RCPT domain, closing connection.", Rcpt, TlsRequired, false, "Google support answer 3726730"),
        new("450 4.2.1 Peak SMTP relay limit exceeded for customer. For more information on SMTP relay sending limits please contact your administrator.", Rcpt, RateLimited, false, "Google support answer 3726730"),
        new("550 5.4.5 Daily SMTP relay limit exceeded for user. For more information on SMTP relay sending limits please contact your administrator.", Rcpt, RateLimited, false, "Google (Sisimai)"),
        new("553 From address not verified - see http://help.yahoo.com/l/us/yahoo/mail/original/manage/sendfrom-07.html", Mail, SenderNotAuthorized, true, "Yahoo (observed)"),
        new("501 mail from address must be same as authorization user", Mail, SenderNotAuthorized, true, "Tencent Exmail (observed)"),
        new("554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: alice@example.com", EndOfData, SenderNotAuthorized, true, "Amazon SES troubleshooting"),
        new("530 Must issue a STARTTLS command first", Mail, TlsRequired, false, "Amazon SES (observed)"),
        new("530 Authentication required", Mail, AuthenticationRequired, true, "Amazon SES (observed)"),
        new("550 5.7.0 Code d'authentification invalide OFR_305", Auth, AuthenticationFailed, false, "Orange (Sisimai FrancePTT.pm)"),
        new("550 5.5.0 Authentification requise. Authentication Required. LPN105_402", Mail, AuthenticationRequired, true, "La Poste (Sisimai FrancePTT.pm)"),
        new("501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405]", Mail, SenderAddressRejected, false, "Orange (Sisimai FrancePTT.pm)"),
        new("550 5.5.3 Mail from not owned by user. LPN105_421", Mail, SenderNotAuthorized, true, "La Poste (Sisimai FrancePTT.pm)"),
        new("550 5.7.705 Access denied, tenant has exceeded threshold", Mail, ClientBlocked, false, "Exchange Online NDR table"),
        new("550 5.7.511 Access denied, banned sender[contoso.com]", Mail, ClientBlocked, false, "Exchange Online NDR table"),
        new("550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant", EndOfData, MessageRejected, false, "Exchange Online NDR table"),
        new("451 4.4.62 Mail sent to the wrong Office 365 region. ATTR35.", Rcpt, ServiceUnavailable, false, "Exchange Online printers article"),
        new("550 5.4.1 Relay Access Denied", Rcpt, RelayDenied, true, "Exchange Online NDR table (MX points to another system)"),
        new("550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).", Rcpt, ClientBlocked, false, "Microsoft consumer MX (ZoneMTA bounces.txt)"),
    ];

    /// <summary>REFERENCE §2.6: server replies seen together with Outlook error numbers.</summary>
    public static readonly ReplyCase[] Section26 =
    [
        new("550 <someone@example.com>... Relaying Denied", Rcpt, RelayDenied, true, "KB 214402 / 290842"),
        new("553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", Rcpt, RelayDenied, true, "support.office.com 65b494a4"),
        new("554 5.7.1 <someone@example.com>: Relay access denied", Rcpt, RelayDenied, true, "forum quote (Postfix)"),
        new("550 5.7.1 <someone@example.com>... Relaying denied. Proper authentication required.", Rcpt, RelayDenied, true, "kb.apnscp.com quote (Sendmail)"),
        new("553 To send mail, first check your mail with a valid POP account; this prevents unauthorized SPAM relaying. (#5.7.1)", Rcpt, AuthenticationRequired, true, "oceanfree.net (POP-before-SMTP)"),
        new("550 not local host anisp.net, not a gateway", Rcpt, RelayDenied, true, "ihmars.com techtipOE550"),
        new("450 Traffic is being throttled (recipients per ip limit exceeded)", Rcpt, RateLimited, false, "tech-archive.net (Windows Mail)"),
        new("451 4.3.0 <someone@example.com>: Temporary lookup failure", Rcpt, RecipientVerificationDeferred, false, "forum quote"),
        new("451 <someone@example.com> please authenticate before send", Mail, AuthenticationRequired, true, "afteroffice.com FAQ"),
        new("505 Authentication required", Mail, AuthenticationRequired, true, "AT&T KM1189242"),
        new("554 Originator address does not match authentication credentials", SmtpStage.Data, SenderNotAuthorized, true, "KB Q186134"),
        new("554 5.7.1 Connection Refused. 192.0.2.4 is blacklisted", Rcpt, ClientBlocked, false, "Microsoft Q&A quote"),
        new("451 See http://pobox.com/~djb/docs/smtplf.html.", SmtpStage.Data, ProtocolError, false, "blog quote (qmail bare LF)"),
    ];

    /// <summary>Everyday failures that must never be read as a relay block.</summary>
    public static readonly ReplyCase[] Adjacent =
    [
        new("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table", Rcpt, RecipientUnknown, false, "Postfix smtpd_check.c"),
        new("550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.", Rcpt, RecipientUnknown, false, "Gmail MX (Sisimai)"),
        new("511 sorry, no mailbox here by that name (#5.1.1)", Rcpt, RecipientUnknown, false, "qmail-smtpd.c"),
        new("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", Rcpt, RecipientUnknown, false, "Exchange Online NDR table"),
        new("452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp", Rcpt, MailboxFull, false, "Gmail MX"),
        new("552 5.3.4 Message size exceeds fixed limit", EndOfData, MessageTooLarge, false, "Postfix cleanup"),
        new("554 5.7.1 Service unavailable; Client host [192.0.2.99] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.99", Rcpt, ClientBlocked, false, "Postfix reject_rbl_client"),
        new("554 5.7.1 Service unavailable; Client host [192.0.2.99] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.99 (PBL listing: dynamic IP)", Rcpt, ClientBlocked, true, "Postfix reject_rbl_client with a Spamhaus PBL listing"),
        new("450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.12]", Rcpt, ClientBlocked, false, "Postfix reject_unknown_client_hostname"),
        new("421 4.7.0 mx.example.org Error: too many connections from 192.0.2.5", Connect, RateLimited, false, "Postfix anvil"),
        new("452 4.5.3 Error: too many recipients", Rcpt, RateLimited, false, "Postfix smtpd_recipient_limit"),
        new("450 4.2.0 <bob@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html", Rcpt, RateLimited, false, "postgrey"),
        new("550 5.7.1 Message rejected as spam", EndOfData, MessageRejected, false, "REFERENCE §1.7 probe"),
        new("554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org", Connect, ClientBlocked, false, "REFERENCE §1.7 probe (greeting)"),
        new("421 4.3.2 Service shutting down", Connect, ServiceUnavailable, false, "RFC 3463 X.3.2 usage"),
        new("554 No SMTP service here", Connect, ServiceUnavailable, false, "RFC 5321 §3.1"),
        new("503 5.5.1 Error: need RCPT command", SmtpStage.Data, ProtocolError, false, "Postfix smtpd.c"),
        new("500 5.5.2 Error: command not recognized", SmtpStage.Unknown, ProtocolError, false, "Postfix smtpd.c"),
        new("450 4.1.2 <bob@nosuchdomain.example>: Recipient address rejected: Domain not found", Rcpt, RecipientVerificationDeferred, false, "Postfix reject_unknown_recipient_domain (temporary DNS failure)"),
        new("450 4.1.1 <bob@example.org>: Recipient address rejected: unverified address: host mx.example.org[192.0.2.2] said: 554 5.7.1 <bob@example.org>: Relay access denied (in reply to RCPT TO command)", Rcpt, RecipientVerificationDeferred, false, "Postfix reject_unverified_recipient quoting the next hop"),
        new("450 4.1.8 <alice@nosuchdomain.example>: Sender address rejected: Domain not found", Mail, SenderAddressRejected, false, "Postfix reject_unknown_sender_domain"),
        new("550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy.", EndOfData, MessageRejected, false, "Gmail MX"),
        new("550 5.7.1 [192.0.2.1] Our system has detected that this message is likely unsolicited mail.", EndOfData, MessageRejected, false, "Gmail MX"),
        new("554 5.7.1 This message has been blocked because it contains a virus", EndOfData, MessageRejected, false, "generic content filter"),
    ];

    public static IEnumerable<ReplyCase> All()
    {
        foreach (var c in Section41)
            yield return c;
        foreach (var c in Section42)
            yield return c;
        foreach (var c in Section26)
            yield return c;
        foreach (var c in Adjacent)
            yield return c;
        foreach (var c in ObservedReplies.All)
            yield return c;
    }
}
