using System;
using Xunit;

namespace SmtpRelayClassifier.Tests.Logging;

public class RedactedExceptionTests
{
    private static Exception Thrown(string message)
    {
        try
        {
            throw new InvalidOperationException(message, new FormatException("\"erin x\"@example.org is not valid"));
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }

    [Fact]
    public void ToString_IsTheOriginalsWithEveryAddressMasked()
    {
        var original = Thrown("5.1.1 <bob@example.org>: Recipient address rejected");

        var redacted = new RedactedException(original);

        Assert.Equal(original.ToString().Replace("bob@", "b***@", StringComparison.Ordinal).Replace("\"erin x\"@", "\"e***\"@", StringComparison.Ordinal), redacted.ToString());
        Assert.StartsWith("System.InvalidOperationException: 5.1.1 <b***@example.org>", redacted.ToString(), StringComparison.Ordinal);
        Assert.Contains(nameof(Thrown), redacted.StackTrace, StringComparison.Ordinal);
        Assert.Equal(original.HResult, redacted.HResult);
        var inner = Assert.IsType<RedactedException>(redacted.InnerException);
        Assert.Equal("System.FormatException", inner.OriginalTypeName);
        Assert.Equal("\"e***\"@example.org is not valid", inner.Message);
    }

    [Fact]
    public void Constructor_NullOriginal_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new RedactedException(null!));

        Assert.Equal("original", e.ParamName);
    }
}
