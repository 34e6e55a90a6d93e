using System;
using Microsoft.Extensions.Logging;

namespace SmtpRelayClassifier.Scanning;

/// <summary>The log messages of the mail log and bounce readers, defined once with <see cref="LoggerMessage"/>.</summary>
internal static class ReaderLog
{
    public static readonly Action<ILogger, long, SkipReason, Exception?> LineSkipped =
        LoggerMessage.Define<long, SkipReason>(LogLevel.Information, SmtpFailureEventIds.LogLineSkipped,
            "Mail log read past at line {LineNumber}: {Reason}");

    public static readonly Action<ILogger, long, long, long, Exception?> LogRead =
        LoggerMessage.Define<long, long, long>(LogLevel.Debug, SmtpFailureEventIds.LogRead,
            "Mail log read: {LineCount} lines, {FailureCount} failures, {SkippedCount} parts read past");

    public static readonly Action<ILogger, long?, int, bool, Exception?> BounceRead =
        LoggerMessage.Define<long?, int, bool>(LogLevel.Debug, SmtpFailureEventIds.BounceRead,
            "Bounce message {MessageNumber} read: {FailureCount} failures (delivery-status report: {IsDeliveryStatusReport})");

    public static readonly Action<ILogger, long, SkipReason, Exception?> BounceSkipped =
        LoggerMessage.Define<long, SkipReason>(LogLevel.Information, SmtpFailureEventIds.BounceSkipped,
            "Bounce message {MessageNumber} read past: {Reason}");
}
