using SmtpRelayClassifier.Classification;
using static SmtpRelayClassifier.Classification.SmtpFailureKind;
using static SmtpRelayClassifier.Classification.SmtpStage;

namespace SmtpRelayClassifier.Tests.Data;

/// <summary>
/// Replies observed in public bounce messages, mail logs and support threads, beyond those REFERENCE cites: the
/// classifier must generalize to wording it has no exact rule for, and must not be fooled by misleading words.
/// </summary>
public static class ObservedReplies
{
    public static readonly ReplyCase[] All =
    [
        new("550 5.7.1 Relaying not allowed: user@example.com", Rcpt, RelayDenied, true, "observed (Exchange/IIS relay restriction)"),
        new("550 relaying to <x@example.com> prohibited by administrator", Rcpt, RelayDenied, true, "observed (MDaemon-style wording)"),
        new("553 5.7.1 <x@example.com>... Relaying denied. Please use SMTP Authentication.", Rcpt, RelayDenied, true, "observed (Sendmail with custom confRELAY_MSG)"),
        new("550 Relaying is prohibited", Rcpt, RelayDenied, true, "observed"),
        new("550 Sorry, relaying denied from your location [203.0.113.5] (#5.7.1)", Rcpt, RelayDenied, true, "observed (qmail-ldap)"),
        new("550 Unauthenticated relaying is not allowed", Rcpt, RelayDenied, true, "observed"),
        new("550 5.7.1 <bob@example.org>... Relaying temporarily denied. Cannot resolve PTR record for 203.0.113.9", Rcpt, RelayDenied, true, "Sendmail check_relay with a DNS failure (observed)"),
        new("550 5.7.1 Sender not authorized", Mail, SenderNotAuthorized, true, "observed"),
        new("553 Sorry, that domain isn't in my list of allowed senders", Mail, SenderNotAuthorized, true, "observed (qmail-style)"),
        new("550 5.7.1 SPF: 203.0.113.4 is not allowed to send mail from example.com", Mail, SenderNotAuthorized, false, "observed (SPF policy daemon)"),
        new("553 5.1.8 <alice@nonexistent.invalid>... Domain of sender address alice@nonexistent.invalid does not exist", Mail, SenderAddressRejected, false, "Sendmail check_mail"),
        new("550 5.1.0 <alice@example.com>: Sender address rejected: User unknown in local recipient table", Mail, SenderAddressRejected, false, "Postfix reject_unlisted_sender"),
        new("550 5.1.1 <relay@example.org>: Recipient address rejected: User unknown", Rcpt, RecipientUnknown, false, "Postfix; the mailbox's name says relay"),
        new("554 delivery error: dd This user doesn't have a yahoo.com account (bob@yahoo.com) [0] - mta1.mail.yahoo.com", Rcpt, RecipientUnknown, false, "Yahoo MX (observed)"),
        new("550 5.5.0 Requested action not taken: mailbox unavailable", Rcpt, RecipientUnknown, false, "Exchange (observed)"),
        new("553 5.3.0 <bob@example.org>... Addressee unknown, relay=[203.0.113.4]", Rcpt, RecipientUnknown, false, "Sendmail (observed)"),
        new("550 5.1.1 <bob@example.org>: Recipient address rejected: undeliverable address: host mx[192.0.2.4] said: 554 5.7.1 <bob@example.org>: Relay access denied (in reply to RCPT TO command)", Rcpt, RecipientUnknown, false, "Postfix reject_unverified_recipient, final"),
        new("450 4.1.7 <alice@example.com>: Sender address rejected: unverified address: host mx[192.0.2.4] said: 554 5.7.1 Relay access denied", Mail, SenderAddressRejected, false, "Postfix reject_unverified_sender"),
        new("550 SC-003 Mail rejected by Outlook.com for policy reasons. Your IP is listed as an open relay", Connect, ClientBlocked, false, "Outlook.com MX (ZoneMTA bounce rules)"),
        new("550 SC-001 (BAY004-MC1F18) Unfortunately, messages from 203.0.113.4 weren't sent. Please contact your Internet service provider. You can tell them that Hotmail does not relay dynamically-assigned IP ranges.", Rcpt, ClientBlocked, true, "Outlook.com MX (observed)"),
        new("450 4.2.1 Peak SMTP relay limit exceeded for customer", Rcpt, RateLimited, false, "Google Workspace SMTP relay"),
        new("554 Throttling failure: Maximum sending rate exceeded.", EndOfData, RateLimited, false, "Amazon SES"),
        new("421 4.7.0 [TSS04] Messages from 203.0.113.1 temporarily deferred due to user complaints - 4.16.55.1", Rcpt, ClientBlocked, false, "Yahoo MX"),
        new("554 5.7.1 You are not allowed to connect.", Connect, ClientBlocked, false, "observed"),
        new("552 5.7.0 This message was blocked because its content presents a potential security issue.", EndOfData, MessageRejected, false, "Gmail MX"),
        new("550 5.7.1 Delivery not authorized, message refused", Rcpt, SmtpFailureKind.Unknown, false, "generic X.7.1 description: not enough to decide"),
        new("451 4.3.0 Error: queue file write error", EndOfData, ServiceUnavailable, false, "Postfix cleanup"),
        new("556 5.1.10 Recipient address has null MX", Rcpt, ServiceUnavailable, false, "RFC 7505 wording"),
        new("555 5.5.4 Unsupported option: SMTPUTF8", Mail, ProtocolError, false, "Postfix"),
    ];
}
