using System;
using Microsoft.Extensions.Logging;

namespace SmtpRelayClassifier.MailKitIntegration;

/// <summary>Logs the outcome of a send through <see cref="DiagnosingSmtpClient"/> with the events of <see cref="SmtpFailureLoggerExtensions"/>.</summary>
public static class SmtpSendOutcomeLoggerExtensions
{
    /// <summary>
    /// Logs the outcome of a send through <see cref="DiagnosingSmtpClient"/>: each refused recipient as
    /// its own diagnosis event, then <see cref="SmtpFailureEventIds.PartialSend"/> or <see cref="SmtpFailureEventIds.SendFailed"/>
    /// (with the message-level diagnosis). A complete send is logged as <see cref="SmtpFailureEventIds.Sent"/> (Debug),
    /// with the server's reply to the end of the data (its addresses masked unless
    /// <see cref="SmtpFailureLogOptions.ShowFullAddresses"/> is set).
    /// </summary>
    /// <param name="logger">The logger.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="options">What may be logged; null takes <see cref="SmtpFailureLogOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="logger"/> or <paramref name="outcome"/> is null.</exception>
    public static void LogSmtpSendOutcome(this ILogger logger, SmtpSendOutcome outcome, SmtpFailureLogOptions? options = null)
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
            else if (logger.IsEnabled(LogLevel.Debug))
                Log.Sent(logger, outcome.AcceptedRecipients.Count, Loggable(outcome.ServerResponse, options), null);
            return;
        }

        if (outcome.Diagnosis is { } diagnosis)
        {
            bool alreadyLogged = false;
            foreach (var refusal in outcome.RejectedRecipients)
                alreadyLogged |= ReferenceEquals(refusal.Diagnosis, diagnosis);
            var exception = SmtpFailureLoggerExtensions.Loggable(outcome.Exception, options);
            if (!alreadyLogged)
                logger.LogSmtpFailure(diagnosis, exception, options);
            Log.SendFailed(logger, outcome.AcceptedRecipients.Count + outcome.RejectedRecipients.Count, diagnosis.Kind, exception);
        }
    }

    private static string? Loggable(string? text, SmtpFailureLogOptions options) =>
        text is null || options.ShowFullAddresses ? text : AddressMasking.MaskAddresses(text);
}
