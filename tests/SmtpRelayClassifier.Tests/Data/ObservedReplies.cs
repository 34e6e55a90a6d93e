using static SmtpRelayClassifier.SmtpFailureKind;
using static SmtpRelayClassifier.SmtpStage;

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

        // Wording by phenomenon, one reply per phenomenon and language, each from the development corpus (Corpus/*.tsv) with its source:
        // recipient unknown, disabled, suspended, closed or moved; full mailbox and size; recipient and bad-recipient rates; HELO,
        // block and rate wording; spam, DKIM and SPF; TLS; authentication; service and connection failures, expiry; loops; relay.
        new("No such person at this address", Rcpt, RecipientUnknown, false, "cfortune/PHP-Bounce-Handler:bounce_responses.php (corpus field.tsv:273)"),
        new("Indirizzo inesistente", Rcpt, RecipientUnknown, false, "cfortune/PHP-Bounce-Handler:bounce_responses.php (corpus field.tsv:266)"),
        new("Adressat unbekannt oder Mailbox deaktiviert", Rcpt, RecipientUnknown, false, "cfortune/PHP-Bounce-Handler:bounce_responses.php (corpus field.tsv:292)"),
        new("Esta casilla ha expirado por falta de uso", Rcpt, RecipientUnknown, false, "cfortune/PHP-Bounce-Handler:bounce_responses.php (corpus field.tsv:283)"),
        new("Nie ma takiego konta", Rcpt, RecipientUnknown, false, "cfortune/PHP-Bounce-Handler:bounce_responses.php (corpus field.tsv:269)"),
        new("该用户不存在", Rcpt, RecipientUnknown, false, "https://qqmailbox.com/transceivers/169.html (corpus vendors.tsv:424)"),
        new("non répertorié dans l'annuaire Domino", Rcpt, RecipientUnknown, false, "sisimai/p5-sisimai:lib/Sisimai/Lhost/Domino.pm (corpus field.tsv:401)"),
        new("Domino ディレクトリには見つかりません", Rcpt, RecipientUnknown, false, "sisimai/p5-sisimai:lib/Sisimai/Lhost/Domino.pm (corpus field.tsv:402)"),
        new("550 [suspend] Mailbox currently suspended--Please contact correspondent directly.", Rcpt, RecipientUnknown, false, "http://worldnet.att.net/general-info/bls_info/block_enduser.html (corpus vendors.tsv:574)"),
        new("550 <bob@lycos.de>: Recipient address rejected: Account Closed", Rcpt, RecipientUnknown, false, "http://www.sitepackage.de/service/dokumentation/auswertung/typische-fehlermeldungen-bei-unzustellbarkeit.html (corpus vendors.tsv:475)"),
        new("Old address no longer valid", Rcpt, RecipientUnknown, false, "cfortune/PHP-Bounce-Handler:bounce_responses.php (corpus field.tsv:289)"),
        new("550 5.2.2 Mailbox is full / Blocks limit exceeded / Inode limit exceeded", Rcpt, MailboxFull, false, "KumoCorp/kumomta:assets/community/bounces.toml (corpus field.tsv:116)"),
        new("550 Benutzer hat das Speichervolumen ueberschritten. / User has exhausted allowed storage space.", Rcpt, MailboxFull, false, "http://www.sitepackage.de/service/dokumentation/auswertung/typische-fehlermeldungen-bei-unzustellbarkeit.html (corpus vendors.tsv:484)"),
        new("收件人空间不足", Rcpt, MailboxFull, false, "https://qqmailbox.com/transceivers/169.html (corpus vendors.tsv:426)"),
        new("5.2.0 Email size exceeded the policy.", EndOfData, MessageTooLarge, false, "https://www.zoho.com/zeptomail/help/api/smtp-error-codes.html (corpus vendors.tsv:564)"),
        new("450 4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time. If the user is able to receive mail at that time, your message will be delivered.", Rcpt, RateLimited, false, "https://support.google.com/a/answer/3726730 (corpus vendors.tsv:133)"),
        new("451 VS1-IP Excessive unknown recipients - possible Open Relay More information (#4.1.8)", Rcpt, RateLimited, false, "http://help.yahoo.com/l/in/yahoo/mail/original/abuse/abuse-57.html (corpus vendors.tsv:178)"),
        new("550 Connection frequency limited", Connect, RateLimited, false, "http://qiao.yimirj.com/article/detail/2261 (corpus vendors.tsv:434)"),
        new("455 Maximum messages sent per minute reached : limit is 60", SmtpStage.Unknown, RateLimited, false, "https://docs.oracle.com/iaas/Content/Email/Concepts/troubleshooting.htm (corpus vendors.tsv:626)"),
        new("550 5.7.1 bogus HELO name used: mail.example.org", Mail, ClientBlocked, false, "hrs-allbsd/sendmail:cf/m4/proto.m4 (corpus mtas.tsv:314)"),
        new("550 black ip.", Connect, ClientBlocked, false, "https://blog.sina.com.cn/s/blog_8dc13ec50101fxxr.html (corpus vendors.tsv:369)"),
        new("554 This IP has been blocked for the day, for attempting to send too many messages containing content judged to be spam by the Internet community. IB111", SmtpStage.Unknown, ClientBlocked, false, "sisimai/p5-sisimai:lib/Sisimai/Rhost/GoDaddy.pm (corpus vendors.tsv:327)"),
        new("Wiadomosc zostala odrzucona przez system antyspamowy", EndOfData, MessageRejected, false, "cfortune/PHP-Bounce-Handler:bounce_responses.php (corpus field.tsv:319)"),
        new("Message does not pass DomainKeys", EndOfData, MessageRejected, false, "cfortune/PHP-Bounce-Handler:bounce_responses.php (corpus field.tsv:312)"),
        new("550 5.7.1 [BFD] Sender prohibited by SPF", EndOfData, SenderNotAuthorized, false, "https://github.com/justingit/dada-mail/issues/717 (corpus field.tsv:456)"),
        new("unable to get local issuer certificate", StartTls, TlsFailed, false, "https://github.com/dawidd6/action-send-mail/issues/215 (corpus field.tsv:464)"),
        new("530 5.7.7 Email sending without SSL/TLS encryption is not allowed. Please see: http://help.yandex.ru/mail/mail-clients/ssl.xml", Auth, TlsRequired, false, "https://github.com/PHPMailer/PHPMailer/issues/283 (corpus field.tsv:446)"),
        new("Recipient address rejected: SMTP AUTH is required for users under this sender domain", Rcpt, AuthenticationRequired, true, "iredmail/docs:en_US/faq/1-errors.md (corpus vendors.tsv:518)"),
        new("Basic authentication is disabled", Auth, AuthenticationFailed, false, "https://www.inboxreadyapp.com/smtp-auth-migration (corpus vendors.tsv:586)"),
        new("450 queue unavailable.", SmtpStage.Unknown, ServiceUnavailable, false, "https://blog.sina.com.cn/s/blog_8dc13ec50101fxxr.html (corpus vendors.tsv:356)"),
        new("Delivery timeout", SmtpStage.Unknown, ConnectionFailed, false, "http://ix-one.com/domainhostingFAQ/article/MS_27771.html (corpus vendors.tsv:795)"),
        new("451 Sorry, I wasn't able to establish an SMTP connection. I'm not going to try again; this message has been in the queue too long.", SmtpStage.Unknown, ConnectionFailed, false, "sisimai/p5-sisimai:lib/Sisimai/Rhost/GoDaddy.pm (corpus vendors.tsv:338)"),
        new("554 5.4.6 Too many hops 26 (25 max): from <alice@example.com> via relay.example.net, to <bob@example.org>", EndOfData, MessageRejected, false, "hrs-allbsd/sendmail:sendmail/deliver.c (corpus mtas.tsv:378)"),
        new("550 <someone@example.com> ....リレー拒否", Rcpt, RelayDenied, true, "https://support.microsoft.com/ja-jp/office/メール-メッセージを送信すると-550-553-またはリレー禁止エラーを受信します-65b494a4-0a15-433e-829f-e73651e0245e (corpus field.tsv:412)"),
        new("User rejected", Rcpt, RecipientUnknown, false, "https://www.icoremail.vip/support/index.php?cate_id=84&page=5&start=0 (corpus vendors.tsv:404)"),
        new("550 Unauthenticated mail not allowed from this range", Rcpt, ClientBlocked, false, "https://github.com/mjl-/mox/issues/352 (corpus field.tsv:364)"),
        new("451 4.3.0 Multiple destination domains per transaction is unsupported. Please try again.", Rcpt, RateLimited, false, "https://www.entertop.net/knowledge/smtp-error-reference/ (corpus vendors.tsv:137)"),
        new("450 Virus scanner error", EndOfData, ServiceUnavailable, false, "haraka/haraka-plugin-clamd:index.js (corpus mtas.tsv:562)"),
    ];
}
