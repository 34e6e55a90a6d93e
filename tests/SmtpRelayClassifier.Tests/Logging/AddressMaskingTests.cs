using System;
using Xunit;

namespace SmtpRelayClassifier.Tests.Logging;

public class AddressMaskingTests
{
    [Fact]
    public void Redact_MasksTheMailboxAndTheAddressesInTheReply()
    {
        var diagnosis = SmtpFailureClassifier.Default.Classify("550 5.1.1 <\"erin x\"@example.org>: Recipient address rejected: User unknown",
            new SmtpFailureContext { Stage = SmtpStage.Rcpt }) with { Mailbox = "\"erin x\"@example.org" };

        var redacted = AddressMasking.Redact(diagnosis);

        Assert.Equal("\"e***\"@example.org", redacted.Mailbox);
        Assert.Equal("<\"e***\"@example.org>: Recipient address rejected: User unknown", redacted.ReplyText);
        Assert.Equal(diagnosis.Kind, redacted.Kind);
    }

    [Fact]
    public void MaskAddresses_AndMaskAddress_MaskLikeTheLogs()
    {
        Assert.Equal("RCPT TO:<d***@[192.0.2.1]>", AddressMasking.MaskAddresses("RCPT TO:<dave@[192.0.2.1]>"));
        Assert.Equal("f***@[IPv6:2001:db8::1]", AddressMasking.MaskAddress("frank@[IPv6:2001:db8::1]"));
    }

    [Fact]
    public void NullArguments_ThrowNamingThem()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => AddressMasking.MaskAddresses(null!)).ParamName);
        Assert.Equal("address", Assert.Throws<ArgumentNullException>(() => AddressMasking.MaskAddress(null!)).ParamName);
        Assert.Equal("diagnosis", Assert.Throws<ArgumentNullException>(() => AddressMasking.Redact(null!)).ParamName);
    }
}
