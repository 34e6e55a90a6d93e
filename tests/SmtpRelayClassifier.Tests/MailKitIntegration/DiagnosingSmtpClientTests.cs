using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpRelayClassifier.MailKitIntegration;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.MailKitIntegration;

public class DiagnosingSmtpClientTests
{
    private static MimeMessage Message(string from, params string[] to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (string address in to)
            message.To.Add(MailboxAddress.Parse(address));
        message.Subject = "Test";
        message.Body = new TextPart("plain") { Text = "Hello" };
        return message;
    }

    private static async Task<DiagnosingSmtpClient> ConnectAsync(int port, bool login = false, ILogger? logger = null)
    {
        var client = new DiagnosingSmtpClient(logger: logger) { Timeout = 10_000 };
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
        if (login)
            await client.AuthenticateAsync(InProcessSmtpServer.User, InProcessSmtpServer.Password);
        return client;
    }

    [Fact]
    public async Task SendWithDiagnosis_ThreeRecipientsTwoRefused_ReportsBothRefusalsAndSendsToTheThird()
    {
        await using var server = new InProcessSmtpServer();
        using var client = await ConnectAsync(server.Port);

        var outcome = await client.SendWithDiagnosisAsync(Message("bob@example.org", "carol@example.com", "dave@example.net", "nobody@example.com"));

        Assert.True(outcome.Sent);
        Assert.False(outcome.IsComplete);
        Assert.Equal(["carol@example.com"], outcome.AcceptedRecipients);
        Assert.Equal(2, outcome.RejectedRecipients.Count);
        var relay = outcome.RejectedRecipients.Single(r => r.Address == "dave@example.net").Diagnosis;
        Assert.Equal(SmtpFailureKind.RelayDenied, relay.Kind);
        Assert.True(relay.IsRelayBlock);
        Assert.Equal(SmtpStage.Rcpt, relay.Stage);
        Assert.Equal(554, relay.ReplyCode);
        Assert.Equal("127.0.0.1", relay.Server);
        Assert.Equal(server.Port, relay.Port);
        var unknown = outcome.RejectedRecipients.Single(r => r.Address == "nobody@example.com").Diagnosis;
        Assert.Equal(SmtpFailureKind.RecipientUnknown, unknown.Kind);
        Assert.False(unknown.IsRelayBlock);
        Assert.Null(outcome.Diagnosis);
    }

    [Theory]
    [InlineData("en", "Relay denied", "Recipient address unknown")]
    [InlineData("fr", "Relais refusé", "Adresse du destinataire inconnue")]
    [InlineData("de", "Relaying verweigert", "Empfängeradresse unbekannt")]
    [InlineData("es", "Retransmisión (relay) denegada", "Dirección del destinatario desconocida")]
    public async Task SendWithDiagnosis_Refusals_AreExplainedInEachLanguage(string language, string relayTitle, string unknownTitle)
    {
        await using var server = new InProcessSmtpServer();
        using var client = await ConnectAsync(server.Port);

        var outcome = await client.SendWithDiagnosisAsync(Message("bob@example.org", "carol@example.com", "dave@example.net", "nobody@example.com"));

        var culture = CultureInfo.GetCultureInfo(language);
        var relay = outcome.RejectedRecipients.Single(r => r.Address == "dave@example.net").Diagnosis.Explain(culture);
        var unknown = outcome.RejectedRecipients.Single(r => r.Address == "nobody@example.com").Diagnosis.Explain(culture);
        Assert.Equal(relayTitle, relay.Title);
        Assert.Equal(unknownTitle, unknown.Title);
        Assert.Contains("d***@example.net", relay.UserMessage, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", relay.UserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendWithDiagnosis_AfterLogin_RelaysToEveryone()
    {
        await using var server = new InProcessSmtpServer();
        using var client = await ConnectAsync(server.Port, login: true);

        var outcome = await client.SendWithDiagnosisAsync(Message("alice@example.com", "dave@example.net", "carol@example.com"));

        Assert.True(outcome.IsComplete);
        Assert.Equal(2, outcome.AcceptedRecipients.Count);
        Assert.False(string.IsNullOrEmpty(outcome.ServerResponse));
    }

    [Fact]
    public async Task SendWithDiagnosis_SenderNotOwnedByLogin_IsSenderNotAuthorized()
    {
        await using var server = new InProcessSmtpServer();
        using var client = await ConnectAsync(server.Port, login: true);

        var outcome = await client.SendWithDiagnosisAsync(Message("bob@example.com", "carol@example.com"));

        Assert.False(outcome.Sent);
        Assert.Equal(SmtpFailureKind.SenderNotAuthorized, outcome.Diagnosis?.Kind);
        Assert.Equal(SmtpStage.Mail, outcome.Diagnosis?.Stage);
        Assert.True(outcome.Diagnosis?.IsRelayBlock);
        Assert.Equal(FailureRemedy.MatchFromAddressToAccount, outcome.Diagnosis?.Remedies[0]);
    }

    [Fact]
    public async Task SendWithDiagnosis_EveryRecipientRefused_GivesTheFirstRefusalAsTheMessageDiagnosis()
    {
        await using var server = new InProcessSmtpServer();
        using var client = await ConnectAsync(server.Port);

        var outcome = await client.SendWithDiagnosisAsync(Message("bob@example.org", "dave@example.net", "erin@example.net"));

        Assert.False(outcome.Sent);
        Assert.Empty(outcome.AcceptedRecipients);
        Assert.Equal(2, outcome.RejectedRecipients.Count);
        Assert.Same(outcome.RejectedRecipients[0].Diagnosis, outcome.Diagnosis);
        Assert.Equal(SmtpFailureKind.RelayDenied, outcome.Diagnosis?.Kind);
    }

    [Fact]
    public async Task SendWithDiagnosis_ServerRequiresAuthentication_IsAuthenticationRequired()
    {
        await using var server = new InProcessSmtpServer(requireAuthentication: true);
        using var client = await ConnectAsync(server.Port);

        var outcome = await client.SendWithDiagnosisAsync(Message("alice@example.com", "carol@example.com"));

        Assert.False(outcome.Sent);
        Assert.Equal(SmtpFailureKind.AuthenticationRequired, outcome.Diagnosis?.Kind);
        Assert.True(outcome.Diagnosis?.IsRelayBlock);
    }

    [Fact]
    public async Task SendWithDiagnosis_WrongPassword_AuthenticateThrowsAndClassifiesAsAuthenticationFailed()
    {
        await using var server = new InProcessSmtpServer();
        using var client = new DiagnosingSmtpClient { Timeout = 10_000 };
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None);

        var e = await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(InProcessSmtpServer.User, "wrong"));

        Assert.Equal(SmtpFailureKind.AuthenticationFailed, SmtpFailureClassifier.Default.Classify(e).Kind);
    }

    [Fact]
    public async Task SendWithDiagnosis_ServerDropsAfterA421_KeepsThe421InsteadOfTheDisconnect()
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript
        {
            Rcpt = a => a == "carol@example.com" ? "250 2.1.5 Ok" : "421 4.7.0 mx.example.com Error: too many errors",
            CloseAfter421 = true,
        });
        using var client = new DiagnosingSmtpClient { Timeout = 10_000 };
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None);

        var outcome = await client.SendWithDiagnosisAsync(Message("bob@example.org", "carol@example.com", "dave@example.net"));

        Assert.False(outcome.Sent);
        Assert.IsType<MailKit.Net.Smtp.SmtpProtocolException>(outcome.Exception);
        Assert.Equal(421, outcome.Diagnosis?.ReplyCode);
        Assert.True(outcome.Diagnosis?.IsTransient);
        Assert.Contains("too many errors", outcome.Diagnosis?.ReplyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainSend_StillThrowsOnTheFirstRefusalLikeMailKit()
    {
        await using var server = new InProcessSmtpServer();
        using var client = await ConnectAsync(server.Port);

        await Assert.ThrowsAsync<MailKit.Net.Smtp.SmtpCommandException>(() => client.SendAsync(Message("bob@example.org", "dave@example.net")));
    }

    [Fact]
    public async Task SendWithDiagnosis_CallerCancellation_IsThrownNotReported()
    {
        await using var server = new InProcessSmtpServer();
        using var client = await ConnectAsync(server.Port);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendWithDiagnosisAsync(Message("alice@example.com", "carol@example.com"), cts.Token));
    }

    [Fact]
    public async Task SendWithDiagnosis_NotConnected_IsReportedNotThrown()
    {
        using var client = new DiagnosingSmtpClient();

        var outcome = await client.SendWithDiagnosisAsync(Message("alice@example.com", "carol@example.com"));

        Assert.False(outcome.Sent);
        Assert.Equal(FailureCause.ClientMisuse, outcome.Diagnosis?.Causes[0]);
    }

    [Fact]
    public async Task LogSmtpSendOutcome_PartialSend_LogsEachRefusalThenTheSummary()
    {
        await using var server = new InProcessSmtpServer();
        using var client = await ConnectAsync(server.Port);
        var outcome = await client.SendWithDiagnosisAsync(Message("bob@example.org", "carol@example.com", "dave@example.net", "nobody@example.com"));
        var logger = new FakeLogger();

        logger.LogSmtpSendOutcome(outcome);

        Assert.Equal([1001, 1004, 1101], logger.Entries.Select(e => e.EventId.Id).Order().ToArray());
        Assert.Equal("d***@example.net", logger.Entries.Single(e => e.EventId.Id == 1001).Get("Mailbox"));
        var summary = logger.Entries.Single(e => e.EventId == SmtpFailureEventIds.PartialSend);
        Assert.Equal(1, summary.Get("AcceptedCount"));
        Assert.Equal(2, summary.Get("RejectedCount"));
    }

    [Fact]
    public async Task SendWithDiagnosis_WithLogger_LogsEachRefusalThenTheSummary()
    {
        await using var server = new InProcessSmtpServer();
        var logger = new FakeLogger();
        using var client = await ConnectAsync(server.Port, logger: logger);

        await client.SendWithDiagnosisAsync(Message("bob@example.org", "carol@example.com", "dave@example.net", "nobody@example.com"));

        Assert.Equal([1001, 1004, 1101], logger.Entries.Select(e => e.EventId.Id).Order().ToArray());
        var relay = logger.Entries.Single(e => e.EventId == SmtpFailureEventIds.RelayBlock);
        Assert.Equal("d***@example.net", relay.Properties["Mailbox"]);
        Assert.Equal(server.Port, relay.Properties["Port"]);
    }

    [Fact]
    public async Task SendWithDiagnosis_WithLogger_LogsACompleteSendAtDebugWithTheServersReply()
    {
        // Postfix's reply to the end of the data, with the queue id.
        await using var server = new ScriptedSmtpServer(new SmtpScript { EndOfData = "250 2.0.0 Ok: queued as 4C1F2" });
        var logger = new FakeLogger();
        using var client = await ConnectAsync(server.Port, logger: logger);

        var outcome = await client.SendWithDiagnosisAsync(Message("alice@example.com", "carol@example.com", "dave@example.net"));

        Assert.True(outcome.IsComplete);
        var sent = Assert.Single(logger.Entries);
        Assert.Equal(SmtpFailureEventIds.Sent, sent.EventId);
        Assert.Equal(LogLevel.Debug, sent.Level);
        Assert.Equal(2, sent.Properties["RecipientCount"]);
        Assert.Contains("queued as 4C1F2", (string?)sent.Properties["ServerResponse"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendWithDiagnosis_NullMessage_ThrowsArgumentNull()
    {
        using var client = new DiagnosingSmtpClient();

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.SendWithDiagnosisAsync(null!));
    }
}
