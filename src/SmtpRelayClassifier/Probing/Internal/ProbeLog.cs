using System;
using Microsoft.Extensions.Logging;

namespace SmtpRelayClassifier.Probing.Internal;

/// <summary>The prober's log messages, defined once with <see cref="LoggerMessage"/>.</summary>
internal static class ProbeLog
{
    private static readonly Action<ILogger, int, ProbeStepKind, ProbeStepOutcome, string, string?, double, Exception?> Step =
        LoggerMessage.Define<int, ProbeStepKind, ProbeStepOutcome, string, string?, double>(LogLevel.Debug, SmtpFailureEventIds.ProbeStepEnded,
            "SMTP probe step on port {Port}: {Step} {Outcome} ({Description}, address {Address}) in {DurationMs} ms");

    private static readonly Action<ILogger, string, RelayProbeVerdict, int, double, Exception?> Completed =
        LoggerMessage.Define<string, RelayProbeVerdict, int, double>(LogLevel.Information, SmtpFailureEventIds.ProbeCompleted,
            "SMTP probe of {Host} ended: {Verdict} after {StepCount} steps in {ElapsedMs} ms");

    /// <summary>Logs a step; its description (which names the login) and its address are masked unless the options show addresses in full.</summary>
    public static void StepEnded(ILogger logger, ProbeStep step, SmtpFailureLogOptions options)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
            return;
        bool full = options.ShowFullAddresses;
        string description = full ? step.Description : AddressMasking.MaskAddresses(step.Description);
        string? address = full || step.Address is null ? step.Address : AddressMasking.MaskAddress(step.Address);
        Step(logger, step.Port, step.Kind, step.Outcome, description, address, Math.Round(step.Duration.TotalMilliseconds, 1), null);
    }

    /// <summary>Logs the end of a probe.</summary>
    public static void ProbeEnded(ILogger logger, RelayProbeReport report, TimeSpan elapsed) =>
        Completed(logger, report.Host, report.Verdict, report.Steps.Count, Math.Round(elapsed.TotalMilliseconds, 1), null);
}
