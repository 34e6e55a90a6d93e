using Xunit;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Tests.Rules;

/// <summary>
/// The wording of client blocks, rates, refused messages, protocol errors and failed connections: how servers phrase each
/// one, and which phrase wins when another phenomenon's words stand beside it. Each text's source is noted beside it.
/// </summary>
public partial class GenericPhraseRulesTests
{
    [Theory]
    // hoststud.com, "Email error 450 and its solution".
    [InlineData("450 4.7.1 <bob@example.org>: Recipient address rejected: Policy Rejection- Please try later.")]
    // cloudmailin.com, SMTP troubleshooter, 451 error.
    [InlineData("451 4.7.1 <bob@example.org>: Recipient address rejected: Intentional policy rejection, please try again later.")]
    public void Classify_PolicyDeferralAtRcpt_IsRateLimitedNotAServerThatIsDown(string reply)
    {
        var diagnosis = Classify(reply, SmtpStage.Rcpt);

        Assert.Equal(RateLimited, diagnosis.Kind);
        Assert.True(diagnosis.IsTransient);
        Assert.False(diagnosis.IsRelayBlock);
    }

    [Theory]
    // A test SMTP server that answers a temporary failure with 4.3.2 (system not accepting messages): the code is not a policy's.
    [InlineData("450 4.3.2 <bob@example.org>: Recipient address rejected: Try again later")]
    // postfwd/postfwd: doc/postfwd.txt, a policy that defers during maintenance.
    [InlineData("450 4.7.1 <bob@example.org>: Recipient address rejected: maintenance ongoing, try again later")]
    // coviserver.de, "E-Mail geblockt".
    [InlineData("450 4.7.1 <adresse@domain.de>: Recipient address rejected: Service temporarily unavailable, please try later")]
    public void Classify_DeferralAtRcptThatNamesTheServersState_IsNotTakenForARate(string reply)
    {
        Assert.NotEqual(RateLimited, Classify(reply, SmtpStage.Rcpt).Kind);
    }

    [Theory]
    // vdukhovni/postfix: src/smtp/smtp_connect.c, "connect to %s[%s]:%d: %m", filled for a timeout to Gmail's MX.
    [InlineData("connect to gmail-smtp-in.l.google.com[142.250.153.27]:25: Connection timed out")]
    // docker-mailserver/docker-mailserver#1524 (a home server whose provider blocks port 25).
    [InlineData("connect to aspmx.l.google.com[74.125.140.27]:25: Connection timed out")]
    public void Classify_TimeoutConnectingToPort25_IsConnectionFailedBlockedPortAndARelayBlock(string reply)
    {
        var diagnosis = Classify(reply, SmtpStage.Connect);

        Assert.Equal(ConnectionFailed, diagnosis.Kind);
        Assert.Contains(FailureCause.OutboundPort25Blocked, diagnosis.Causes);
        Assert.True(diagnosis.IsRelayBlock);
    }

    [Fact]
    public void Classify_TimeoutConnectingToMxServer_IsABlockedPort()
    {
        // zone-eu/zone-mta#458.
        var diagnosis = Classify("Network error when connecting to MX server alt2.gmail-smtp-in.l.google.com[172.217.78.27] for gmail.com: Connection timed out",
            SmtpStage.Connect);

        Assert.Equal(ConnectionFailed, diagnosis.Kind);
        Assert.True(diagnosis.IsRelayBlock);
    }

    [Theory]
    [InlineData("421 timeout")] // haraka/Haraka: connection.js, the idle timeout
    [InlineData("421 PROXY timeout")] // haraka/Haraka: connection.js, no PROXY line in time
    public void Classify_BareTimeout_IsConnectionFailed(string reply)
    {
        Assert.Equal(ConnectionFailed, Classify(reply, SmtpStage.Connect).Kind);
    }

    [Fact]
    public void Classify_QueueTimeout_IsTheServersOwnFailureNotTheConnection()
    {
        // sagredo-dev/qmail: qmail.c, qmail-queue timed out.
        Assert.Equal(ServiceUnavailable, Classify("451 qq timeout (#4.3.0)", SmtpStage.EndOfData).Kind);
    }

    [Theory]
    [InlineData("554 Blocked - see https://ipcheck.proofpoint.com/?ip=1.2.3.4", SmtpStage.Connect)] // ZoneMTA config/bounces.txt (Proofpoint)
    [InlineData("521 <192.0.2.10> is blocked", SmtpStage.Connect)] // AT&T block_enduser.html
    [InlineData("451 4.2.0 192.0.2.10 blocked AUP#CDRBL.", SmtpStage.Connect)] // cloudmailin.com, 451 error
    [InlineData("554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked", SmtpStage.Rcpt)] // support.nhs.net, Microsoft 365 alert
    public void Classify_BlockedSaidOfNothingButTheClient_IsClientBlocked(string reply, SmtpStage stage)
    {
        var diagnosis = Classify(reply, stage);

        Assert.Equal(ClientBlocked, diagnosis.Kind);
        Assert.False(diagnosis.IsRelayBlock);
    }

    [Theory]
    [InlineData("mailbox has been blocked due to inactivity", SmtpStage.Rcpt)] // PHP-Bounce-Handler bounce_responses.php
    [InlineData("You have been blocked by the recipient", SmtpStage.Rcpt)] // PHP-Bounce-Handler bounce_responses.php
    [InlineData("550 Verify mailfrom failed,blocked", SmtpStage.Mail)] // twisted1919/bounce-handler: BounceHandler/rules.php
    [InlineData("554 5.7.1 Message blocked due to spam content in the message.", SmtpStage.EndOfData)] // KumoMTA bounces.toml
    public void Classify_BlockedSaidOfTheRecipientOrMessage_IsNotAClientBlock(string reply, SmtpStage stage)
    {
        Assert.NotEqual(ClientBlocked, Classify(reply, stage).Kind);
    }

    [Theory]
    [InlineData("554 Local Policy Violation")] // nodemailer/nodemailer#1257, at the greeting
    [InlineData("421 Reject due to policy violations")] // new-faq.comservice-ffo.de, SMTP-Fehlermeldungen
    public void Classify_PolicyViolationAtTheGreeting_IsClientBlocked(string reply)
    {
        Assert.Equal(ClientBlocked, Classify(reply, SmtpStage.Connect).Kind);
    }

    [Theory]
    [InlineData("550 A URL in this email (example.com) is listed on https://spamrl.com/. Please resolve and retry")] // KumoMTA bounces.toml
    [InlineData("550 contains blacklisted regex (casino bonus)")] // Exim spec: a custom ACL message
    public void Classify_LinksOrWordsOfTheMessageOnABlockList_IsMessageRejectedNotClientBlocked(string reply)
    {
        Assert.Equal(MessageRejected, Classify(reply, SmtpStage.EndOfData).Kind);
    }

    [Fact]
    public void Classify_ClientHostBlockedUsingAUriList_IsStillAClientBlock()
    {
        // ZoneMTA config/bounces.txt: the client is looked up in a URI list used as a DNSBL.
        var diagnosis = Classify("554 5.7.1 Service unavailable; Client host [mail.example.com] blocked using multi.uribl.com; 127.0.0.1 -> Query Refused.",
            SmtpStage.Rcpt);

        Assert.Equal(ClientBlocked, diagnosis.Kind);
    }

    [Theory]
    [InlineData("This Message is not welcome")] // tengxunqiyeyou.com forum (Tencent Exmail)
    [InlineData("550 5.5.3 <>: Data command rejected: Multi-recipient bounce")] // vdukhovni/postfix: smtpd_check.c, reject_multi_recipient_bounce at DATA
    public void Classify_MessageRefusedForWhatItIs_IsMessageRejected(string reply)
    {
        Assert.Equal(MessageRejected, Classify(reply, SmtpStage.Data).Kind);
    }

    [Theory]
    [InlineData("550 Too many invalid recipients")] // ZoneMTA config/bounces.txt
    [InlineData("Domain has received too many bounces")] // PHP-Bounce-Handler bounce_responses.php
    [InlineData("500 The number of sessions exceeds the maximum")] // support.huaweicloud.com, KooMessage
    public void Classify_TooManyBouncesOrSessions_IsRateLimited(string reply)
    {
        Assert.Equal(RateLimited, Classify(reply, SmtpStage.Connect).Kind);
    }

    [Theory]
    [InlineData("504 5.7.0 Sorry, NOTIFY not supported, we do not allow DSN", SmtpStage.Rcpt)] // hrs-allbsd/sendmail: srvrsmtp.c
    [InlineData("555 5.5.4 Unsupported option: SMTPUTF8", SmtpStage.Mail)] // Postfix smtpd.c, MAIL parameter it does not know
    [InlineData("554 No valid recipients", SmtpStage.Data)] // haraka/Haraka: connection.js
    [InlineData("550 R1: HELO should be a FQDN or address literal (See RFC 2821 4.1.1.1)", SmtpStage.Ehlo)] // netbit.com.br
    public void Classify_ExtensionOrArgumentTheServerDoesNotTake_IsProtocolError(string reply, SmtpStage stage)
    {
        Assert.Equal(ProtocolError, Classify(reply, stage).Kind);
    }

    [Fact]
    public void Classify_ForgedHostname_IsClientBlockedNotTheSender()
    {
        // hrs-allbsd/sendmail: cf/m4/proto.m4, "Possibly forged hostname for $&{client_addr}".
        Assert.Equal(ClientBlocked, Classify("451 4.1.8 Possibly forged hostname for 192.0.2.10", SmtpStage.Connect).Kind);
    }

    [Theory]
    [InlineData("550 #5.7.1 Your access to submit messages to this e-mail system has been rejected.")] // pastebin.com/jhdNMiyp (a Postfix bounce)
    [InlineData("550 5.7.1 [CSR] Our system has detected an unusual amount of unsolicited email originating from your address")] // thiswebhost.com knowledge base
    [InlineData("550 (5.2.1) mail from [192.0.2.10] refused spam site")] // hostingsupport.co.za, common mail error codes
    public void Classify_ClientNamedAsTheSourceOrRefusedAccess_IsClientBlockedNotTheMessage(string reply)
    {
        var diagnosis = Classify(reply, SmtpStage.Rcpt);

        Assert.Equal(ClientBlocked, diagnosis.Kind);
        Assert.False(diagnosis.IsRelayBlock);
    }

    [Fact]
    public void Classify_LocalDataErrorWhileTalkingToTheNextHop_IsServiceUnavailable()
    {
        // vdukhovni/postfix: src/smtp/smtp_trouble.c, "local data error while talking to %s", filled with a next hop.
        Assert.Equal(ServiceUnavailable, Classify("local data error while talking to mx1.example.com[198.51.100.7]", SmtpStage.EndOfData).Kind);
    }

    [Theory]
    [InlineData("421 mail.example.net Too many connected clients, try again in a moment", SmtpStage.Connect)] // nodemailer/smtp-server: lib/smtp-server.js
    [InlineData("421 4.7.0 NOOP sent too many times", SmtpStage.Rcpt)] // aio-libs/aiosmtpd: aiosmtpd/smtp.py
    [InlineData("421 4.4.2 Message submission rate for this client has exceeded the configured limit", SmtpStage.Mail)] // support.mailprotector.com, common bouncebacks
    [InlineData("504 the number of RCPT attempts is achieved the maximum threshold", SmtpStage.Rcpt)] // bestwisewords.com, document_detail/36612
    [InlineData("450 4.2.1 <email@example.com>: Mailbox received too much email in a short period of time (G30)", SmtpStage.Rcpt)] // smtp.codes/rackspace
    [InlineData("451 DATA BLOCKED - THIS USER ACCOUNT IS ONLY ALLOWED TO SEND 250 MESSAGES IN A TWENTY-FOUR HOUR PERIOD - PLEASE TRY AGAIN LATER", SmtpStage.EndOfData)] // lavabit/magma: src/servers/smtp/smtp.c
    public void Classify_CountsConnectionsOrMessagesAgainstALimit_IsRateLimited(string reply, SmtpStage stage)
    {
        var diagnosis = Classify(reply, stage);

        Assert.Equal(RateLimited, diagnosis.Kind);
        Assert.True(diagnosis.IsTransient);
    }

    [Theory]
    [InlineData("550 Connection from you denied, bye bye.", SmtpStage.Connect)] // smtpd/qpsmtpd: lib/Qpsmtpd/SMTP.pm
    [InlineData("450 Your address 192.0.2.10 has mailed to spamtraps here", SmtpStage.Rcpt)] // mikey-austin/greyd: etc/greyd.conf.in
    [InlineData("554 5.7.1 <bob@example.org>: Recipient address rejected: sender ip 192.0.2.10 is blocked (score=12.5)", SmtpStage.Rcpt)] // benningm/mtpolicyd: Plugin/ScoreAction.pm
    [InlineData("smtp-fw-9107.amazon.com; SBRS score too low: http://www.senderbase.org/", SmtpStage.Connect)] // reacherhq/check-if-email-exists: core/src/smtp/parser.rs
    [InlineData("550 Message rejected due to known spammer source IP address", SmtpStage.Connect)] // mingodad/citadel: citadel/locate_host.c
    [InlineData("550 5.7.1 hello name cannot be numeric ip", SmtpStage.Ehlo)] // sdgathman/milter: bms.py
    [InlineData("550 5.5.0 your ehlo domain does not resolve to an IP address", SmtpStage.Ehlo)] // mjl-/mox: smtpserver/server.go
    [InlineData("550 5.7.1 Rejecting due to security policy - Invalid hostname 'mailserver'", SmtpStage.Ehlo)] // nkhorman/spamilter: src/hndlrs.c
    public void Classify_ClientRefusedForWhoItIsOrHowItNamesItself_IsClientBlocked(string reply, SmtpStage stage)
    {
        Assert.Equal(ClientBlocked, Classify(reply, stage).Kind);
    }

    [Theory]
    [InlineData("Could not connect to SMTP host: smtp.example.net, port: 587")] // eclipse-ee4j/angus-mail: SMTPTransport.java
    [InlineData("Unknown SMTP host: smtp.example.net")] // eclipse-ee4j/angus-mail: SMTPTransport.java
    [InlineData("Connection unexpectedly closed")] // python/cpython: Lib/smtplib.py
    [InlineData("421 Network connection failure.")] // lavabit/magma: src/servers/smtp/smtp.c
    [InlineData("427 Socks Connect to UNREACHABLE host")] // cryptsofthecoliseum.com, article-show-50-294
    [InlineData("451 4.4.0 DNS resolving error")] // blog.jinbo.net/007/archive/20051107
    public void Classify_ClientLibraryOrRelayThatCouldNotConnect_IsConnectionFailed(string reply)
    {
        Assert.Equal(ConnectionFailed, Classify(reply, SmtpStage.Unknown).Kind);
    }

    [Theory]
    [InlineData("451 Bare newline detected", SmtpStage.Data)] // Vagabond/gen_smtp: src/gen_smtp_server_session.erl
    [InlineData("450 Connecting host started transmitting before SMTP greeting", SmtpStage.Connect)] // smtpd/qpsmtpd: plugins/earlytalker
    [InlineData("454 4.7.0 Invalid base64 data", SmtpStage.Auth)] // emersion/go-smtp: conn.go
    [InlineData("504 Already logged in.", SmtpStage.Auth)] // mingodad/citadel: citadel/modules/smtp/serv_smtp.c
    [InlineData("454 Session is already encrypted.", SmtpStage.StartTls)] // lavabit/magma: src/servers/smtp/smtp.c
    [InlineData("Smtp server returned an invalid response.", SmtpStage.Unknown)] // dotnet/runtime: System.Net.Mail Strings.resx
    public void Classify_CommandOutOfTurnOrMalformed_IsProtocolErrorNotAuthNorTls(string reply, SmtpStage stage)
    {
        Assert.Equal(ProtocolError, Classify(reply, stage).Kind);
    }

    [Fact]
    public void Classify_DkimSigningThatFailed_IsTheServersFailureNotAVerdict()
    {
        // albertito/chasquid: internal/smtpsrv/conn.go.
        Assert.Equal(ServiceUnavailable, Classify("451 4.3.0 DKIM signing failed", SmtpStage.EndOfData).Kind);
    }

    [Theory]
    // dovecot/core: src/lib-smtp/smtp-server-connection.c, the reply of an idle timeout.
    [InlineData("421 4.4.2 mx.example.org Disconnected for inactivity")]
    // stalwartlabs/mail-server: crates/smtp/src/inbound/spawn.rs, a session closed for inactivity.
    [InlineData("221 2.0.0 mx.example.org Disconnecting inactive client.")]
    public void Classify_ServerThatHungUpOnAnIdleClient_IsConnectionFailedEvenUnderA221(string reply)
    {
        var diagnosis = Classify(reply, SmtpStage.Unknown);

        Assert.Equal(ConnectionFailed, diagnosis.Kind);
        Assert.True(diagnosis.IsTransient);
    }

    [Fact]
    public void Classify_RecipientsOverTheServersCount_IsRateLimited()
    {
        // Exim/exim: doc/doc-docbook/spec.xfpt, an ACL that caps the recipients of one transaction.
        Assert.Equal(RateLimited, Classify("452 I don't take more than 50 RCPTs", SmtpStage.Rcpt).Kind);
    }

    [Fact]
    public void Classify_BounceToMoreThanOneRecipient_StaysARefusedMessageNotARate()
    {
        // sagredo-dev/qmail: the bouncesaying patch, a bounce with several recipients.
        Assert.Equal(MessageRejected,
            Classify("550 sorry, I don't accept bounce messages with more than one recipient. Go read RFC2821. (#5.7.1)", SmtpStage.Rcpt).Kind);
    }

    [Fact]
    public void Classify_MailboxUnavailableForHavingTakenTooManyMessages_IsARateNotAnUnverifiedRecipient()
    {
        // lavabit/magma: src/servers/smtp/smtp.c, the per-account daily receive limit.
        var diagnosis = Classify("451 MAILBOX UNAVAILABLE - THE ACCOUNT <carol@example.net> IS CONFIGURED NOT TO ACCEPT MORE THAN 500 MESSAGES "
            + "MESSAGES IN A TWENTY-FOUR HOUR PERIOD - PLEASE TRY AGAIN LATER", SmtpStage.Rcpt);

        Assert.Equal(RateLimited, diagnosis.Kind);
    }

    [Fact]
    public void Classify_BrokenProxyProtocolHeader_IsProtocolErrorNotAServerThatIsDown()
    {
        // haraka/Haraka: connection.js, a PROXY protocol line the server could not parse.
        Assert.Equal(ProtocolError, Classify("421 Invalid PROXY format", SmtpStage.Connect).Kind);
    }

    [Theory]
    // vdukhovni/postfix: src/local/recipient.c, "cannot access home directory %s: %m".
    [InlineData("cannot access home directory /var/mail/alice: No such file or directory")]
    // brunonymous/vpopmail: vdelivermail.c, a local delivery that could not create the mailbox.
    [InlineData("Auto creation of maildir failed. (#5.9.8)")]
    public void Classify_LocalDeliveryThatCouldNotReachTheMailStore_IsServiceUnavailable(string reply)
    {
        Assert.Equal(ServiceUnavailable, Classify(reply, SmtpStage.Unknown).Kind);
    }

    [Theory]
    // vdukhovni/postfix: src/smtp/smtp_addr.c "Host or domain name not found. Name service error for name=%s type=%s: %s",
    // filled with src/dns/dns_strerror.c's TRY_AGAIN and malformed-reply texts.
    [InlineData("Host or domain name not found. Name service error for name=mail.example.net type=AAAA: Host not found, try again")]
    [InlineData("Name service error for name=example.net type=MX: Malformed or unexpected name server reply")]
    public void Classify_PostfixLookupThatFailedForTheMoment_IsConnectionFailedNotAMissingDomain(string reply)
    {
        Assert.Equal(ConnectionFailed, Classify(reply, SmtpStage.Unknown).Kind);
    }

    [Fact]
    public void Classify_PostfixNameThatDoesNotExist_StaysAMissingRecipientDomain()
    {
        // vdukhovni/postfix: src/smtp/smtp_addr.c with dns_strerror's HOST_NOT_FOUND.
        Assert.Equal(RecipientUnknown,
            Classify("Host or domain name not found. Name service error for name=example.invalid type=MX: Host not found", SmtpStage.Unknown).Kind);
    }

    [Fact]
    public void Classify_XclientRefused_IsProtocolError()
    {
        // chrj/smtpd: protocol.go, XCLIENT sent to a server that does not take it.
        Assert.Equal(ProtocolError, Classify("550 XCLIENT not enabled", SmtpStage.Unknown).Kind);
    }
}
