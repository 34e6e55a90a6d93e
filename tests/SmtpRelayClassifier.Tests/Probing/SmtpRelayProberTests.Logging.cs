using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SmtpRelayClassifier.Probing;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Probing;

/// <summary>What the prober logs while it probes a real in-process server.</summary>
public partial class SmtpRelayProberTests
{
    [Fact]
    public async Task Probe_WithLogger_LogsEachStepAsItEndsThenTheVerdict()
    {
        await using var server = new InProcessSmtpServer();
        var logger = new FakeLogger();

        var report = await new SmtpRelayProber(logger: logger).ProbeAsync(Options(server.Port));

        var steps = logger.Entries.Where(e => e.EventId == SmtpFailureEventIds.ProbeStepEnded).ToList();
        Assert.Equal(report.Steps.Select(s => (s.Port, s.Kind, s.Outcome)), steps.Select(e => ((int)e.Properties["Port"]!, (ProbeStepKind)e.Properties["Step"]!, (ProbeStepOutcome)e.Properties["Outcome"]!)));
        Assert.All(steps, e => Assert.Equal(LogLevel.Debug, e.Level));
        var verdict = logger.Entries[^1];
        Assert.Equal(SmtpFailureEventIds.ProbeCompleted, verdict.EventId);
        Assert.Equal(LogLevel.Information, verdict.Level);
        Assert.Equal(report.Verdict, verdict.Properties["Verdict"]);
        Assert.Equal("127.0.0.1", verdict.Properties["Host"]);
        Assert.Equal(report.Steps.Count, verdict.Properties["StepCount"]);
    }

    [Fact]
    public async Task Probe_WithLogger_MasksTheStepsAddressesUnlessShowFullAddresses()
    {
        await using var server = new InProcessSmtpServer();
        var masked = new FakeLogger();
        var full = new FakeLogger();

        await new SmtpRelayProber(logger: masked).ProbeAsync(Options(server.Port, sender: "alice@example.com"));
        await new SmtpRelayProber(logger: full, logOptions: new SmtpFailureLogOptions { ShowFullAddresses = true }).ProbeAsync(Options(server.Port));

        Assert.Contains("s***@external.example", Addresses(masked));
        Assert.Contains("a***@example.com", Addresses(masked));
        Assert.DoesNotContain(Addresses(masked), a => a.StartsWith("someone@", StringComparison.Ordinal) || a.StartsWith("alice@", StringComparison.Ordinal));
        Assert.Contains("someone@external.example", Addresses(full));
    }

    private static string[] Addresses(FakeLogger logger) =>
        logger.Entries.Where(e => e.EventId == SmtpFailureEventIds.ProbeStepEnded && e.Properties["Address"] is not null).Select(e => (string)e.Properties["Address"]!).ToArray();
}
