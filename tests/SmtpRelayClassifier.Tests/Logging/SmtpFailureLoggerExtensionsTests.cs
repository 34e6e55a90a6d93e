using System;
using Microsoft.Extensions.Logging;
using SmtpRelayClassifier.Classification;
using SmtpRelayClassifier.Logging;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Logging;

public class SmtpFailureLoggerExtensionsTests
{
    private static RelayBlockDiagnosis Diagnose(string reply, SmtpStage stage = SmtpStage.Rcpt) =>
        SmtpFailureClassifier.Default.Classify(reply, new SmtpFailureContext { Stage = stage, Server = "smtp.example.net", Port = 25 });

    [Fact]
    public void LogSmtpFailure_RelayBlock_IsAWarningWithEveryStructuredProperty()
    {
        var logger = new FakeLogger();

        logger.LogSmtpFailure(Diagnose("554 5.7.1 <bob@example.org>: Relay access denied"));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(1001, entry.EventId.Id);
        Assert.Equal("SmtpRelayBlock", entry.EventId.Name);
        Assert.Equal(SmtpFailureKind.RelayDenied, entry.Get("Kind"));
        Assert.Equal(true, entry.Get("IsRelayBlock"));
        Assert.Equal(false, entry.Get("IsTransient"));
        Assert.Equal(SmtpStage.Rcpt, entry.Get("Stage"));
        Assert.Equal(554, entry.Get("ReplyCode"));
        Assert.Equal("5.7.1", entry.Get("EnhancedStatusCode"));
        Assert.Equal("postfix.relay-access-denied", entry.Get("RuleId"));
        Assert.Equal("smtp.example.net", entry.Get("Server"));
        Assert.Equal(25, entry.Get("Port"));
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

        Assert.Equal("<b***@example.org>: Relay access denied", Assert.Single(logger.Entries).Get("ReplyText"));
    }

    [Fact]
    public void LogSmtpFailure_RedactionTurnedOff_LogsTheAddress()
    {
        var logger = new FakeLogger();

        logger.LogSmtpFailure(Diagnose("554 5.7.1 <bob@example.org>: Relay access denied"), options: new SmtpFailureLogOptions { RedactAddresses = false, IncludeReplyText = true });

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
    public void LogSmtpFailure_AttachesTheException()
    {
        var logger = new FakeLogger();
        var exception = new TimeoutException();

        logger.LogSmtpFailure(SmtpFailureClassifier.Default.Classify(exception), exception);

        Assert.Same(exception, Assert.Single(logger.Entries).Exception);
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

    [Fact]
    public void EventIds_AreUniqueAndInTheirBlocks()
    {
        var ids = new[] { SmtpFailureEventIds.RelayBlock, SmtpFailureEventIds.ConfigurationProblem, SmtpFailureEventIds.TransientFailure, SmtpFailureEventIds.PermanentFailure, SmtpFailureEventIds.PartialSend, SmtpFailureEventIds.SendFailed };

        Assert.Equal(ids.Length, new System.Collections.Generic.HashSet<int>(Array.ConvertAll(ids, i => i.Id)).Count);
        Assert.All(ids, id => Assert.InRange(id.Id, 1000, 1199));
    }
}
