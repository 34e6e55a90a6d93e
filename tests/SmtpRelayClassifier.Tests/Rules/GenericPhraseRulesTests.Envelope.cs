using Xunit;

namespace SmtpRelayClassifier.Tests.Rules;

/// <summary>
/// The generic wording of the envelope's phenomena: recipients unknown, refused or failing verification, relay, sender
/// and login refusals, TLS required or failed, full mailboxes and sizes (real replies, each with its source).
/// </summary>
public partial class GenericPhraseRulesTests
{
    private static void AssertKind(string reply, SmtpStage stage, SmtpFailureKind kind) => Assert.Equal(kind, Classify(reply, stage).Kind);

    private static void AssertKindAndRelayBlock(string reply, SmtpStage stage, SmtpFailureKind kind, bool relayBlock)
    {
        var diagnosis = Classify(reply, stage);

        Assert.Equal(kind, diagnosis.Kind);
        Assert.Equal(relayBlock, diagnosis.IsRelayBlock);
    }

    [Theory]
    [InlineData("450 sender <alice@example.com> denied", SmtpStage.Mail)] // haraka/Haraka:connection.js (a MAIL hook's DENYSOFT)
    [InlineData("Connected to 192.0.2.25 but sender was rejected.", SmtpStage.Mail)] // notqmail/notqmail:qmail-remote.c
    [InlineData("550 invalid domain", SmtpStage.Mail)] // a Czech host's MAIL FROM refusal, quoted in a Nodemailer form handler
    [InlineData("517-MX records for alice@example.com violate section 3.3.9 of RFC 1035.\n517 Invalid domain, see <URL:https://datatracker.ietf.org/doc/html/rfc1035>",
        SmtpStage.Mail)] // svarshavchik/courier:courier/courier/submit.C
    public void Classify_SenderRefusedInSoManyWords_IsSenderAddressRejected(string reply, SmtpStage stage)
        => AssertKindAndRelayBlock(reply, stage, SmtpFailureKind.SenderAddressRejected, relayBlock: false);

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
        => AssertKindAndRelayBlock(reply, SmtpStage.Rcpt, SmtpFailureKind.RelayDenied, relayBlock: true);

    [Theory]
    [InlineData("503 5.5.4 Error: send AUTH command first.")] // aiosmtplib's tests against Postfix; muquit/mailsend issue 159
    [InlineData("550 5.7.1 Access denied (anonymous user)")] // dovecot/core:src/submission/submission-commands.c
    public void Classify_ServerAskingForAuthBeforeMail_IsAuthenticationRequired(string reply)
        => AssertKindAndRelayBlock(reply, SmtpStage.Mail, SmtpFailureKind.AuthenticationRequired, relayBlock: true);

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
        => AssertKindAndRelayBlock(reply, SmtpStage.Mail, SmtpFailureKind.SenderNotAuthorized, relayBlock: true);

    [Theory]
    [InlineData("550 5.7.1 must match authenticated user", SmtpStage.Mail)] // mjl-/mox:smtpserver/server.go
    [InlineData("550 5.7.1 SMTP user bob is not authorized to use MAIL FROM alice@example.com.", SmtpStage.Mail)] // sdgathman/milter:bms.py
    [InlineData("550 DATA BLOCKED - THIS USER ACCOUNT IS NOT AUTHORIZED TO SEND MESSAGES WITH THE ADDRESS <alice@example.com>",
        SmtpStage.EndOfData)] // lavabit/magma:src/servers/smtp/smtp.c
    public void Classify_SenderTheLoginMayNotUse_IsSenderNotAuthorizedWhateverTheStage(string reply, SmtpStage stage)
        => AssertKindAndRelayBlock(reply, stage, SmtpFailureKind.SenderNotAuthorized, relayBlock: true);

    [Fact]
    public void Classify_SpfFailureThatSaysSenderNotAuthorized_IsSpfAndNoRelayBlock()
    {
        // knowledge.broadcom.com (Symantec Email Security.cloud): the host is not permitted by SPF, the login is not in question.
        var diagnosis = Classify("550 SPF check failed. Sender not authorized", SmtpStage.Mail);

        Assert.Equal(SmtpFailureKind.SenderNotAuthorized, diagnosis.Kind);
        Assert.False(diagnosis.IsRelayBlock);
    }

    [Theory]
    [InlineData("550 You must log in to send mail on this port.", SmtpStage.Rcpt)] // mingodad/citadel:citadel/modules/smtp/serv_smtp.c
    [InlineData("504 You did not authenticate properly using SMTP-after-POP3", SmtpStage.Mail)] // GerHobbelt/xmail:SMTPSvr.cpp
    [InlineData("550 5.7.9 Mail to submission port must be authenticated", SmtpStage.Mail)] // albertito/chasquid:internal/smtpsrv/conn.go
    public void Classify_LoginAskedForBeforeMail_IsAuthenticationRequired(string reply, SmtpStage stage)
    {
        Assert.Equal(SmtpFailureKind.AuthenticationRequired, Classify(reply, stage).Kind);
    }

    [Theory]
    [InlineData("502 AUTH not supported.")] // chrj/smtpd:protocol.go
    [InlineData("535 Authentication not implemented")] // nodemailer/smtp-server:lib/smtp-server.js
    [InlineData("internal client error: No compatible authentication mechanism was found")] // lettre/lettre:src/transport/smtp/client/connection.rs
    [InlineData("423 THE MAXIMUM NUMBER OF FAILED LOGIN ATTEMPTS HAS BEEN REACHED - PLEASE TRY AGAIN LATER")] // lavabit/magma:src/servers/smtp/smtp.c
    public void Classify_LoginImpossibleOrRefused_IsAuthenticationFailed(string reply)
    {
        Assert.Equal(SmtpFailureKind.AuthenticationFailed, Classify(reply, SmtpStage.Auth).Kind);
    }

    [Theory]
    [InlineData("550 Command refused due to lack of security", SmtpStage.Mail)] // smtpd/qpsmtpd:plugins/tls
    [InlineData("502 Please turn on TLS by issuing a STARTTLS command.", SmtpStage.Mail)] // chrj/smtpd:protocol.go
    [InlineData("502 Cannot AUTH in plain text mode. Use STARTTLS.", SmtpStage.Auth)] // chrj/smtpd:protocol.go
    public void Classify_CommandRefusedWithoutTls_IsTlsRequired(string reply, SmtpStage stage)
    {
        Assert.Equal(SmtpFailureKind.TlsRequired, Classify(reply, stage).Kind);
    }

    [Theory]
    [InlineData("554 This server has not been configured to support STARTTLS.")] // lavabit/magma:src/servers/smtp/smtp.c
    [InlineData("Could not convert socket to TLS")] // eclipse-ee4j/angus-mail: SMTPTransport.java
    [InlineData("STARTTLS is required but host does not support STARTTLS")] // eclipse-ee4j/angus-mail: SMTPTransport.java
    public void Classify_StartTlsImpossible_IsTlsFailed(string reply)
    {
        Assert.Equal(SmtpFailureKind.TlsFailed, Classifier.Classify(reply).Kind);
    }

    [Theory]
    [InlineData("Quota exceed the hard limit for user")] // Aliyun mail bounce notes (yuntunpuzi.com/aliyun/745)
    [InlineData("mail box space not enough")] // Aliyun mail bounce notes (yuntunpuzi.com/aliyun/745)
    [InlineData("552 recipient storage full, try again later")] // twisted1919/bounce-handler:BounceHandler/rules.php
    public void Classify_FullMailboxInOtherWords_IsMailboxFull(string reply)
        => AssertKindAtRcptAndNoRelayBlock(reply, SmtpFailureKind.MailboxFull);

    [Theory]
    [InlineData("550 marospent708@netzero.net is not a valid user")] // NetZero, pasted on pastebin.com/0zkJE29y
    [InlineData("550 ACCOUNT LOCKED - THE ACCOUNT <bob@example.org> HAS BEEN LOCKED FOR INACTIVITY")] // lavabit/magma:src/servers/smtp/smtp.c
    [InlineData("452 4.2.1 mailbox temporarily disabled: bob@example.org")] // twisted1919/bounce-handler:BounceHandler/rules.php
    [InlineData("All relevant MX records point to non-existent hosts")] // Exim, quoted by weboke.nl's knowledge base
    public void Classify_RecipientInvalidOrLocked_IsRecipientUnknown(string reply)
        => AssertKindAtRcptAndNoRelayBlock(reply, SmtpFailureKind.RecipientUnknown);

    [Theory]
    [InlineData("451 4.1.8 Temporary failure in sender address verification")] // kouk/smf-sav:smf-sav.c
    [InlineData("450 4.7.1 Temporary failure - Unable to validate Sender address <alice@example.com>")] // nkhorman/spamilter:src/hndlrs.c
    public void Classify_SenderVerificationDeferred_IsTheSendersAddressNotTheRecipients(string reply)
    {
        var diagnosis = Classify(reply, SmtpStage.Mail);

        Assert.Equal(SmtpFailureKind.SenderAddressRejected, diagnosis.Kind);
        Assert.True(diagnosis.IsTransient);
    }

    [Fact]
    public void Classify_DomainNameRequiredForTheRecipient_IsRecipientUnknown()
    {
        // hrs-allbsd/sendmail:cf/m4/proto.m4: an unqualified recipient at RCPT (the sender's twin at MAIL is the sender's address).
        AssertKindAtRcptAndNoRelayBlock("553 5.5.4 <bob>... Domain name required", SmtpFailureKind.RecipientUnknown);
        Assert.Equal(SmtpFailureKind.SenderAddressRejected,
            Classify("553 5.5.4 <alice>... Domain name required for sender address alice", SmtpStage.Mail).Kind);
    }

    [Fact]
    public void Classify_MessageSizeGreaterThanAllowed_IsMessageTooLarge()
    {
        // snmail.co.uk support: a size refusal quoted in a bounce.
        Assert.Equal(SmtpFailureKind.MessageTooLarge,
            Classify("<mail.example.net #5.2.3 smtp;450 5.2.3 Msg Size greater than allowed by Remote Host>", SmtpStage.EndOfData).Kind);
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
    [InlineData("550 #5.1.0 Address rejected")] // emailtopia.com: list of mail log error notifications (qmail)
    [InlineData("521 Recipient address rejected")] // cryptsofthecoliseum.com: a provider's list of SMTP replies
    [InlineData("Recipient address rejected by destination (based on cache)")] // pastebin.com/WYWA8Dhs: a gateway's recipient check
    public void Classify_AddressRejectedWithoutAReasonAtRcpt_IsRecipientUnknown(string reply)
        => AssertKindAtRcptAndNoRelayBlock(reply, SmtpFailureKind.RecipientUnknown);

    [Fact]
    public void Classify_PostfixRecipientAddressRejectedWithAReason_LeavesItToTheReason()
    {
        // vdukhovni/postfix: smtpd_check.c's "Recipient address rejected: <text>" with a policy service's DEFER text.
        var diagnosis = Classify("450 4.7.1 <bob@example.org>: Recipient address rejected: Service is unavailable", SmtpStage.Rcpt);

        Assert.NotEqual(SmtpFailureKind.RecipientUnknown, diagnosis.Kind);
    }

    [Theory]
    [InlineData("550 5.7.1 Unconfigured Sending Domain <demo.example.com>")] // support.sparkpost.com/docs/faq/error-messages-smtp
    [InlineData("550 Rejected by header based Anti-Spoofing policy: user@example.com")] // Mimecast: community.mimecast.com DOC-1369
    public void Classify_SenderDomainTheServiceMayNotSendFrom_IsSenderNotAuthorized(string reply)
        => AssertKindAndRelayBlock(reply, SmtpStage.EndOfData, SmtpFailureKind.SenderNotAuthorized, relayBlock: true);

    [Fact] // kouk/smf-sav:smf-sav.c: the sender-address-verification milter's temporary answer at RCPT.
    public void Classify_MailboxNotAvailableNowUnderA4xx_IsRecipientVerificationDeferred()
        => AssertKind("451 4.2.1 Mailbox is not available now, try again later", SmtpStage.Rcpt, SmtpFailureKind.RecipientVerificationDeferred);

    [Fact] // twisted1919/bounce-handler:BounceHandler/rules.php: a relay's bounce quoting the destination's answer.
    public void Classify_MailboxNamedBeforeIsFull_IsMailboxFull()
        => AssertKind("551 bounce as<the destination mailbox <bob@example.org> is full> queue as 100.1.ZmxEL.720k.1140313037.bob@example.org",
            SmtpStage.EndOfData, SmtpFailureKind.MailboxFull);

    [Fact] // nkhorman/spamilter:src/hndlrs.c: the milter's answer for a recipient on its own list.
    public void Classify_RecipientOnTheServersRefusalList_IsRecipientUnknownNotAClientBlock()
        => AssertKind("550 5.7.1 Rejecting due to security policy - Recipient has been blacklisted, Please see: "
            + "http://www.somedomain.com/policy.html#blacklistedrecipient", SmtpStage.Rcpt, SmtpFailureKind.RecipientUnknown);

    [Fact] // inbucket/inbucket:pkg/server/smtp/handler.go: MAIL FROM a domain the server does not accept mail from.
    public void Classify_UnauthorizedSenderDomainAtMail_IsSenderNotAuthorized()
        => AssertKind("501 Unauthorized domain", SmtpStage.Mail, SmtpFailureKind.SenderNotAuthorized);

    [Fact] // Exim/exim:doc/doc-docbook/spec.xfpt: an ACL's message for a client that neither encrypted nor used CRAM-MD5.
    public void Classify_TlsNamedApartFromRequired_IsTlsRequired()
        => AssertKind("550 TLS encryption or CRAM-MD5 required", SmtpStage.Mail, SmtpFailureKind.TlsRequired);
}
