using System;
using Microsoft.Extensions.Logging;

namespace SmtpRelayClassifier;

/// <summary>The package's log messages, defined once with <see cref="LoggerMessage"/> (never the source generator).</summary>
internal static class Log
{
    private const string FailureFormat =
        "SMTP send failed: {Kind} (relay block: {IsRelayBlock}, transient: {IsTransient}) at {Stage}, reply {ReplyCode} {EnhancedStatusCode}";

    public static readonly Action<ILogger, SmtpFailureKind, bool, bool, SmtpStage, int?, string?, Exception?> RelayBlock =
        LoggerMessage.Define<SmtpFailureKind, bool, bool, SmtpStage, int?, string?>(LogLevel.Warning, SmtpFailureEventIds.RelayBlock, FailureFormat);

    public static readonly Action<ILogger, SmtpFailureKind, bool, bool, SmtpStage, int?, string?, Exception?> ConfigurationProblem =
        LoggerMessage.Define<SmtpFailureKind, bool, bool, SmtpStage, int?, string?>(LogLevel.Warning, SmtpFailureEventIds.ConfigurationProblem, FailureFormat);

    public static readonly Action<ILogger, SmtpFailureKind, bool, bool, SmtpStage, int?, string?, Exception?> TransientFailure =
        LoggerMessage.Define<SmtpFailureKind, bool, bool, SmtpStage, int?, string?>(LogLevel.Information, SmtpFailureEventIds.TransientFailure, FailureFormat);

    public static readonly Action<ILogger, SmtpFailureKind, bool, bool, SmtpStage, int?, string?, Exception?> PermanentFailure =
        LoggerMessage.Define<SmtpFailureKind, bool, bool, SmtpStage, int?, string?>(LogLevel.Warning, SmtpFailureEventIds.PermanentFailure, FailureFormat);

    /// <summary>The rest of the evidence, as a scope around the event.</summary>
    public static readonly Func<ILogger, string, string?, int?, string?, IDisposable?> Evidence =
        LoggerMessage.DefineScope<string, string?, int?, string?>("SMTP rule {RuleId}, server {Server}:{Port}, mailbox {Mailbox}");

    /// <summary>The server's reply, only when the options allow it.</summary>
    public static readonly Func<ILogger, string, IDisposable?> Reply =
        LoggerMessage.DefineScope<string>("SMTP reply {ReplyText}");

    public static readonly Action<ILogger, int, int, Exception?> PartialSend =
        LoggerMessage.Define<int, int>(LogLevel.Warning, SmtpFailureEventIds.PartialSend,
            "SMTP send reached {AcceptedCount} recipients; {RejectedCount} were refused");

    public static readonly Action<ILogger, int, SmtpFailureKind, Exception?> SendFailed =
        LoggerMessage.Define<int, SmtpFailureKind>(LogLevel.Warning, SmtpFailureEventIds.SendFailed,
            "SMTP send reached none of its {RecipientCount} recipients: {Kind}");
}
