using Xunit;

namespace SmtpRelayClassifier.Tests.Logging;

public class SmtpFailureLogOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new SmtpFailureLogOptions();

        Assert.False(options.ShowFullAddresses);
        Assert.False(options.IncludeReplyText);
        Assert.Same(SmtpFailureLogOptions.Default, SmtpFailureLogOptions.Default);
        Assert.False(SmtpFailureLogOptions.Default.ShowFullAddresses);
    }

#pragma warning disable CS0618 // The former name is what is tested.
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void RedactAddresses_IsTheOppositeOfShowFullAddresses(bool redact, bool showFull)
    {
        var options = new SmtpFailureLogOptions { RedactAddresses = redact };

        Assert.Equal(showFull, options.ShowFullAddresses);
        Assert.Equal(redact, options.RedactAddresses);
    }
#pragma warning restore CS0618
}
