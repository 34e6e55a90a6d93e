using System;
using Microsoft.Extensions.Logging;

namespace SmtpRelayClassifier;

/// <summary>
/// The log messages of sends, defined once with <see cref="LoggerMessage"/> (never the source generator). Diagnoses have
/// more than the six values <see cref="LoggerMessage"/> takes: their events carry a <see cref="SmtpFailureLogState"/>.
/// </summary>
internal static class Log
{
    public static readonly Action<ILogger, int, int, Exception?> PartialSend =
        LoggerMessage.Define<int, int>(LogLevel.Warning, SmtpFailureEventIds.PartialSend,
            "SMTP send reached {AcceptedCount} recipients; {RejectedCount} were refused");

    public static readonly Action<ILogger, int, SmtpFailureKind, Exception?> SendFailed =
        LoggerMessage.Define<int, SmtpFailureKind>(LogLevel.Warning, SmtpFailureEventIds.SendFailed,
            "SMTP send reached none of its {RecipientCount} recipients: {Kind}");

    public static readonly Action<ILogger, int, string?, Exception?> Sent =
        LoggerMessage.Define<int, string?>(LogLevel.Debug, SmtpFailureEventIds.Sent,
            "SMTP send reached all its {RecipientCount} recipients: {ServerResponse}");
}
