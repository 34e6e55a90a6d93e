using System;
using Microsoft.Extensions.Logging;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier;

/// <summary>
/// Logs diagnoses as structured events. Every value is a named field of the event itself, so it reaches providers that
/// print no scopes (the JSON console logger by default): <c>Kind</c>, <c>IsRelayBlock</c>, <c>IsTransient</c>,
/// <c>Stage</c>, <c>ReplyCode</c>, <c>EnhancedStatusCode</c>, <c>RuleId</c>, <c>Server</c>, <c>Port</c>, <c>Mailbox</c>
/// (masked by default), and <c>ReplyText</c> only when <see cref="SmtpFailureLogOptions.IncludeReplyText"/> is set.
/// Relay blocks and configuration problems are warnings, transient failures information. Unless
/// <see cref="SmtpFailureLogOptions.ShowFullAddresses"/> is set, an exception is attached as a
/// <see cref="RedactedException"/>: no full address reaches the logger, not in the message, its fields nor the
/// exception. Each diagnosis logged is counted by <see cref="SmtpFailureMetrics"/>.
/// </summary>
public static class SmtpFailureLoggerExtensions
{
    /// <summary>Logs a diagnosis.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="exception">
    /// The exception the diagnosis was made from, to attach to the event (as a <see cref="RedactedException"/> unless
    /// <see cref="SmtpFailureLogOptions.ShowFullAddresses"/> is set); or null.
    /// </param>
    /// <param name="options">What may be logged; null takes <see cref="SmtpFailureLogOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="logger"/> or <paramref name="diagnosis"/> is null.</exception>
    public static void LogSmtpFailure(this ILogger logger, RelayBlockDiagnosis diagnosis, Exception? exception = null, SmtpFailureLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(diagnosis);
        SmtpFailureMetrics.Count(diagnosis);
        var (eventId, level) = EventFor(diagnosis);
        if (!logger.IsEnabled(level))
            return;

        options ??= SmtpFailureLogOptions.Default;
        bool full = options.ShowFullAddresses;
        string? mailbox = full ? diagnosis.Mailbox : AddressRedactor.MaskOrNull(diagnosis.Mailbox);
        string? reply = options.IncludeReplyText && diagnosis.ReplyText is { } text ? (full ? text : AddressRedactor.MaskAll(text)) : null;
        logger.Log(level, eventId, new SmtpFailureLogState(diagnosis, mailbox, reply), Loggable(exception, options), SmtpFailureLogState.Formatter);
    }

    /// <summary>The event a diagnosis is logged as, and its level.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <returns>The event id and the level.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diagnosis"/> is null.</exception>
    public static (EventId EventId, LogLevel Level) EventFor(RelayBlockDiagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        if (diagnosis.IsRelayBlock)
            return (SmtpFailureEventIds.RelayBlock, LogLevel.Warning);
        if (IsConfigurationProblem(diagnosis.Kind))
            return (SmtpFailureEventIds.ConfigurationProblem, LogLevel.Warning);
        if (diagnosis.IsTransient)
            return (SmtpFailureEventIds.TransientFailure, LogLevel.Information);
        return (SmtpFailureEventIds.PermanentFailure, LogLevel.Warning);
    }

    /// <summary>The exception as the options allow it to be logged: itself, or its redacted copy.</summary>
    internal static Exception? Loggable(Exception? exception, SmtpFailureLogOptions options) =>
        exception is null || exception is RedactedException || options.ShowFullAddresses ? exception : new RedactedException(exception);

    private static bool IsConfigurationProblem(SmtpFailureKind kind) => kind is
        SmtpFailureKind.AuthenticationRequired or SmtpFailureKind.AuthenticationFailed or SmtpFailureKind.SenderNotAuthorized or
        SmtpFailureKind.TlsRequired or SmtpFailureKind.TlsFailed or SmtpFailureKind.ProtocolError;
}
