using Xunit;

namespace SmtpRelayClassifier.Tests.Rules;

/// <summary>
/// The generic wording rules by phenomenon: what each phenomenon's wording yields, and which wording wins when a reply
/// holds two (replies from the development corpus, Corpus/*.tsv, with their sources).
/// </summary>
public partial class GenericPhraseRulesTests
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

    [Theory]
    [InlineData("Could not connect to SMTP host: smtp.example.net, port: 25")] // eclipse-ee4j/angus-mail: SMTPTransport.java
    [InlineData("Unknown SMTP host: smtp.example.net")] // eclipse-ee4j/angus-mail: SMTPTransport.java
    [InlineData("The SMTP host was not found.")] // dotnet/runtime: System.Net.Mail Strings.resx
    [InlineData("Unable to read data from the transport connection: The connection was closed.")] // dotnet/runtime: System.Net.Mail Strings.resx
    [InlineData("Connection unexpectedly closed")] // python/cpython: Lib/smtplib.py
    [InlineData("connection with mx1.mail.domain.com is broken")] // twisted1919/bounce-handler: rules.php
    public void Classify_ClientLibraryConnectionFailure_IsConnectionFailed(string reply)
    {
        Assert.Equal(SmtpFailureKind.ConnectionFailed, Classify(reply, SmtpStage.Unknown).Kind);
    }

    [Theory]
    [InlineData("STARTTLS extension not supported by server.")] // python/cpython: Lib/smtplib.py
    [InlineData("Could not convert socket to TLS")] // eclipse-ee4j/angus-mail: SMTPTransport.java
    [InlineData("Server does not support secure connections.")] // dotnet/runtime: System.Net.Mail Strings.resx
    [InlineData("550 5.0.0 Handshake error")] // emersion/go-smtp: conn.go
    [InlineData("STARTTLS is required but host does not support STARTTLS")] // eclipse-ee4j/angus-mail: SMTPTransport.java
    public void Classify_TlsNotOfferedOrHandshakeFailed_IsTlsFailedNotTlsRequired(string reply)
    {
        Assert.Equal(SmtpFailureKind.TlsFailed, Classify(reply, SmtpStage.StartTls).Kind);
    }

    [Theory]
    [InlineData("502 Please turn on TLS by issuing a STARTTLS command.", SmtpStage.Mail)] // chrj/smtpd: protocol.go
    [InlineData("502 Cannot AUTH in plain text mode. Use STARTTLS.", SmtpStage.Auth)] // chrj/smtpd: protocol.go
    public void Classify_ServerAsksForStartTls_IsTlsRequiredNotAProtocolError(string reply, SmtpStage stage)
    {
        Assert.Equal(SmtpFailureKind.TlsRequired, Classify(reply, stage).Kind);
    }

    [Theory]
    [InlineData("SMTP AUTH extension not supported by server.")] // python/cpython: Lib/smtplib.py
    [InlineData("No suitable authentication method found.")] // python/cpython: Lib/smtplib.py
    [InlineData("502 Unknown authentication mechanism")] // chrj/smtpd: protocol.go
    [InlineData("535 Authentication not implemented")] // nodemailer/smtp-server: smtp-server.js
    [InlineData("500 No such user.")] // mingodad/citadel: serv_smtp.c, the account logging in is unknown
    public void Classify_NoUsableLogin_IsAuthenticationFailedNotAProtocolError(string reply)
    {
        Assert.Equal(SmtpFailureKind.AuthenticationFailed, Classify(reply, SmtpStage.Auth).Kind);
    }

    [Theory]
    [InlineData("550 You must log in to send mail on this port.", SmtpStage.Rcpt)] // mingodad/citadel: serv_smtp.c
    [InlineData("550 5.7.9 Mail to submission port must be authenticated", SmtpStage.Mail)] // albertito/chasquid: conn.go
    public void Classify_MustLogInFirst_IsAuthenticationRequiredAndARelayBlock(string reply, SmtpStage stage)
    {
        var diagnosis = Classify(reply, stage);

        Assert.Equal(SmtpFailureKind.AuthenticationRequired, diagnosis.Kind);
        Assert.True(diagnosis.IsRelayBlock);
    }

    [Theory]
    [InlineData("550 ACCOUNT LOCKED - THE ACCOUNT <bob@example.org> HAS BEEN LOCKED FOR INACTIVITY")] // lavabit/magma: smtp.c
    [InlineData("550 <bob@example.org>: User status is locked.")] // twisted1919/bounce-handler: rules.php
    [InlineData("All relevant MX records point to non-existent hosts")] // weboke.nl knowledge base: Exim, the recipient domain has no host
    public void Classify_LockedAccountOrNonExistentRecipient_IsRecipientUnknown(string reply)
        => AssertKindAtRcptAndNoRelayBlock(reply, SmtpFailureKind.RecipientUnknown);

    [Fact]
    public void Classify_MailboxLockedByAnotherProcess_IsNotARecipientUnknown()
    {
        // cyrusimap/cyrus-imapd: imap/lmtp_err.et, a lock held for a moment, not a locked account.
        Assert.Equal(SmtpFailureKind.ServiceUnavailable, Classify("451 4.2.0 Mailbox is locked", SmtpStage.EndOfData).Kind);
    }

    [Theory]
    [InlineData("550 5.7.1 Sending domain has been blacklisted")] // sdgathman/milter: bms.py
    [InlineData("550 5.7.1 sender <alice@example.com> black listed #127")] // milter.info smtpf reply codes
    [InlineData("505 Your domain has no DNS/MX entries")] // GerHobbelt/xmail: SMTPSvr.cpp
    [InlineData("451 4.4.0 cannot verify mx records for mailfrom domain")] // mjl-/mox: smtpserver/server.go
    [InlineData("450 Temporary address resolution failure (#4.4.3)")] // smtpd/qpsmtpd: lib/Qpsmtpd/DSN.pm
    [InlineData("451 4.1.8 Temporary failure in sender address verification")] // kouk/smf-sav: smf-sav.c
    public void Classify_SenderListedOrItsDomainUnresolvedAtMail_IsSenderAddressRejected(string reply)
    {
        var diagnosis = Classify(reply, SmtpStage.Mail);

        Assert.Equal(SmtpFailureKind.SenderAddressRejected, diagnosis.Kind);
        Assert.False(diagnosis.IsRelayBlock);
    }

    [Fact]
    public void Classify_ClientAddressListedAtMail_StaysClientBlocked()
    {
        // MailKit issue thread quoted in Corpus/field.tsv: the client's address is what is listed.
        Assert.Equal(SmtpFailureKind.ClientBlocked,
            Classify("550 5.7.1 <sender@example.com>... 11.22.33.44 listed at zen.spamhaus.org", SmtpStage.Mail).Kind);
    }

    [Theory]
    [InlineData("451 DATA BLOCKED - THIS USER ACCOUNT IS ONLY ALLOWED TO SEND 250 MESSAGES IN A TWENTY-FOUR HOUR PERIOD - PLEASE TRY AGAIN LATER")] // lavabit/magma
    [InlineData("451 OUTBOUND MAIL QUOTA EXCEEDED - THIS ACCOUNT MAY ONLY SEND 250 MESSAGES IN A TWENTY-FOUR HOUR PERIOD, PLEASE TRY AGAIN AT A LATER TIME")] // lavabit/magma
    [InlineData("421 4.4.2 Message submission rate for this client has exceeded the configured limit")] // support.mailprotector.com bouncebacks
    [InlineData("452 4.2.2 more than 500 messages in past 1m0s from your ip/network")] // mjl-/mox: smtpserver/analyze.go
    [InlineData("421 mail.example.net Too many connected clients, try again in a moment")] // nodemailer/smtp-server: lib/smtp-server.js
    public void Classify_SendingQuotaOrRateWindow_IsRateLimitedNotMailboxFullNorBlock(string reply)
    {
        var diagnosis = Classify(reply, SmtpStage.Rcpt);

        Assert.Equal(SmtpFailureKind.RateLimited, diagnosis.Kind);
        Assert.True(diagnosis.IsTransient);
    }

    [Theory]
    [InlineData("552 OUTBOUND SIZE LIMIT EXCEEDED - THIS ACCOUNT MAY ONLY SEND MESSAGES UP TO 10485760 BYTES IN LENGTH")] // lavabit/magma
    [InlineData("exceeded mailsize limit")] // emailhost.com.cn service article
    public void Classify_SizeLimitExceeded_IsMessageTooLargeNotRate(string reply)
    {
        Assert.Equal(SmtpFailureKind.MessageTooLarge, Classify(reply, SmtpStage.EndOfData).Kind);
    }

    [Theory]
    [InlineData("504 Already logged in.", SmtpStage.Auth)] // mingodad/citadel: serv_smtp.c
    [InlineData("454 Session is already encrypted.", SmtpStage.StartTls)] // lavabit/magma: smtp.c
    [InlineData("450 Connecting host started transmitting before SMTP greeting", SmtpStage.Connect)] // smtpd/qpsmtpd: plugins/earlytalker
    [InlineData("451 Bare newline detected", SmtpStage.Data)] // Vagabond/gen_smtp: gen_smtp_server_session.erl
    [InlineData("421 See http://smtpd.develooper.com/barelf.html", SmtpStage.Data)] // smtpd/qpsmtpd: lib/Qpsmtpd/SMTP.pm
    [InlineData("Smtp server returned an invalid response.", SmtpStage.Unknown)] // dotnet/runtime: System.Net.Mail Strings.resx
    [InlineData("550 5.7.1 Invalid RCPT PARAM", SmtpStage.Rcpt)] // sdgathman/milter: bms.py
    public void Classify_OutOfTurnOrMalformed_IsProtocolError(string reply, SmtpStage stage)
    {
        Assert.Equal(SmtpFailureKind.ProtocolError, Classify(reply, stage).Kind);
    }

    [Theory]
    [InlineData("550 5.5.0 your ehlo domain does not resolve to an IP address")] // mjl-/mox: smtpserver/server.go
    [InlineData("550 5.7.1 hello name cannot be numeric ip")] // sdgathman/milter: bms.py
    public void Classify_HeloNameRefused_IsClientBlockedNotAProtocolError(string reply)
    {
        Assert.Equal(SmtpFailureKind.ClientBlocked, Classify(reply, SmtpStage.Ehlo).Kind);
    }

    [Fact]
    public void Classify_LinkInTheMessageOnAUriBlockList_IsMessageRejected()
    {
        // smtpd/qpsmtpd: plugins/uribl.
        Assert.Equal(SmtpFailureKind.MessageRejected, Classify("552 example.com in multi.surbl.org: 127.0.0.2", SmtpStage.EndOfData).Kind);
    }

    [Fact]
    public void Classify_ClientHostOnAUriBlockList_StaysClientBlocked()
    {
        // zone-eu/zone-mta: config/bounces.txt, a URI list queried for the client's host.
        const string reply = "554 5.7.1 Service unavailable; Client host [mail.example.com] blocked using multi.uribl.com; 127.0.0.1 -> Query Refused.";

        Assert.Equal(SmtpFailureKind.ClientBlocked, Classify(reply, SmtpStage.Rcpt).Kind);
    }

    [Fact]
    public void Classify_EnvelopeSenderMismatchedWithHeaderFrom_IsSenderNotAuthorized()
    {
        // twisted1919/bounce-handler: rules.php.
        Assert.Equal(SmtpFailureKind.SenderNotAuthorized,
            Classify("550 Error: MAIL FROM is mismatched with message header from address!", SmtpStage.EndOfData).Kind);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData(" \r\n\t")]
    public void Classify_PhraseWrappedAcrossLines_IsStillFound(string lineBreak)
    {
        // twisted1919/bounce-handler: rules.php, "mailbox quota" wrapped onto two lines.
        string reply = "The user to whom this message was addressed has exceeded the allowed mailbox" + lineBreak
            + "quota. Please resend the message at a later time.";

        Assert.Equal(SmtpFailureKind.MailboxFull, Classify(reply, SmtpStage.Rcpt).Kind);
    }
}
