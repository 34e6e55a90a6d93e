using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace SmtpRelayClassifier;

/// <summary>
/// The package's metrics, with <see cref="System.Diagnostics.Metrics"/>: a <see cref="Meter"/> named
/// <see cref="MeterName"/> with one counter, <see cref="DiagnosesCounterName"/>, of the diagnoses logged through
/// <see cref="SmtpFailureLoggerExtensions.LogSmtpFailure"/> (and so through
/// <c>LogSmtpSendOutcome</c> and a <c>DiagnosingSmtpClient</c> given a logger), whatever the log level, tagged
/// <c>kind</c> (the <see cref="SmtpFailureKind"/> name) and <c>relay_block</c> (true or false). Classification itself
/// counts nothing. Nothing is measured while no listener (such as OpenTelemetry's <c>AddMeter(MeterName)</c> or
/// <c>dotnet-counters</c>) listens. Thread-safe.
/// </summary>
public static class SmtpFailureMetrics
{
    /// <summary>The name of the package's meter: <c>SmtpRelayClassifier</c>.</summary>
    public const string MeterName = "SmtpRelayClassifier";

    /// <summary>The name of the counter of logged diagnoses: <c>smtp_relay_classifier.diagnoses</c> (unit <c>{diagnosis}</c>).</summary>
    public const string DiagnosesCounterName = "smtp_relay_classifier.diagnoses";

    private static readonly Meter Meter = new(MeterName, typeof(SmtpFailureMetrics).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> Diagnoses = Meter.CreateCounter<long>(
        DiagnosesCounterName, unit: "{diagnosis}", description: "SMTP failure diagnoses logged, by kind and relay-block flag.");

    // The tag values, made once: counting a diagnosis allocates nothing.
    private static readonly string?[] KindNames = NamesByValue();
    private static readonly object True = true;
    private static readonly object False = false;

    /// <summary>Counts one logged diagnosis, when something listens.</summary>
    internal static void Count(RelayBlockDiagnosis diagnosis)
    {
        if (!Diagnoses.Enabled)
            return;
        int kind = (int)diagnosis.Kind;
        string name = ((uint)kind < (uint)KindNames.Length ? KindNames[kind] : null) ?? diagnosis.Kind.ToString();
        Diagnoses.Add(1, new KeyValuePair<string, object?>("kind", name), new KeyValuePair<string, object?>("relay_block", diagnosis.IsRelayBlock ? True : False));
    }

    private static string?[] NamesByValue()
    {
        var kinds = Enum.GetValues<SmtpFailureKind>();
        int highest = 0;
        foreach (var kind in kinds)
            highest = Math.Max(highest, (int)kind);
        var names = new string?[highest + 1];
        foreach (var kind in kinds)
            names[(int)kind] = kind.ToString();
        return names;
    }
}
