using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;
using NetMail = System.Net.Mail;

namespace SmtpRelayClassifier.Tests.Classification.Inputs;

public class OtherExceptionTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Fact]
    public async Task Classify_SystemNetMailRecipientRelayDenied_IsRelayDeniedAtRcpt()
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { Rcpt = a => $"550 5.7.1 Unable to relay for {a}" });
        using var client = new NetMail.SmtpClient("127.0.0.1", server.Port);

        var e = Assert.Throws<NetMail.SmtpFailedRecipientException>(() =>
            client.Send("alice@example.com", "bob@example.org", "Test", "Hello"));

        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
        Assert.Equal(SmtpStage.Rcpt, d.Stage);
        Assert.Equal(550, d.ReplyCode);
        Assert.Equal("bob@example.org", d.Mailbox);
        Assert.True(d.IsRelayBlock);
    }

    [Fact]
    public async Task Classify_SystemNetMailSeveralRecipientsRefused_ReadsTheRecipients()
    {
        await using var server = new ScriptedSmtpServer(SmtpScript.RejectRecipients(new Dictionary<string, string>
        {
            ["bob@example.org"] = "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown",
            ["carol@example.net"] = "550 5.7.1 Unable to relay for carol@example.net",
        }));
        using var client = new NetMail.SmtpClient("127.0.0.1", server.Port);
        using var message = new NetMail.MailMessage("alice@example.com", "bob@example.org", "Test", "Hello");
        message.To.Add("carol@example.net");

        var e = Assert.Throws<NetMail.SmtpFailedRecipientsException>(() => client.Send(message));

        Assert.Equal(2, e.InnerExceptions.Length);
        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.RecipientUnknown, d.Kind);
        Assert.Equal("bob@example.org", d.Mailbox);
        Assert.Equal(SmtpFailureKind.RelayDenied, Classifier.Classify(e.InnerExceptions[1]).Kind);
    }

    [Fact]
    public async Task Classify_SystemNetMail554AtRcpt_IsTheFatalTransactionFailedFormAndStillRelayDenied()
    {
        // System.Net.Mail treats 554 at RCPT as fatal: "Transaction failed. The server response was: …".
        await using var server = new ScriptedSmtpServer(new SmtpScript { Rcpt = a => $"554 5.7.1 <{a}>: Relay access denied" });
        using var client = new NetMail.SmtpClient("127.0.0.1", server.Port);

        var e = Assert.Throws<NetMail.SmtpException>(() => client.Send("alice@example.com", "bob@example.org", "Test", "Hello"));

        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
        Assert.Equal(554, d.ReplyCode);
        Assert.Equal("bob@example.org", d.Mailbox);
    }

    [Fact]
    public async Task Classify_SystemNetMailStartTlsRequired_IsTlsRequired()
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { Mail = "530 5.7.0 Must issue a STARTTLS command first" });
        using var client = new NetMail.SmtpClient("127.0.0.1", server.Port);

        var e = Assert.ThrowsAny<NetMail.SmtpException>(() => client.Send("alice@example.com", "bob@example.org", "Test", "Hello"));

        Assert.Equal(SmtpFailureKind.TlsRequired, Classifier.Classify(e).Kind);
    }

    [Fact]
    public void Classify_SystemNetMailGeneralFailureWithSocketInside_ReadsTheSocketError()
    {
        var e = new NetMail.SmtpException("Failure sending mail.", new IOException("Unable to connect", new SocketException((int)SocketError.ConnectionRefused)));

        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.ConnectionFailed, d.Kind);
        Assert.Equal("connection_refused", d.ErrorType);
    }

    [Theory]
    [InlineData(SocketError.HostNotFound, "host_not_found", false)]
    [InlineData(SocketError.TryAgain, "host_not_found", true)]
    [InlineData(SocketError.ConnectionRefused, "connection_refused", true)]
    [InlineData(SocketError.TimedOut, "timed_out", true)]
    [InlineData(SocketError.ConnectionReset, "connection_reset", true)]
    [InlineData(SocketError.NetworkUnreachable, "network_unreachable", true)]
    public void Classify_SocketErrorDeepInTheChain_IsConnectionFailed(SocketError error, string errorType, bool transient)
    {
        var e = new InvalidOperationException("outer", new IOException("io", new SocketException((int)error)));

        var d = Classifier.Classify(e);
        Assert.Equal(SmtpFailureKind.ConnectionFailed, d.Kind);
        Assert.Equal(errorType, d.ErrorType);
        Assert.Equal(transient, d.IsTransient);
        Assert.Equal(SmtpStage.Connect, d.Stage);
    }

    [Fact]
    public void Classify_TimeoutOnPort587_IsNotReadAsPortBlock()
    {
        var d = Classifier.Classify(new TimeoutException(), new SmtpFailureContext { Port = 587 });

        Assert.Equal(SmtpFailureKind.ConnectionFailed, d.Kind);
        Assert.DoesNotContain(FailureCause.OutboundPort25Blocked, d.Causes);
        Assert.False(d.IsRelayBlock);
        Assert.True(d.IsTransient);
    }

    [Fact]
    public void Classify_TimeoutInsideCancellation_IsTheTimeout()
    {
        var d = Classifier.Classify(new TaskCanceledException("canceled", new TimeoutException()), new SmtpFailureContext { Port = 25 });

        Assert.Equal(FailureCause.OutboundPort25Blocked, d.Causes[0]);
    }

    [Fact]
    public void Classify_AggregateOfUnknownAndRelayDenial_PicksTheRelayDenial()
    {
        var e = new AggregateException(
            new InvalidOperationException("something else"),
            new NetMail.SmtpFailedRecipientException(NetMail.SmtpStatusCode.MailboxUnavailable, "bob@example.org", "554 5.7.1 <bob@example.org>: Relay access denied"));

        Assert.Equal(SmtpFailureKind.RelayDenied, Classifier.Classify(e).Kind);
    }

    [Fact]
    public void Classify_UnrelatedException_IsUnknownAndNeverThrows()
    {
        var d = Classifier.Classify(new FormatException("bad format"));

        Assert.Equal(SmtpFailureKind.Unknown, d.Kind);
        Assert.Equal("exception.unrecognized", d.RuleId);
        Assert.False(d.IsRelayBlock);
    }

    [Fact]
    public void Classify_ApplicationExceptionCarryingAReply_ReadsTheReply()
    {
        var d = Classifier.Classify(new InvalidOperationException("550 5.7.1 <bob@example.org>... Relaying denied"));

        Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
    }

    [Fact]
    public void Classify_SelfReferencingWrapperChain_Terminates()
    {
        Exception e = new InvalidOperationException("leaf");
        for (int i = 0; i < 100; i++)
            e = new InvalidOperationException("wrap " + i, e);

        Assert.Equal(SmtpFailureKind.Unknown, Classifier.Classify(e).Kind);
    }

    [Fact]
    public void Classify_NullException_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Classifier.Classify((Exception)null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public void Classify_PortOutOfRange_ThrowsArgumentExceptionNamingThePort(int port)
    {
        var e = Assert.Throws<ArgumentException>(() => Classifier.Classify(new TimeoutException(), new SmtpFailureContext { Port = port }));

        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }
}
