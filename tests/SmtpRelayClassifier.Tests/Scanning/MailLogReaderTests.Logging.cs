using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SmtpRelayClassifier.Scanning;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Scanning;

/// <summary>What the mail log reader logs, and the classifier it is given.</summary>
public partial class MailLogReaderTests
{
    [Theory]
    [InlineData(1024, 5000)]            // longer than the limit, shorter than the read buffer
    [InlineData(1 << 18, 3 << 18)]      // longer than the buffer at its largest: read past in pieces
    public async Task WithLogger_LogsTheLineReadPastThenTheCountsOfTheRead(int limit, int length)
    {
        string log = new string('x', length) + " status=bounced (host x said: 550 5.1.1 User unknown)\n" + PostfixLog;
        var logger = new FakeLogger();
        var reader = new MailLogReader(options: new MailLogReaderOptions { MaxLineLength = limit }, logger: logger);

        var failures = await ReadAsync(reader, Encoding.UTF8.GetBytes(log));

        var skipped = Assert.Single(logger.Entries, e => e.EventId == SmtpFailureEventIds.LogLineSkipped);
        Assert.Equal(LogLevel.Information, skipped.Level);
        Assert.Equal(1L, skipped.Properties["LineNumber"]);
        Assert.Equal(SkipReason.LineTooLong, skipped.Properties["Reason"]);
        var read = logger.Entries[^1];
        Assert.Equal(SmtpFailureEventIds.LogRead, read.EventId);
        Assert.Equal(LogLevel.Debug, read.Level);
        Assert.Equal((long)log.Count(c => c == '\n'), read.Properties["LineCount"]);
        Assert.Equal((long)failures.Count, read.Properties["FailureCount"]);
        Assert.Equal(1L, read.Properties["SkippedCount"]);
    }

    [Fact]
    public async Task AnotherClassifier_ClassifiesEachFailureLineAsThePackagesDoes()
    {
        var classifier = new CountingClassifier(SmtpFailureClassifier.Default);
        var expected = await ReadAsync(PostfixLog);

        var failures = await ReadAsync(new MailLogReader(classifier), Encoding.UTF8.GetBytes(PostfixLog));

        Assert.Equal(expected.Count, classifier.Calls);
        Assert.Equal(
            expected.Select(f => (f.LineNumber, f.Diagnosis.Kind, f.Diagnosis.IsRelayBlock, f.Diagnosis.Stage, f.Diagnosis.EnhancedStatusCode, f.RemoteHost, f.Recipient)),
            failures.Select(f => (f.LineNumber, f.Diagnosis.Kind, f.Diagnosis.IsRelayBlock, f.Diagnosis.Stage, f.Diagnosis.EnhancedStatusCode, f.RemoteHost, f.Recipient)));
    }

    /// <summary>A classifier of the application's own that hands each call to the package's and counts the calls.</summary>
    private sealed class CountingClassifier(ISmtpFailureClassifier inner) : ISmtpFailureClassifier
    {
        private int _calls;

        public int Calls => _calls;

        public RelayBlockDiagnosis Classify(ReadOnlySpan<char> reply, SmtpFailureContext context = default) => Counted(inner.Classify(reply, context));

        public RelayBlockDiagnosis Classify(ReadOnlySpan<byte> reply, SmtpFailureContext context = default) => Counted(inner.Classify(reply, context));

        public RelayBlockDiagnosis Classify(string reply, SmtpFailureContext context = default) => Counted(inner.Classify(reply, context));

        public RelayBlockDiagnosis Classify(Exception exception, SmtpFailureContext context = default) => Counted(inner.Classify(exception, context));

        public RelayBlockDiagnosis Classify(OutlookHResult hresult, string? serverResponse = null, SmtpFailureContext context = default) =>
            Counted(inner.Classify(hresult, serverResponse, context));

        public RelayBlockDiagnosis Classify(OutlookErrorDialog dialog) => Counted(inner.Classify(dialog));

        public SmtpFailureKind ClassifyKind(ReadOnlySpan<char> reply, SmtpFailureContext context = default)
        {
            System.Threading.Interlocked.Increment(ref _calls);
            return inner.ClassifyKind(reply, context);
        }

        private RelayBlockDiagnosis Counted(RelayBlockDiagnosis diagnosis)
        {
            System.Threading.Interlocked.Increment(ref _calls);
            return diagnosis;
        }
    }
}
