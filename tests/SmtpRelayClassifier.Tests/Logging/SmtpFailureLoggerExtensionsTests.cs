using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpRelayClassifier.MailKitIntegration;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Logging;

[Collection(ConsoleOutputCollection.Name)]
public class SmtpFailureLoggerExtensionsTests
{
    private const string Erin = "\"erin x\"@example.org";
    private const string Dave = "dave@[192.0.2.1]";

    // The address forms a console log must never show in full, with their local part and their masked form.
    private static readonly (string Address, string LocalPart, string Masked)[] Addresses =
    [
        ("bob@example.org", "bob", "b***@example.org"),
        (Erin, "erin x", "\"e***\"@example.org"),
        (Dave, "dave", "d***@[192.0.2.1]"),
        ("frank@[IPv6:2001:db8::1]", "frank", "f***@[IPv6:2001:db8::1]"),
    ];

    public static TheoryData<string, int> FormattersAndAddresses()
    {
        var data = new TheoryData<string, int>();
        foreach (string formatter in new[] { "simple", "json" })
        {
            for (int i = 0; i < Addresses.Length; i++)
                data.Add(formatter, i);
        }

        return data;
    }

    private static RelayBlockDiagnosis Diagnose(string reply, SmtpStage stage = SmtpStage.Rcpt) =>
        SmtpFailureClassifier.Default.Classify(reply, new SmtpFailureContext { Stage = stage, Server = "smtp.example.net", Port = 25 });

    [Fact]
    public void LogSmtpFailure_RelayBlock_IsAWarningWithEveryValueAFieldOfTheEvent()
    {
        var logger = new FakeLogger();

        logger.LogSmtpFailure(Diagnose("554 5.7.1 <bob@example.org>: Relay access denied"));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(1001, entry.EventId.Id);
        Assert.Equal("SmtpRelayBlock", entry.EventId.Name);
        Assert.Equal(SmtpFailureKind.RelayDenied, entry.Properties["Kind"]);
        Assert.Equal(true, entry.Properties["IsRelayBlock"]);
        Assert.Equal(false, entry.Properties["IsTransient"]);
        Assert.Equal(SmtpStage.Rcpt, entry.Properties["Stage"]);
        Assert.Equal(554, entry.Properties["ReplyCode"]);
        Assert.Equal("5.7.1", entry.Properties["EnhancedStatusCode"]);
        Assert.Equal("postfix.relay-access-denied", entry.Properties["RuleId"]);
        Assert.Equal("smtp.example.net", entry.Properties["Server"]);
        Assert.Equal(25, entry.Properties["Port"]);
        Assert.Equal("b***@example.org", entry.Properties["Mailbox"]);
        Assert.Empty(entry.ScopeProperties);
    }

    [Fact]
    public void LogSmtpFailure_RedactsAddressesAndLeavesTheReplyOutByDefault()
    {
        var logger = new FakeLogger();

        logger.LogSmtpFailure(Diagnose("554 5.7.1 <bob@example.org>: Relay access denied"));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal("b***@example.org", entry.Get("Mailbox"));
        Assert.False(entry.Has("ReplyText"));
        Assert.DoesNotContain("bob@", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogSmtpFailure_IncludeReplyText_LogsItRedacted()
    {
        var logger = new FakeLogger();

        logger.LogSmtpFailure(Diagnose("554 5.7.1 <bob@example.org>: Relay access denied"), options: new SmtpFailureLogOptions { IncludeReplyText = true });

        Assert.Equal("<b***@example.org>: Relay access denied", Assert.Single(logger.Entries).Properties["ReplyText"]);
    }

    [Fact]
    public void LogSmtpFailure_RedactionTurnedOff_LogsTheAddress()
    {
        var logger = new FakeLogger();

        logger.LogSmtpFailure(Diagnose("554 5.7.1 <bob@example.org>: Relay access denied"), options: new SmtpFailureLogOptions { ShowFullAddresses = true, IncludeReplyText = true });

        var entry = Assert.Single(logger.Entries);
        Assert.Equal("bob@example.org", entry.Get("Mailbox"));
        Assert.Equal("<bob@example.org>: Relay access denied", entry.Get("ReplyText"));
    }

    [Theory]
    [InlineData("535 5.7.8 Error: authentication failed: authentication failure", SmtpStage.Auth, 1002, LogLevel.Warning)]
    [InlineData("530 5.7.0 Must issue a STARTTLS command first", SmtpStage.Mail, 1002, LogLevel.Warning)]
    [InlineData("452 4.5.3 Error: too many recipients", SmtpStage.Rcpt, 1003, LogLevel.Information)]
    [InlineData("450 4.2.0 <bob@example.org>: Recipient address rejected: Greylisted", SmtpStage.Rcpt, 1003, LogLevel.Information)]
    [InlineData("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown", SmtpStage.Rcpt, 1004, LogLevel.Warning)]
    public void LogSmtpFailure_ChoosesTheEventAndLevelByWhatHappened(string reply, SmtpStage stage, int eventId, LogLevel level)
    {
        var logger = new FakeLogger();

        logger.LogSmtpFailure(Diagnose(reply, stage));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(eventId, entry.EventId.Id);
        Assert.Equal(level, entry.Level);
    }

    [Fact]
    public void LogSmtpFailure_RedactionTurnedOff_AttachesTheOriginalException()
    {
        var logger = new FakeLogger();
        var exception = new TimeoutException();

        logger.LogSmtpFailure(SmtpFailureClassifier.Default.Classify(exception), exception, new SmtpFailureLogOptions { ShowFullAddresses = true });

        Assert.Same(exception, Assert.Single(logger.Entries).Exception);
    }

    [Fact]
    public void LogSmtpFailure_ByDefault_AttachesARedactedCopyOfTheException()
    {
        var logger = new FakeLogger();
        var exception = new InvalidOperationException("5.1.1 <bob@example.org>: Recipient address rejected", new TimeoutException("dave@[192.0.2.1] timed out"));

        logger.LogSmtpFailure(SmtpFailureClassifier.Default.Classify(exception), exception);

        var logged = Assert.IsType<RedactedException>(Assert.Single(logger.Entries).Exception);
        Assert.Equal("System.InvalidOperationException", logged.OriginalTypeName);
        Assert.Equal("5.1.1 <b***@example.org>: Recipient address rejected", logged.Message);
        Assert.Equal("d***@[192.0.2.1] timed out", logged.InnerException!.Message);
        Assert.DoesNotContain("bob@", logged.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("dave@", logged.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FormattersAndAddresses))]
    public async Task LogSmtpFailure_RealMailKitRefusal_ConsoleOutputHasNoFullAddress(string formatter, int form)
    {
        var (address, localPart, masked) = Addresses[form];
        await using var server = new ScriptedSmtpServer(new SmtpScript { Rcpt = a => $"550 5.1.1 <{a}>: Recipient address rejected: User unknown" });
        var exception = await Assert.ThrowsAsync<SmtpCommandException>(() => SendAsync(server.Port, "alice@example.com", address));
        var diagnosis = SmtpFailureClassifier.Default.Classify(exception, new SmtpFailureContext { Server = "127.0.0.1", Port = server.Port });
        Assert.Contains(address, exception.ToString(), StringComparison.Ordinal);

        string output = ConsoleLogCapture.Capture(formatter, logger =>
        {
            logger.LogSmtpFailure(diagnosis, exception);
            logger.LogSmtpFailure(diagnosis, exception, new SmtpFailureLogOptions { IncludeReplyText = true });
        });

        Assert.Contains("SmtpCommandException", output, StringComparison.Ordinal);
        Assert.Contains("Recipient address rejected", output, StringComparison.Ordinal);
        Assert.Contains(diagnosis.RuleId, output, StringComparison.Ordinal);
        Assert.Contains(masked, output, StringComparison.Ordinal);
        AssertNoFullAddress(output, (address, localPart));
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("json")]
    public async Task LogSmtpSendOutcome_RecipientsRefused_ConsoleOutputHasNoFullAddress(string formatter)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { Rcpt = a => $"550 5.1.1 <{a}>: Recipient address rejected: User unknown" });
        var outcome = await SendWithDiagnosisAsync(server.Port, Erin, "bob@example.org", Dave);
        Assert.Equal(2, outcome.RejectedRecipients.Count);

        string output = ConsoleLogCapture.Capture(formatter, logger => logger.LogSmtpSendOutcome(outcome, new SmtpFailureLogOptions { IncludeReplyText = true }));

        Assert.Contains("SMTP send reached none of its", output, StringComparison.Ordinal);
        Assert.Contains("b***@example.org", output, StringComparison.Ordinal);
        Assert.Contains("d***@[192.0.2.1]", output, StringComparison.Ordinal);
        AssertNoFullAddress(output, ("bob@example.org", "bob"), (Dave, "dave"), (Erin, "erin x"));
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("json")]
    public async Task LogSmtpSendOutcome_SenderRefused_ConsoleOutputHasNoFullAddress(string formatter)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { Mail = $"553 5.1.8 <{Erin}>: Sender address rejected: Domain not found" });
        var outcome = await SendWithDiagnosisAsync(server.Port, Erin, "bob@example.org");
        Assert.Contains(Erin, outcome.Exception!.ToString(), StringComparison.Ordinal);

        string output = ConsoleLogCapture.Capture(formatter, logger => logger.LogSmtpSendOutcome(outcome));

        Assert.Contains("SMTP send reached none of its", output, StringComparison.Ordinal);
        Assert.Contains("SmtpCommandException", output, StringComparison.Ordinal);
        Assert.Contains("\"e***\"@example.org>: Sender address rejected", output, StringComparison.Ordinal);
        AssertNoFullAddress(output, (Erin, "erin x"), ("bob@example.org", "bob"));
    }

    [Fact]
    public void LogSmtpFailure_JsonConsoleWithoutScopes_HasEveryValueInTheEventsState()
    {
        // Postfix's refusal of a recipient it does not relay for (smtpd, reject_unauth_destination).
        var diagnosis = Diagnose("554 5.7.1 <bob@example.org>: Relay access denied");

        var events = ConsoleLogCapture.CaptureJson(includeScopes: false, logger => logger.LogSmtpFailure(diagnosis));

        var json = Assert.Single(events).RootElement;
        Assert.Equal(1001, json.GetProperty("EventId").GetInt32());
        Assert.Equal("Warning", json.GetProperty("LogLevel").GetString());
        Assert.False(json.TryGetProperty("Scopes", out _));
        var state = json.GetProperty("State");
        Assert.Equal("RelayDenied", state.GetProperty("Kind").GetString());
        Assert.True(state.GetProperty("IsRelayBlock").GetBoolean());
        Assert.False(state.GetProperty("IsTransient").GetBoolean());
        Assert.Equal("Rcpt", state.GetProperty("Stage").GetString());
        Assert.Equal(554, state.GetProperty("ReplyCode").GetInt32());
        Assert.Equal("5.7.1", state.GetProperty("EnhancedStatusCode").GetString());
        Assert.Equal("postfix.relay-access-denied", state.GetProperty("RuleId").GetString());
        Assert.Equal("smtp.example.net", state.GetProperty("Server").GetString());
        Assert.Equal(25, state.GetProperty("Port").GetInt32());
        Assert.Equal("b***@example.org", state.GetProperty("Mailbox").GetString());
        Assert.False(state.TryGetProperty("ReplyText", out _));
        Assert.StartsWith("SMTP send failed: {Kind} (relay block: {IsRelayBlock}", state.GetProperty("{OriginalFormat}").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            "SMTP send failed: RelayDenied (relay block: True, transient: False) at Rcpt, reply 554 5.7.1, rule postfix.relay-access-denied, " +
            "server smtp.example.net:25, mailbox b***@example.org",
            json.GetProperty("Message").GetString());
    }

    [Fact]
    public void LogSmtpFailure_LevelDisabled_AllocatesNothing()
    {
        var logger = new FakeLogger { MinimumLevel = LogLevel.Error };
        var diagnosis = Diagnose("554 5.7.1 <bob@example.org>: Relay access denied");
        var exception = new InvalidOperationException("5.7.1 <bob@example.org>: Relay access denied");
        var options = new SmtpFailureLogOptions { IncludeReplyText = true };

        Assert.Equal(0, Allocations.PerRound(() => logger.LogSmtpFailure(diagnosis, exception, options), calls: 100));
    }

    [Fact]
    public void LogSmtpFailure_LevelDisabled_LogsNothing()
    {
        var logger = new FakeLogger { MinimumLevel = LogLevel.Error };

        logger.LogSmtpFailure(Diagnose("554 5.7.1 <bob@example.org>: Relay access denied"));

        Assert.Empty(logger.Entries);
    }

    [Fact]
    public void LogSmtpFailure_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ((ILogger)null!).LogSmtpFailure(Diagnose("550 x")));
        Assert.Throws<ArgumentNullException>(() => new FakeLogger().LogSmtpFailure(null!));
    }

    private static void AssertNoFullAddress(string output, params (string Address, string LocalPart)[] addresses)
    {
        foreach (var (address, localPart) in addresses)
        {
            Assert.DoesNotContain(address, output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(localPart, output, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static MimeMessage Message(string from, string[] to) =>
        new([MailboxAddress.Parse(from)], Array.ConvertAll(to, MailboxAddress.Parse), "Test", new TextPart("plain") { Text = "Hello" });

    private static async Task SendAsync(int port, string from, params string[] to)
    {
        using var client = new SmtpClient { Timeout = 10_000 };
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
        await client.SendAsync(Message(from, to));
    }

    private static async Task<SmtpSendOutcome> SendWithDiagnosisAsync(int port, string from, params string[] to)
    {
        using var client = new DiagnosingSmtpClient { Timeout = 10_000 };
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
        return await client.SendWithDiagnosisAsync(Message(from, to));
    }

    [Fact]
    public void EventIds_AreUniqueAndInTheirBlocks()
    {
        var ids = typeof(SmtpFailureEventIds).GetFields().Select(f => (EventId)f.GetValue(null)!).ToArray();

        Assert.True(ids.Length >= 13, $"Only {ids.Length} event ids were found.");
        Assert.Equal(ids.Length, ids.Select(i => i.Id).Distinct().Count());
        Assert.Equal(ids.Length, ids.Select(i => i.Name).Distinct().Count());
        Assert.All(ids, id => Assert.InRange(id.Id, 1000, 1399));
        Assert.All(ids, id => Assert.StartsWith("Smtp", id.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void EventIdsAndMetrics_AreEachInTheReadmesLoggingSection()
    {
        string readme = File.ReadAllText(ReadmePath());
        string logging = readme[readme.IndexOf("## Logging", StringComparison.Ordinal)..readme.IndexOf("## Performance", StringComparison.Ordinal)];

        foreach (var id in typeof(SmtpFailureEventIds).GetFields().Select(f => (EventId)f.GetValue(null)!))
            Assert.Contains($"| {id.Id} | `{id.Name}` |", logging, StringComparison.Ordinal);
        Assert.Contains($"`{SmtpFailureMetrics.DiagnosesCounterName}`", logging, StringComparison.Ordinal);
        Assert.Contains($"`{SmtpFailureMetrics.MeterName}`", logging, StringComparison.Ordinal);
    }

    private static string ReadmePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(candidate) && Directory.Exists(Path.Combine(dir.FullName, "src", "SmtpRelayClassifier")))
                return candidate;
        }

        throw new FileNotFoundException("README.md was not found above " + AppContext.BaseDirectory);
    }
}
