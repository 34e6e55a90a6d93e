using System;
using Microsoft.Extensions.Logging;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier;

/// <summary>
/// Logs diagnoses as structured events. The event carries <c>Kind</c>, <c>IsRelayBlock</c>, <c>IsTransient</c>,
/// <c>Stage</c>, <c>ReplyCode</c> and <c>EnhancedStatusCode</c>; a scope around it carries <c>RuleId</c>,
/// <c>Server</c>, <c>Port</c> and <c>Mailbox</c> (redacted by default), and <c>ReplyText</c> only when
/// <see cref="SmtpFailureLogOptions.IncludeReplyText"/> is set. Relay blocks and configuration problems are warnings,
/// transient failures information. While <see cref="SmtpFailureLogOptions.RedactAddresses"/> is on (the default), an
/// exception is attached as a <see cref="RedactedException"/>: no full address reaches the logger, not in the message,
/// its properties, its scopes nor the exception.
/// </summary>
public static class SmtpFailureLoggerExtensions
{
    /// <summary>Logs a diagnosis.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="exception">
    /// The exception the diagnosis was made from, to attach to the event (as a <see cref="RedactedException"/> while
    /// <see cref="SmtpFailureLogOptions.RedactAddresses"/> is on); or null.
    /// </param>
    /// <param name="options">What may be logged; null takes <see cref="SmtpFailureLogOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="logger"/> or <paramref name="diagnosis"/> is null.</exception>
    public static void LogSmtpFailure(this ILogger logger, RelayBlockDiagnosis diagnosis, Exception? exception = null, SmtpFailureLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(diagnosis);
        var (message, level) = Choose(diagnosis);
        if (!logger.IsEnabled(level))
            return;

        options ??= SmtpFailureLogOptions.Default;
        string? mailbox = options.RedactAddresses ? AddressRedactor.MaskOrNull(diagnosis.Mailbox) : diagnosis.Mailbox;
        using var evidence = Log.Evidence(logger, diagnosis.RuleId, diagnosis.Server, diagnosis.Port, mailbox);
        using var reply = options.IncludeReplyText && diagnosis.ReplyText is { } text
            ? Log.Reply(logger, options.RedactAddresses ? AddressRedactor.MaskAll(text) : text)
            : null;
        message(logger, diagnosis.Kind, diagnosis.IsRelayBlock, diagnosis.IsTransient, diagnosis.Stage, diagnosis.ReplyCode,
            diagnosis.EnhancedStatusCode?.ToString(), Loggable(exception, options));
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
        exception is null || exception is RedactedException || !options.RedactAddresses ? exception : new RedactedException(exception);

    private static (Action<ILogger, SmtpFailureKind, bool, bool, SmtpStage, int?, string?, Exception?> Message, LogLevel Level) Choose(RelayBlockDiagnosis diagnosis)
    {
        var (eventId, level) = EventFor(diagnosis);
        var message = eventId.Id switch
        {
            1001 => Log.RelayBlock,
            1002 => Log.ConfigurationProblem,
            1003 => Log.TransientFailure,
            _ => Log.PermanentFailure,
        };
        return (message, level);
    }

    private static bool IsConfigurationProblem(SmtpFailureKind kind) => kind is
        SmtpFailureKind.AuthenticationRequired or SmtpFailureKind.AuthenticationFailed or SmtpFailureKind.SenderNotAuthorized or
        SmtpFailureKind.TlsRequired or SmtpFailureKind.TlsFailed or SmtpFailureKind.ProtocolError;
}
