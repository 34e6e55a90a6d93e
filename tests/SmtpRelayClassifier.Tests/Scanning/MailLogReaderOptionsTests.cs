using System;
using SmtpRelayClassifier.Scanning;
using Xunit;

namespace SmtpRelayClassifier.Tests.Scanning;

public class MailLogReaderOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new MailLogReaderOptions();

        Assert.False(options.ShowFullAddresses);
        Assert.Equal(1 << 20, options.MaxLineLength);
        Assert.Equal(32 << 20, options.MaxMessageSize);
        Assert.Equal(64 << 10, options.MaxHeaderLength);
        Assert.Null(options.Since);
        Assert.Null(options.Until);
        Assert.Null(options.TimestampReference);
        Assert.Same(MailLogReaderOptions.Default, MailLogReaderOptions.Default);
    }

    [Theory]
    [InlineData(255, 32 << 20, 64 << 10, "MaxLineLength")]
    [InlineData(1 << 20, (64 << 10) - 1, 64 << 10, "MaxMessageSize")]
    [InlineData(1 << 20, (1 << 30) + 1, 64 << 10, "MaxMessageSize")]
    [InlineData(1 << 20, 32 << 20, 1023, "MaxHeaderLength")]
    [InlineData(1 << 20, 32 << 20, (16 << 20) + 1, "MaxHeaderLength")]
    public void OutOfRangeLimit_IsRejectedByBothReaders_NamingIt(int line, int message, int header, string name)
    {
        var options = new MailLogReaderOptions { MaxLineLength = line, MaxMessageSize = message, MaxHeaderLength = header };

        var logs = Assert.Throws<ArgumentException>(() => new MailLogReader(options: options));
        var bounces = Assert.Throws<ArgumentException>(() => new BounceReader(options: options));

        Assert.StartsWith(name, logs.Message, StringComparison.Ordinal);
        Assert.StartsWith(name, bounces.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SinceNotBeforeUntil_IsRejectedByBothReaders_NamingThem()
    {
        var time = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
        var options = new MailLogReaderOptions { Since = time, Until = time };

        var logs = Assert.Throws<ArgumentException>(() => new MailLogReader(options: options));
        var bounces = Assert.Throws<ArgumentException>(() => new BounceReader(options: options));

        Assert.StartsWith("Since", logs.Message, StringComparison.Ordinal);
        Assert.Contains("Until", bounces.Message, StringComparison.Ordinal);
    }

#pragma warning disable CS0618 // The former name is what is tested.
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void RedactAddresses_IsTheOppositeOfShowFullAddresses(bool redact, bool showFull)
    {
        var options = new MailLogReaderOptions { RedactAddresses = redact };

        Assert.Equal(showFull, options.ShowFullAddresses);
        Assert.Equal(redact, options.RedactAddresses);
    }
#pragma warning restore CS0618
}
