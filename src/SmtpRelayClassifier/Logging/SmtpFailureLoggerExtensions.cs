using System;
using Microsoft.Extensions.Logging;
using SmtpRelayClassifier.Classification;
using SmtpRelayClassifier.Internal;

namespace SmtpRelayClassifier.Logging;

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

    /// <summary>
    /// Logs the outcome of a send through <see cref="MailKitIntegration.DiagnosingSmtpClient"/>: each refused recipient as
    /// its own diagnosis event, then <see cref="SmtpFailureEventIds.PartialSend"/> or <see cref="SmtpFailureEventIds.SendFailed"/>
    /// (with the message-level diagnosis). A complete send logs nothing.
    /// </summary>
    /// <param name="logger">The logger.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="options">What may be logged; null takes <see cref="SmtpFailureLogOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="logger"/> or <paramref name="outcome"/> is null.</exception>
    public static void LogSmtpSendOutcome(this ILogger logger, MailKitIntegration.SmtpSendOutcome outcome, SmtpFailureLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(outcome);
        options ??= SmtpFailureLogOptions.Default;
        foreach (var refusal in outcome.RejectedRecipients)
            logger.LogSmtpFailure(refusal.Diagnosis, exception: null, options);

        if (outcome.Sent)
        {
            if (outcome.RejectedRecipients.Count > 0)
                Log.PartialSend(logger, outcome.AcceptedRecipients.Count, outcome.RejectedRecipients.Count, null);
            return;
        }

        if (outcome.Diagnosis is { } diagnosis)
        {
            bool alreadyLogged = false;
            foreach (var refusal in outcome.RejectedRecipients)
                alreadyLogged |= ReferenceEquals(refusal.Diagnosis, diagnosis);
            var exception = Loggable(outcome.Exception, options);
            if (!alreadyLogged)
                logger.LogSmtpFailure(diagnosis, exception, options);
            Log.SendFailed(logger, outcome.AcceptedRecipients.Count + outcome.RejectedRecipients.Count, diagnosis.Kind, exception);
        }
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
    private static Exception? Loggable(Exception? exception, SmtpFailureLogOptions options) =>
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
