using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Classification.Inputs;

/// <summary>
/// Every MailKit exception the classifier reads, raised by MailKit's own SmtpClient in a real session against a
/// scripted server on loopback: a MailKit upgrade that changes what it throws or how it words it turns these red.
/// </summary>
public class MailKitExceptionTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Fact]
    public async Task Classify_RcptRelayAccessDenied_IsRelayDeniedAtRcptWithMailbox()
    {
        var e = await SendAndCatchAsync(new SmtpScript { Rcpt = a => $"554 5.7.1 <{a}>: Relay access denied" });

        var command = Assert.IsType<SmtpCommandException>(e);
        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, command.ErrorCode);
        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
        Assert.True(d.IsRelayBlock);
        Assert.False(d.IsTransient);
        Assert.Equal(SmtpStage.Rcpt, d.Stage);
        Assert.Equal(554, d.ReplyCode);
        Assert.Equal("5.7.1", d.EnhancedStatusCode?.ToString());
        Assert.Equal("bob@example.org", d.Mailbox);
        Assert.Equal(DiagnosisSource.SubmissionSession, d.Source);
        Assert.Equal("postfix.relay-access-denied", d.RuleId);
        Assert.Contains(FailureRemedy.AuthenticateOnSubmissionPort, d.Remedies);
    }

    [Fact]
    public async Task Classify_RcptDeferredRelayDenial454_IsRelayDeniedAndNotTransient()
    {
        var e = await SendAndCatchAsync(new SmtpScript { Rcpt = a => $"454 4.7.1 <{a}>: Relay access denied" });

        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
        Assert.Equal(454, d.ReplyCode);
        Assert.False(d.IsTransient);
    }

    [Fact]
    public async Task Classify_MailSenderNotOwned_IsSenderNotAuthorizedAtMail()
    {
        var e = await SendAndCatchAsync(new SmtpScript { Mail = "553 5.7.1 <alice@example.com>: Sender address rejected: not owned by user alice2" });

        Assert.Equal(SmtpErrorCode.SenderNotAccepted, Assert.IsType<SmtpCommandException>(e).ErrorCode);
        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.SenderNotAuthorized, d.Kind);
        Assert.Equal(SmtpStage.Mail, d.Stage);
        Assert.Equal("alice@example.com", d.Mailbox);
        Assert.True(d.IsRelayBlock);
        Assert.Equal(FailureRemedy.MatchFromAddressToAccount, d.Remedies[0]);
    }

    [Fact]
    public async Task Classify_Rcpt530AuthenticationRequired_IsAuthenticationRequiredFromServiceNotAuthenticated()
    {
        var e = await SendAndCatchAsync(new SmtpScript { Rcpt = _ => "530 5.7.0 Authentication required" });

        Assert.IsType<ServiceNotAuthenticatedException>(e);
        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.AuthenticationRequired, d.Kind);
        Assert.Equal(530, d.ReplyCode);
        Assert.True(d.IsRelayBlock);
    }

    [Fact]
    public async Task Classify_Mail530MustIssueStartTls_IsTlsRequiredFromServiceNotAuthenticated()
    {
        var e = await SendAndCatchAsync(new SmtpScript { Mail = "530 5.7.0 Must issue a STARTTLS command first" });

        Assert.IsType<ServiceNotAuthenticatedException>(e);
        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.TlsRequired, d.Kind);
        Assert.False(d.IsRelayBlock);
        Assert.Contains(FailureRemedy.EnableTls, d.Remedies);
    }

    [Fact]
    public async Task Classify_ExchangeMail451StartTlsRequired_IsTlsRequiredNotTransient()
    {
        var e = await SendAndCatchAsync(new SmtpScript { Mail = "451 5.7.3 STARTTLS is required to send mail" });

        Assert.IsType<SmtpCommandException>(e);
        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.TlsRequired, d.Kind);
        Assert.False(d.IsTransient);
    }

    [Fact]
    public async Task Classify_EndOfDataSpam_IsMessageRejectedAtEndOfData()
    {
        var e = await SendAndCatchAsync(new SmtpScript { EndOfData = "550 5.7.1 Message rejected as spam" });

        Assert.Equal(SmtpErrorCode.MessageNotAccepted, Assert.IsType<SmtpCommandException>(e).ErrorCode);
        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.MessageRejected, d.Kind);
        Assert.Equal(SmtpStage.EndOfData, d.Stage);
        Assert.False(d.IsRelayBlock);
    }

    [Fact]
    public async Task Classify_SesIdentityNotVerifiedAtEndOfData_IsSenderNotAuthorized()
    {
        var e = await SendAndCatchAsync(new SmtpScript
        {
            EndOfData = "554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: alice@example.com",
        });

        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.SenderNotAuthorized, d.Kind);
        Assert.Equal(SmtpStage.EndOfData, d.Stage);
        Assert.Contains(FailureRemedy.VerifySenderIdentity, d.Remedies);
    }

    [Fact]
    public async Task Classify_GreetingBlockedUsingSpamhaus_IsClientBlocked()
    {
        var e = await ConnectAndCatchAsync(new SmtpScript
        {
            Greeting = "554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org",
        });

        Assert.Equal(SmtpErrorCode.UnexpectedStatusCode, Assert.IsType<SmtpCommandException>(e).ErrorCode);
        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.ClientBlocked, d.Kind);
        Assert.False(d.IsRelayBlock);
    }

    [Fact]
    public async Task Classify_Rcpt421TryAgainLater_IsTransient()
    {
        var e = await SendAndCatchAsync(new SmtpScript { Rcpt = _ => "421 4.7.0 Try again later, closing connection." });

        var d = Classifier.Classify(e);
        Assert.True(d.IsTransient);
        Assert.Equal(SmtpStage.Rcpt, d.Stage);
        Assert.Equal(SmtpFailureKind.ServiceUnavailable, d.Kind);
    }

    [Fact]
    public async Task Classify_Auth535_IsAuthenticationFailedAtAuthFromInnerCommandException()
    {
        var e = await AuthenticateAndCatchAsync(new SmtpScript { Auth = "535 5.7.8 Error: authentication failed: bad creds" });

        var auth = Assert.IsType<MailKit.Security.AuthenticationException>(e);
        Assert.IsType<SmtpCommandException>(auth.InnerException);
        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.AuthenticationFailed, d.Kind);
        Assert.Equal(SmtpStage.Auth, d.Stage);
        Assert.Equal(535, d.ReplyCode);
        Assert.False(d.IsTransient);
    }

    [Fact]
    public async Task Classify_Auth454Temporary_IsAuthenticationFailedAndTransient()
    {
        var e = await AuthenticateAndCatchAsync(new SmtpScript { Auth = "454 4.7.0 Temporary authentication failure" });

        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.AuthenticationFailed, d.Kind);
        Assert.True(d.IsTransient);
    }

    [Fact]
    public async Task Classify_Auth534ToEveryMechanism_IsAuthenticationFailedWithoutInner()
    {
        var e = await AuthenticateAndCatchAsync(new SmtpScript { Auth = "534 5.7.9 Application-specific password required" });

        var auth = Assert.IsType<MailKit.Security.AuthenticationException>(e);
        Assert.Null(auth.InnerException);
        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.AuthenticationFailed, d.Kind);
        Assert.Equal("mailkit.authentication-failed", d.RuleId);
    }

    [Fact]
    public async Task Classify_DisconnectAfterMail_IsConnectionFailedAndIgnoresTheQuotedPreviousReply()
    {
        var e = await SendAndCatchAsync(new SmtpScript { Mail = "250 2.1.0 Ok", CloseAfterMail = true });

        var protocol = Assert.IsType<SmtpProtocolException>(e);
        Assert.Contains("2.1.0 Ok", protocol.Message, StringComparison.Ordinal);
        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.ConnectionFailed, d.Kind);
        Assert.Null(d.ReplyCode);
        Assert.Null(d.EnhancedStatusCode);
        Assert.Null(d.ReplyText);
        Assert.Equal("protocol_error", d.ErrorType);
        Assert.True(d.IsTransient);
    }

    [Fact]
    public async Task Classify_DisconnectBeforeAnyReply_IsConnectionFailed()
    {
        var e = await ConnectAndCatchAsync(new SmtpScript { CloseBeforeGreeting = true });

        var protocol = Assert.IsType<SmtpProtocolException>(e);
        Assert.Equal("The SMTP server has unexpectedly disconnected.", protocol.Message);
        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.ConnectionFailed, d.Kind);
        Assert.Null(d.ReplyText);
    }

    [Fact]
    public async Task Classify_GarbageReply_IsProtocolError()
    {
        var e = await SendAndCatchAsync(new SmtpScript { Mail = "hello there" });

        Assert.IsType<SmtpProtocolException>(e);
        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.ProtocolError, d.Kind);
        Assert.Equal("mailkit.protocol-error", d.RuleId);
    }

    [Fact]
    public async Task Classify_ImplicitTlsAgainstPlainTextPort_IsTlsFailedWithModeMismatch()
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript());
        using var client = new SmtpClient { Timeout = 5000 };

        var e = await Assert.ThrowsAsync<SslHandshakeException>(() =>
            client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.SslOnConnect));

        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.TlsFailed, d.Kind);
        Assert.Equal(FailureCause.TlsModeMismatch, d.Causes[0]);
        Assert.Equal("secure_connection_error", d.ErrorType);
    }

    [Fact]
    public async Task Classify_StartTlsRequiredButNotOffered_IsTlsFailedStartTlsNotOffered()
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript());
        using var client = new SmtpClient { Timeout = 5000 };

        var e = await Assert.ThrowsAsync<NotSupportedException>(() =>
            client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.StartTls));

        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.TlsFailed, d.Kind);
        Assert.Equal(FailureCause.StartTlsNotOffered, d.Causes[0]);
    }

    [Fact]
    public async Task Classify_AuthenticateWhenServerOffersNoAuth_IsAuthenticationFailedNoCommonMechanism()
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { Ehlo = "250-test.example\r\n250 8BITMIME" });
        using var client = new SmtpClient { Timeout = 5000 };
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None);

        var e = await Assert.ThrowsAsync<NotSupportedException>(() => client.AuthenticateAsync("user", "secret"));

        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.AuthenticationFailed, d.Kind);
        Assert.Equal(FailureCause.NoCommonAuthenticationMechanism, d.Causes[0]);
        Assert.Equal(SmtpStage.Auth, d.Stage);
    }

    [Fact]
    public async Task Classify_SendWithoutConnecting_IsConnectionFailedClientMisuse()
    {
        using var client = new SmtpClient();

        var e = await Assert.ThrowsAsync<ServiceNotConnectedException>(() => client.SendAsync(Message()));

        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.ConnectionFailed, d.Kind);
        Assert.Equal(FailureCause.ClientMisuse, d.Causes[0]);
        Assert.False(d.IsTransient);
    }

    [Fact]
    public async Task Classify_ConnectToClosedPort_IsConnectionRefused()
    {
        int port = LoopbackPort.Closed();
        using var client = new SmtpClient { Timeout = 5000 };

        var e = await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None));

        var d = Classifier.Classify(e, new SmtpFailureContext { Port = port });
        Assert.Equal(SmtpFailureKind.ConnectionFailed, d.Kind);
        Assert.Equal("connection_refused", d.ErrorType);
        Assert.Equal(FailureCause.ConnectionRefused, d.Causes[0]);
        Assert.True(d.IsTransient);
    }

    [Fact]
    public async Task Classify_ServerNeverGreets_IsTimedOut()
    {
        var e = await NeverGreetedAsync();

        Assert.True(e is IOException or TimeoutException or SocketException, e.GetType().FullName);
        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.ConnectionFailed, d.Kind);
        Assert.Equal("timed_out", d.ErrorType);
        Assert.False(d.IsRelayBlock);
    }

    [Fact]
    public async Task Classify_ServerNeverGreetsOnPort25_IsProbableOutboundPort25Block()
    {
        var e = await NeverGreetedAsync();

        // The scripted server cannot listen on 25 here; the caller states the port it used.
        var d = Classifier.Classify(e, new SmtpFailureContext { Port = 25 });
        Assert.Equal(SmtpFailureKind.ConnectionFailed, d.Kind);
        Assert.Equal(FailureCause.OutboundPort25Blocked, d.Causes[0]);
        Assert.True(d.IsRelayBlock);
        Assert.Equal(ResponsibleParty.NetworkProvider, d.ResponsibleParty);
        Assert.Equal(FailureRemedy.UseSubmissionPortInsteadOf25, d.Remedies[0]);
    }

    [Fact]
    public async Task Classify_CallerCanceled_IsNotTransient()
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { NeverGreet = true });
        using var client = new SmtpClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None, cts.Token));

        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.Unknown, d.Kind);
        Assert.False(d.IsTransient);
        Assert.Equal(FailureCause.OperationCanceled, d.Causes[0]);
    }

    [Fact]
    public async Task Classify_NoRecipientsAccepted_IsAtRcpt()
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { Rcpt = a => $"550 5.1.1 <{a}>: Recipient address rejected: User unknown" });
        using var client = new TolerantSmtpClient { Timeout = 5000 };
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None);

        var e = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Message()));

        Assert.Equal("No recipients were accepted.", e.Message);
        var d = Classifier.Classify(e);
        Assert.Equal(SmtpStage.Rcpt, d.Stage);
        Assert.False(d.IsRelayBlock);
    }

    internal static MimeMessage Message(params string[] recipients)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("alice@example.com"));
        foreach (string recipient in recipients.Length == 0 ? ["bob@example.org"] : recipients)
            message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = "Test";
        message.Body = new TextPart("plain") { Text = "Hello" };
        return message;
    }

    internal static async Task<Exception> SendAndCatchAsync(SmtpScript script)
    {
        await using var server = new ScriptedSmtpServer(script);
        using var client = new SmtpClient { Timeout = 5000 };
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None);
        return await Assert.ThrowsAnyAsync<Exception>(() => client.SendAsync(Message()));
    }

    private static async Task<Exception> ConnectAndCatchAsync(SmtpScript script)
    {
        await using var server = new ScriptedSmtpServer(script);
        using var client = new SmtpClient { Timeout = 5000 };
        return await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None));
    }

    private static async Task<Exception> AuthenticateAndCatchAsync(SmtpScript script)
    {
        await using var server = new ScriptedSmtpServer(script);
        using var client = new SmtpClient { Timeout = 5000 };
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None);
        return await Assert.ThrowsAnyAsync<Exception>(() => client.AuthenticateAsync("user", "secret"));
    }

    private static async Task<Exception> NeverGreetedAsync()
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { NeverGreet = true });
        using var client = new SmtpClient { Timeout = 300 };
        return await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None));
    }

    /// <summary>MailKit's documented way to collect refusals: do not throw per recipient.</summary>
    private sealed class TolerantSmtpClient : SmtpClient
    {
        protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
        }
    }
}
