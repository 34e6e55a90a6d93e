using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Logging;

[Collection(MeterListenerCollection.Name)]
public class SmtpFailureMetricsTests
{
    // Postfix's refusal of a recipient it does not relay for (smtpd, reject_unauth_destination).
    private const string PostfixRelayDenied = "554 5.7.1 <bob@example.org>: Relay access denied";

    // Postfix with postgrey: the greylisting deferral of a first attempt.
    private const string PostgreyGreylisted = "450 4.2.0 <bob@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html";

    private static RelayBlockDiagnosis Diagnose(string reply) => SmtpFailureClassifier.Default.Classify(reply, SmtpFailureContext.ForStage(SmtpStage.Rcpt));

    [Fact]
    public void LogSmtpFailure_CountsEachDiagnosisByKindAndRelayFlag_WhateverTheLogLevel()
    {
        var relay = Diagnose(PostfixRelayDenied);
        var greylisted = Diagnose(PostgreyGreylisted);
        var logger = new FakeLogger { MinimumLevel = LogLevel.None };
        using var diagnoses = new DiagnosisCounter();

        logger.LogSmtpFailure(relay);
        logger.LogSmtpFailure(relay);
        logger.LogSmtpFailure(greylisted);

        Assert.Empty(logger.Entries);
        Assert.Equal(SmtpFailureMetrics.MeterName, diagnoses.Instrument?.Meter.Name);
        Assert.Equal("{diagnosis}", diagnoses.Instrument?.Unit);
        Assert.Equal(2, diagnoses.Count(relay.Kind.ToString(), relayBlock: true));
        Assert.Equal(1, diagnoses.Count(greylisted.Kind.ToString(), relayBlock: false));
        Assert.Equal(3, diagnoses.Measurements.Count);
    }

    [Fact]
    public void Classification_CountsNothing()
    {
        using var diagnoses = new DiagnosisCounter();

        SmtpFailureClassifier.Default.Classify(PostfixRelayDenied);
        SmtpFailureClassifier.Default.ClassifyBrief(PostfixRelayDenied);
        SmtpFailureClassifier.Default.ClassifyKind(PostfixRelayDenied);

        Assert.NotNull(diagnoses.Instrument);
        Assert.Empty(diagnoses.Measurements);
    }

    [Fact]
    public void LogSmtpFailure_Counting_AllocatesNothing()
    {
        var relay = Diagnose(PostfixRelayDenied);
        var logger = new FakeLogger { MinimumLevel = LogLevel.None };
        using var listener = new MeterListener { InstrumentPublished = (instrument, l) => Subscribe(instrument, l) };
        long total = 0;
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => total += value);
        listener.Start();

        long allocated = Allocations.PerRound(() => logger.LogSmtpFailure(relay), calls: 100);

        Assert.True(total > 0);
        Assert.Equal(0, allocated);
    }

    private static bool IsDiagnosesCounter(Instrument instrument) =>
        instrument.Meter.Name == SmtpFailureMetrics.MeterName && instrument.Name == SmtpFailureMetrics.DiagnosesCounterName;

    private static void Subscribe(Instrument instrument, MeterListener listener)
    {
        if (IsDiagnosesCounter(instrument))
            listener.EnableMeasurementEvents(instrument);
    }

    /// <summary>Records every measurement of the diagnoses counter with its tags.</summary>
    private sealed class DiagnosisCounter : IDisposable
    {
        private readonly MeterListener _listener = new();

        public DiagnosisCounter()
        {
            // The meter is made with the class: made now, its counter is published to the listener below even when nothing was logged yet.
            RuntimeHelpers.RunClassConstructor(typeof(SmtpFailureMetrics).TypeHandle);
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                Subscribe(instrument, listener);
                if (IsDiagnosesCounter(instrument))
                    Instrument = instrument;
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
                Measurements.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
            _listener.Start();
        }

        public Instrument? Instrument { get; private set; }

        public List<(long Value, Dictionary<string, object?> Tags)> Measurements { get; } = [];

        public long Count(string kind, bool relayBlock) =>
            Measurements.Where(m => Equals(m.Tags["kind"], kind) && Equals(m.Tags["relay_block"], relayBlock)).Sum(m => m.Value);

        public void Dispose() => _listener.Dispose();
    }
}
