using Xunit;

namespace SmtpRelayClassifier.Tests.Rules;

/// <summary>
/// The generic wording rules by phenomenon: what each phenomenon's wording yields, and which wording wins when a reply
/// holds two (replies from the development corpus, Corpus/*.tsv, with their sources).
/// </summary>
public class GenericPhraseRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    private static RelayBlockDiagnosis Classify(string reply, SmtpStage stage) => Classifier.Classify(reply, SmtpFailureContext.ForStage(stage));

    private static void AssertKindAtRcptAndNoRelayBlock(string reply, SmtpFailureKind kind)
    {
        var diagnosis = Classify(reply, SmtpStage.Rcpt);

        Assert.Equal(kind, diagnosis.Kind);
        Assert.False(diagnosis.IsRelayBlock);
    }

    [Fact]
    public void Classify_FullMailboxThatAlsoNamesALimit_IsMailboxFullNotRate()
    {
        // KumoCorp/kumomta:assets/community/bounces.toml
        var diagnosis = Classify("550 5.2.2 Mailbox is full / Blocks limit exceeded / Inode limit exceeded", SmtpStage.Rcpt);

        Assert.Equal(SmtpFailureKind.MailboxFull, diagnosis.Kind);
        Assert.Equal("generic.mailbox-full", diagnosis.RuleId);
    }

    [Fact]
    public void Classify_RecipientReceivingTooQuickly_IsRateLimitedNotRecipientUnknown()
    {
        // https://support.google.com/a/answer/3726730: 4.2.1 is a recipient-side rate here, not a disabled mailbox.
        var diagnosis = Classify("450 4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time.",
            SmtpStage.Rcpt);

        Assert.Equal(SmtpFailureKind.RateLimited, diagnosis.Kind);
        Assert.True(diagnosis.IsTransient);
    }

    [Theory]
    [InlineData("451 VS1-IP Excessive unknown recipients - possible Open Relay More information (#4.1.8)")] // Yahoo help, abuse-57
    [InlineData("550 Rejected for too many bad recipients")] // Exim configure.default
    [InlineData("552 Error: Too many illegal recipients")] // MailDiode SMTPError
    [InlineData("Dictionary attack detected")] // bastion.umanix.net/info
    public void Classify_TooManyBadRecipients_IsRateLimitedNotRecipientUnknownNorRelay(string reply)
        => AssertKindAtRcptAndNoRelayBlock(reply, SmtpFailureKind.RateLimited);

    [Theory]
    [InlineData("554 This IP has been temporarily blocked for attempting to send too many messages containing content judged to be spam by the Internet community. IB110")]
    [InlineData("554 This IP has been temporarily blocked for attempting to mail too many invalid recipients. IB112")]
    public void Classify_IpBlockedForSendingTooMuch_IsClientBlockedNotRateNorRecipient(string reply)
    {
        // sisimai/p5-sisimai:lib/Sisimai/Rhost/GoDaddy.pm: the block is the answer, the count is its reason.
        Assert.Equal(SmtpFailureKind.ClientBlocked, Classify(reply, SmtpStage.Rcpt).Kind);
    }

    [Fact]
    public void Classify_LoopCountedInHops_IsALoopNotAMessageTooLarge()
    {
        // Gmail: "Message exceeded 50 hops" names no size.
        var diagnosis = Classify("554 5.4.6 Message exceeded 50 hops, this may indicate a mail loop. For more information, go to Gmail Help.",
            SmtpStage.EndOfData);

        Assert.NotEqual(SmtpFailureKind.MessageTooLarge, diagnosis.Kind);
        Assert.Equal("generic.mail-loop", diagnosis.RuleId);
    }

    [Theory]
    [InlineData("450 Virus scanner error")] // haraka-plugin-clamd
    [InlineData("450 Virus scanner timed out")] // haraka-plugin-clamd
    [InlineData("451 4.7.0 DKIM signing error")] // OpenDKIM opendkim.c
    public void Classify_FilterThatFailed_IsServiceUnavailableNotAVerdictOnTheMessage(string reply)
    {
        var diagnosis = Classify(reply, SmtpStage.EndOfData);

        Assert.Equal(SmtpFailureKind.ServiceUnavailable, diagnosis.Kind);
        Assert.True(diagnosis.IsTransient);
    }

    [Theory]
    [InlineData("550 Account is not active.")] // maddy
    [InlineData("User suspended")] // Coremail
    [InlineData("550 [suspend] Mailbox currently suspended--Please contact correspondent directly.")] // AT&T
    [InlineData("550 <bob@lycos.de>: Recipient address rejected: Account Closed")] // sitepackage.de
    [InlineData("mailbox has been blocked due to inactivity")] // PHP-Bounce-Handler
    [InlineData("This address no longer accepts mail")] // PHP-Bounce-Handler
    public void Classify_DisabledSuspendedClosedOrMovedRecipient_IsRecipientUnknown(string reply)
        => AssertKindAtRcptAndNoRelayBlock(reply, SmtpFailureKind.RecipientUnknown);

    [Theory]
    [InlineData("550 L'adresse bob@example.fr n'existe pas")]
    [InlineData("550 Der Empfänger existiert nicht")]
    [InlineData("550 El buzón no existe")]
    [InlineData("550 Indirizzo inesistente")]
    [InlineData("550 O endereço não existe")]
    [InlineData("550 Het adres bestaat niet")]
    [InlineData("550 Nie ma takiego konta")]
    [InlineData("550 Адрес не существует")]
    [InlineData("550 用户不存在")]
    [InlineData("550 宛先不明 bob@example.jp")]
    public void Classify_UnknownRecipientInEachLanguage_IsRecipientUnknown(string reply)
    {
        Assert.Equal(SmtpFailureKind.RecipientUnknown, Classify(reply, SmtpStage.Rcpt).Kind);
    }

    [Theory]
    [InlineData("550 Sender did not verify", SmtpStage.Rcpt)] // Exim spec (sender checked in the RCPT ACL)
    [InlineData("550 Sender's domain is listed at dbl.spamhaus.org", SmtpStage.Rcpt)] // Exim spec: the sender's domain is listed, not the client
    [InlineData("451: Could not complete sender verification", SmtpStage.Mail)] // secure.syminet.com help centre
    [InlineData("Requested action not taken: NULL sender is not allowed", SmtpStage.Mail)] // Coremail: the null sender, not someone else's address
    public void Classify_SenderAddressWording_IsSenderAddressRejected(string reply, SmtpStage stage)
    {
        var diagnosis = Classify(reply, stage);

        Assert.Equal(SmtpFailureKind.SenderAddressRejected, diagnosis.Kind);
        Assert.False(diagnosis.IsRelayBlock);
    }

    [Theory]
    [InlineData("450 sender <alice@example.com> denied", SmtpStage.Mail)] // haraka/Haraka:connection.js (a MAIL hook's DENYSOFT)
    [InlineData("Connected to 192.0.2.25 but sender was rejected.", SmtpStage.Mail)] // notqmail/notqmail:qmail-remote.c
    [InlineData("550 invalid domain", SmtpStage.Mail)] // a Czech host's MAIL FROM refusal, quoted in a Nodemailer form handler
    [InlineData("517-MX records for alice@example.com violate section 3.3.9 of RFC 1035.\n517 Invalid domain, see <URL:https://datatracker.ietf.org/doc/html/rfc1035>",
        SmtpStage.Mail)] // svarshavchik/courier:courier/courier/submit.C
    public void Classify_SenderRefusedInSoManyWords_IsSenderAddressRejected(string reply, SmtpStage stage)
    {
        var diagnosis = Classify(reply, stage);

        Assert.Equal(SmtpFailureKind.SenderAddressRejected, diagnosis.Kind);
        Assert.False(diagnosis.IsRelayBlock);
    }

    [Fact]
    public void Classify_ReturnPathHeaderRefused_IsAHeaderProblemNotASenderAddress()
    {
        // haraka/haraka-plugin-headers:index.js: the header, not the envelope sender.
        var diagnosis = Classify("550 outgoing mail must not have a Return-Path header (RFC 5321)", SmtpStage.EndOfData);

        Assert.Equal(SmtpFailureKind.MessageRejected, diagnosis.Kind);
    }

    [Theory]
    [InlineData("550 recipient <bob@example.org> denied")] // haraka/Haraka:connection.js
    [InlineData("553 sorry, mail to that recipient is not accepted (#5.7.1)")] // qmail-ldap/qmail-ldap:qmail-smtpd.c
    [InlineData("550 5.7.1 That recipient is not allowed")] // KumoCorp/kumomta:assets/community/bounces.toml
    [InlineData("550 Invalid domain. The domain specified does not exist")] // a C SMTP server's RCPT handler (GitHub)
    [InlineData("550 Invalid Domain.")] // jeffpar/kbarchive: KB Q245787, XFOR: SMTP Error Message: 550 Invalid Domain
    [InlineData("Recipient address rejected: need fully-qualified address")] // Yandex bounce help (Postfix reject_non_fqdn_recipient)
    public void Classify_RecipientRefusedInSoManyWords_IsRecipientUnknown(string reply)
        => AssertKindAtRcptAndNoRelayBlock(reply, SmtpFailureKind.RecipientUnknown);

    // Replies of the Chinese providers' servers, in the English they send (the Chinese beside them on the help pages is explanation).
    [Theory]
    [InlineData("550 Invalid User")] // NetEase 163.com help: 企业退信的常见问题 (help.163.com/09/1224/17/5RAJ4LMH00753VB8.html)
    [InlineData("user not known")] // icoremail.vip support, bounce notes
    [InlineData("user disabled")] // icoremail.vip support, bounce notes
    [InlineData("recipient does not have an account")] // icoremail.vip support, bounce notes
    [InlineData("This account has been temporarily suspended")] // icoremail.vip support, bounce notes
    public void Classify_RecipientUnknownOrDisabledAsChineseProvidersSayIt_IsRecipientUnknown(string reply)
        => AssertKindAtRcptAndNoRelayBlock(reply, SmtpFailureKind.RecipientUnknown);

    [Fact]
    public void Classify_DeliveryTemporarilySuspended_IsNotASuspendedRecipient()
    {
        // vdukhovni/postfix: the queue's deferral of a whole destination, quoted in bounces without its stage.
        var diagnosis = Classifier.Classify("delivery temporarily suspended: connect to mx.example.org[192.0.2.25]:25: Connection timed out");

        Assert.NotEqual(SmtpFailureKind.RecipientUnknown, diagnosis.Kind);
    }

    [Theory]
    [InlineData(SmtpStage.Mail)] // refused for the SIZE given with MAIL FROM
    [InlineData(SmtpStage.Rcpt)]
    [InlineData(SmtpStage.EndOfData)]
    public void Classify_ExceededMailsizeLimit_IsMessageTooLargeNotAFullMailbox(SmtpStage stage)
    {
        // NetEase 163.com help: "552 Requested mail action aborted: exceeded mailsize limit" (the message is over the size NetEase accepts).
        var diagnosis = Classify("552 Requested mail action aborted: exceeded mailsize limit", stage);

        Assert.Equal(SmtpFailureKind.MessageTooLarge, diagnosis.Kind);
    }

    [Theory]
    [InlineData("Administrative prohibition - unable to validate recipient")] // cfortune/PHP-Bounce-Handler: bounce_responses.php (no code)
    [InlineData("Recipient verification failed")] // bastion.umanix.net/info (no code)
    [InlineData("550 Previous (cached) callout verification failure")] // Exim/exim:src/src/verify.c
    [InlineData("550 Can't verify recipient")] // Exim/exim:doc/doc-docbook/spec.xfpt
    [InlineData("550 - Verification failed")] // paymonthlyhosting.co.uk knowledge base: verification named by the stage alone
    public void Classify_RecipientThatFailedVerification_IsRecipientUnknown(string reply)
        => AssertKindAtRcptAndNoRelayBlock(reply, SmtpFailureKind.RecipientUnknown);

    [Theory]
    [InlineData("450 Requested mail action not taken: mailbox unavailable (e.g., mailbox busy or temporarily blocked for policy reasons)")] // RFC 5321 §4.2.3
    [InlineData("451 4.4.3 Unable to verify address at this time.")] // stalwartlabs/mail-server:crates/smtp/src/inbound/rcpt.rs
    public void Classify_RecipientMailboxUnavailableForNow_IsVerificationDeferredAndTransient(string reply)
    {
        var diagnosis = Classify(reply, SmtpStage.Rcpt);

        Assert.Equal(SmtpFailureKind.RecipientVerificationDeferred, diagnosis.Kind);
        Assert.True(diagnosis.IsTransient);
    }

    [Theory]
    [InlineData("450 I cannot deliver mail for {user@domain}")] // haraka/Haraka: connection.js ("No plugin determined if relaying was allowed")
    [InlineData("Requested action not taken: Local user only")] // icoremail.vip support: Coremail's refusal of an outside recipient
    [InlineData("553 Sorry, this domain is not in my list of allowed hosts (#5.7.1)")] // Yandex relay page (viws.ru)
    public void Classify_ServerThatDeliversOnlyForItsOwnUsers_IsRelayDenied(string reply)
    {
        var diagnosis = Classify(reply, SmtpStage.Rcpt);

        Assert.Equal(SmtpFailureKind.RelayDenied, diagnosis.Kind);
        Assert.True(diagnosis.IsRelayBlock);
    }

    [Theory]
    [InlineData("503 5.5.4 Error: send AUTH command first.")] // aiosmtplib's tests against Postfix; muquit/mailsend issue 159
    [InlineData("550 5.7.1 Access denied (anonymous user)")] // dovecot/core:src/submission/submission-commands.c
    public void Classify_ServerAskingForAuthBeforeMail_IsAuthenticationRequired(string reply)
    {
        var diagnosis = Classify(reply, SmtpStage.Mail);

        Assert.Equal(SmtpFailureKind.AuthenticationRequired, diagnosis.Kind);
        Assert.True(diagnosis.IsRelayBlock);
    }

    [Theory]
    [InlineData("550 User has no permission")] // NetEase 163.com, quoted in testerSunshine/12306 issue 62
    [InlineData("550 5.7.1 Your account is not authorized to use this service.")] // stalwartlabs/mail-server:crates/smtp/src/inbound/auth.rs
    public void Classify_AccountRefusedAtAuth_IsAuthenticationFailed(string reply)
    {
        Assert.Equal(SmtpFailureKind.AuthenticationFailed, Classify(reply, SmtpStage.Auth).Kind);
    }

    [Theory]
    [InlineData("503 5.5.0 AUTH not permitted during a mail transaction")] // hrs-allbsd/sendmail:sendmail/srvrsmtp.c
    [InlineData("503 5.5.0 AUTH not permitted now")] // cyrusimap/cyrus-imapd:imap/lmtpengine.c
    public void Classify_AuthAtTheWrongTime_StaysAProtocolError(string reply)
    {
        Assert.Equal(SmtpFailureKind.ProtocolError, Classify(reply, SmtpStage.Auth).Kind);
    }

    [Fact]
    public void Classify_StartTlsAtTheWrongTime_StaysAProtocolError()
    {
        // mjl-/mox:smtpserver/server.go: STARTTLS after AUTH is out of sequence, not a failed handshake.
        Assert.Equal(SmtpFailureKind.ProtocolError, Classify("503 5.5.1 cannot starttls after authentication", SmtpStage.StartTls).Kind);
    }

    [Fact]
    public void Classify_TooManyAuthCommands_IsARateNotAFailedLogin()
    {
        // vdukhovni/postfix:postfix/src/smtpd/smtpd.c (smtpd_client_auth_rate_limit), as Hostinger's relays send it.
        var diagnosis = Classify("450 4.7.1 Error: too many AUTH commands", SmtpStage.Auth);

        Assert.Equal(SmtpFailureKind.RateLimited, diagnosis.Kind);
        Assert.True(diagnosis.IsTransient);
    }

    [Theory]
    [InlineData("554 5.7.3 Unable to initialize security subsystem")] // Exchange Server SmtpResponse.StartTlsNegotiationFailure
    [InlineData("554 Unable to initialize security subsystem")] // jeffpar/kbarchive: IIS SMTP answering STARTTLS without a certificate (Smtp.log)
    [InlineData("554 Security failure")] // Exim/exim:src/src/smtp_in.c
    [InlineData("500 Unable to set minimum security level.")] // svarshavchik/courier:courier/courier/module.esmtp/courieresmtpd.C
    public void Classify_FailureAnsweredToStartTls_IsTlsFailed(string reply)
    {
        Assert.Equal(SmtpFailureKind.TlsFailed, Classify(reply, SmtpStage.StartTls).Kind);
    }

    // The TLS layer's own words, as logs and bounces quote the exception: dotnet/runtime System.Net.Security Strings.resx
    // (net_ssl_io_cert_validation, net_ssl_io_cert_custom_validation, net_auth_eof, net_frame_read_size), MailKit's
    // SslHandshakeException, and the qmail TLS patch's reply to STARTTLS (a tutorial's transcript on differentpla.net).
    [Theory]
    [InlineData("The remote certificate is invalid according to the validation procedure.")]
    [InlineData("The remote certificate was rejected by the provided RemoteCertificateValidationCallback.")]
    [InlineData("System.IO.IOException: Authentication failed because the remote party has closed the transport stream.")]
    [InlineData("AuthenticationException: Cannot determine the frame size or a corrupted frame was received.")]
    [InlineData("An error occurred while attempting to establish an SSL or TLS connection.")]
    [InlineData("454 TLS missing certificate: error:0200100D:system library:fopen:Permission denied (#4.3.0)")]
    public void Classify_TlsLayerFailureQuotedWithoutAStage_IsTlsFailedNotAuthentication(string text)
    {
        Assert.Equal(SmtpFailureKind.TlsFailed, Classifier.Classify(text).Kind);
    }

    [Fact]
    public void Classify_FrozenMailbox_IsRecipientUnknown()
    {
        // i.ua and bigmir.net (Ukraine): "550 Mailbox is frozen.", as bounce-rule collections record it.
        AssertKindAtRcptAndNoRelayBlock("550 Mailbox is frozen.", SmtpFailureKind.RecipientUnknown);
    }

    // The envelope sender must be the login: NetEase 163.com and yeah.net, as JavaMail and smtplib report it in GitHub projects;
    // Haraka's rcpt_to.host_list_base plugin for a sender domain the client's host may not use.
    [Theory]
    [InlineData("com.sun.mail.smtp.SMTPSenderFailedException: 553 Mail from must equal authorized user")]
    [InlineData("550 Mail from domain 'example.com' is not allowed from your host")]
    public void Classify_SenderThatTheLoginOrHostMayNotUse_IsSenderNotAuthorizedAndARelayBlock(string reply)
    {
        var diagnosis = Classify(reply, SmtpStage.Mail);

        Assert.Equal(SmtpFailureKind.SenderNotAuthorized, diagnosis.Kind);
        Assert.True(diagnosis.IsRelayBlock);
    }

    [Fact]
    public void Classify_SpfExplanationUrlBeforeTheSendersAddress_IsSenderNotAuthorized()
    {
        // pbruna/postfix-policyd-spf-perl: the URL is followed by "id=" and the sender's address, which is no local part of the URL.
        var diagnosis = Classify("550 5.7.1 <bob@example.org>: Recipient address rejected: Please see " +
            "http://www.openspf.net/Why?s=mfrom;id=alice@example.com;ip=192.0.2.10;r=mx.example.org", SmtpStage.Rcpt);

        Assert.Equal(SmtpFailureKind.SenderNotAuthorized, diagnosis.Kind);
        Assert.False(diagnosis.IsRelayBlock);
    }

    [Fact]
    public void Classify_AttachmentTooLong_IsMessageTooLargeNotContent()
    {
        // blog.sina.com.cn: Sina's list of SMTP replies.
        Assert.Equal(SmtpFailureKind.MessageTooLarge, Classify("554 attachment is too long.", SmtpStage.EndOfData).Kind);
    }

    [Theory]
    [InlineData("valid RCPT command must precede DATA", SmtpStage.Data)] // PHP-Bounce-Handler
    [InlineData("421 4.7.0 mail.example.net Too many bad commands; closing connection", SmtpStage.Rcpt)] // Sendmail srvrsmtp.c
    [InlineData("451 Bare line-feed; see http://haraka.github.io/barelf/", SmtpStage.EndOfData)] // Haraka
    [InlineData("550 5.6.7 SMTPUTF8 is required for non-ASCII senders", SmtpStage.Mail)] // maddy
    [InlineData("504 5.7.4 Already in TLS mode.", SmtpStage.StartTls)] // Stalwart
    public void Classify_ClientSpokeOutOfTurn_IsProtocolErrorWhateverTheCode(string reply, SmtpStage stage)
    {
        Assert.Equal(SmtpFailureKind.ProtocolError, Classify(reply, stage).Kind);
    }


    [InlineData("421 4.7.0 TLS required for RCPT domain, closing connection.")]
    public void Classify_ClosingConnection_IsNotByItselfAServiceFailure(string reply)
    {
        Assert.NotEqual("generic.service-unavailable", Classify(reply, SmtpStage.Rcpt).RuleId);
    }
}
