using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SmtpRelayClassifier.Scanning;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Scanning;

/// <summary>What the bounce reader logs while it reads.</summary>
public partial class BounceReaderTests
{
    [Fact]
    public async Task Mbox_WithLogger_LogsEachMessageReadWithItsFailures()
    {
        var logger = new FakeLogger();
        await using var stream = File.OpenRead(Fixture("bounces.mbox"));

        var failures = await ReadMboxAsync(new BounceReader(logger: logger), stream);

        var read = logger.Entries.Where(e => e.EventId == SmtpFailureEventIds.BounceRead).ToList();
        Assert.All(read, e => Assert.Equal(LogLevel.Debug, e.Level));
        Assert.Equal([1L, 2L, 3L], read.Select(e => (long?)e.Properties["MessageNumber"]));
        Assert.Equal(failures.Count, read.Sum(e => (int)e.Properties["FailureCount"]!));
        Assert.Contains(read, e => (int)e.Properties["FailureCount"]! == 0);
        Assert.Equal(failures.Count(f => f.IsDeliveryStatusReport), read.Where(e => (bool)e.Properties["IsDeliveryStatusReport"]!).Sum(e => (int)e.Properties["FailureCount"]!));
    }

    [Fact]
    public async Task Mbox_WithLogger_LogsTheMessageReadPastWithItsNumberAndReason()
    {
        var logger = new FakeLogger();

        await ReadMboxAsync(new BounceReader(logger: logger), MboxWithUnreadable(count: 5, unreadable: 3));

        var skipped = Assert.Single(logger.Entries, e => e.EventId == SmtpFailureEventIds.BounceSkipped);
        Assert.Equal(LogLevel.Information, skipped.Level);
        Assert.Equal(4L, skipped.Properties["MessageNumber"]);
        Assert.Equal(SkipReason.UnreadableMessage, skipped.Properties["Reason"]);
        Assert.Equal(4, logger.Entries.Count(e => e.EventId == SmtpFailureEventIds.BounceRead));
    }
}
