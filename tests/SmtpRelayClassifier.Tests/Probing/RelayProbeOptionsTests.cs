using System;
using System.Threading.Tasks;
using MailKit.Security;
using SmtpRelayClassifier.Probing;
using Xunit;

namespace SmtpRelayClassifier.Tests.Probing;

public class RelayProbeOptionsTests
{
    [Fact]
    public void Defaults_ArePinned()
    {
        var options = new RelayProbeOptions { Host = "smtp.example.net", Sender = "a@example.com", ExternalRecipient = "b@external.example" };

        Assert.Equal([587, 465, 25], options.Ports);
        Assert.Equal(TimeSpan.FromSeconds(10), options.StepTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.TotalTimeout);
        Assert.Null(options.Credentials);
        Assert.Null(options.SecondSender);
        Assert.Null(options.LocalRecipient);
        Assert.Null(options.LocalAddress);
        Assert.Null(options.HeloName);
        Assert.Null(options.PinnedCertificateSha256);
        Assert.Null(options.ClientIsOutsider);
        Assert.Equal(65_536, options.MaxReplyBytes);
        Assert.Equal(1_000, options.MaxReplyLines);
        Assert.Equal(2_000, options.MaxTranscriptLines);
        Assert.Equal(SecureSocketOptions.SslOnConnect, options.SecurityFor(465));
        Assert.Equal(SecureSocketOptions.StartTlsWhenAvailable, options.SecurityFor(587));
        Assert.Equal(SecureSocketOptions.StartTlsWhenAvailable, options.SecurityFor(25));
    }

    [Theory]
    [InlineData("", "a@example.com", "b@external.example", "Host")]
    [InlineData("h", "not-an-address", "b@external.example", "Sender")]
    [InlineData("h", "a@example.com", "", "ExternalRecipient")]
    [InlineData("h", "a@example.com", "b@external.example\r\nDATA", "ExternalRecipient")]
    public void Validate_BadOption_ThrowsArgumentExceptionNamingIt(string host, string sender, string recipient, string name)
    {
        var options = new RelayProbeOptions { Host = host, Sender = sender, ExternalRecipient = recipient };

        var e = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(name, e.ParamName);
    }

    // A CR or LF would end the command and start one the caller never chose (DATA); any control character or space
    // changes the command it is sent in.
    [Theory]
    [InlineData("HeloName", "probe.example\r\nDATA")]
    [InlineData("HeloName", "probe example")]
    [InlineData("HeloName", "probe.example\0")]
    [InlineData("Host", "127.0.0.1\r\nDATA")]
    [InlineData("Host", "smtp.example.net\t")]
    [InlineData("Sender", "a@example.com\nDATA")]
    [InlineData("Sender", "a@example.com> SIZE=1")]
    [InlineData("ExternalRecipient", "b@external.example\u0085")]
    [InlineData("LocalRecipient", "c@example.com\r\nRSET")]
    [InlineData("Sender", "erin x@example.com")]
    [InlineData("Sender", "\"erin\r\nDATA\"@example.com")]
    public void Validate_WireOptionWithAControlCharacter_ThrowsArgumentExceptionNamingIt(string name, string value)
    {
        var options = With(name, value);

        var e = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(name, e.ParamName);
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }

    // RFC 5321 §4.1.2: a quoted local part may hold spaces and escaped quotes; they stay inside the one argument.
    [Theory]
    [InlineData("Sender", "\"erin x\"@example.com")]
    [InlineData("ExternalRecipient", "\"a \\\" b\"@external.example")]
    public void Validate_QuotedLocalPartWithASpace_IsAccepted(string name, string value)
    {
        With(name, value).Validate();
    }

    [Theory]
    [InlineData("MaxReplyBytes", 100)]
    [InlineData("MaxReplyLines", 0)]
    [InlineData("MaxTranscriptLines", 5)]
    public void Validate_BoundOutOfRange_ThrowsArgumentExceptionNamingIt(string name, int value)
    {
        var options = new RelayProbeOptions
        {
            Host = "h", Sender = "a@example.com", ExternalRecipient = "b@external.example",
            MaxReplyBytes = name == "MaxReplyBytes" ? value : 65_536,
            MaxReplyLines = name == "MaxReplyLines" ? value : 1_000,
            MaxTranscriptLines = name == "MaxTranscriptLines" ? value : 2_000,
        };

        Assert.Equal(name, Assert.Throws<ArgumentException>(options.Validate).ParamName);
    }

    internal static RelayProbeOptions With(string name, string value) => new()
    {
        Host = name == "Host" ? value : "127.0.0.1",
        HeloName = name == "HeloName" ? value : "probe.example",
        Sender = name == "Sender" ? value : "a@example.com",
        ExternalRecipient = name == "ExternalRecipient" ? value : "b@external.example",
        LocalRecipient = name == "LocalRecipient" ? value : null,
    };

    [Fact]
    public void Validate_SecondSenderWithoutCredentials_IsRefused()
    {
        var options = new RelayProbeOptions { Host = "h", Sender = "a@example.com", ExternalRecipient = "b@external.example", SecondSender = "c@example.com" };

        Assert.Equal("SecondSender", Assert.Throws<ArgumentException>(options.Validate).ParamName);
    }

    [Fact]
    public void Validate_PortOutOfRange_IsRefused()
    {
        var options = new RelayProbeOptions { Host = "h", Sender = "a@example.com", ExternalRecipient = "b@external.example", Ports = [25, 70000] };

        Assert.Contains("70000", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_NullOptions_ThrowsArgumentNull()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => new SmtpRelayProber().ProbeAsync(null!));
    }
}
