using System;
using System.Diagnostics;
using System.Text;
using SmtpRelayClassifier.Parsing;
using Xunit;
using Xunit.Abstractions;

namespace SmtpRelayClassifier.Tests.Model;

public class AddressRedactorTests(ITestOutputHelper output)
{
    // RFC 5321 §4.1.2 (Mailbox, Local-part, Dot-string, Quoted-string, address-literal), §4.1.3 (IPv4, IPv6 and general
    // literals), RFC 6531 §3.3 (UTF-8 local parts and domains), and the places replies and logs put addresses.
    [Theory]
    [InlineData("bob@example.org", "b***@example.org")]
    [InlineData("BOB@EXAMPLE.ORG", "B***@EXAMPLE.ORG")]
    [InlineData("bob.smith+tag@mail.example.org", "b***@mail.example.org")]
    [InlineData("!#$%&'*+-/=?^_`{|}~x@example.org", "!***@example.org")]
    [InlineData("\"erin x\"@example.org", "\"e***\"@example.org")]
    [InlineData("\"erin \\\"the\\\" x\"@example.org", "\"e***\"@example.org")]
    [InlineData("\"\\\"quoted\"@example.org", "\"\"***\"@example.org")]
    [InlineData("\"a@b\"@example.org", "\"a***\"@example.org")]
    [InlineData("dave@[192.0.2.1]", "d***@[192.0.2.1]")]
    [InlineData("frank@[IPv6:2001:db8::1]", "f***@[IPv6:2001:db8::1]")]
    [InlineData("gina@[x-tag:some.content]", "g***@[x-tag:some.content]")]
    [InlineData("jörg@bücher.example", "j***@bücher.example")]
    [InlineData("用户@例子.广告", "用***@例子.广告")]
    [InlineData("𝒳mira@example.org", "𝒳***@example.org")]
    public void MaskAll_EveryAddressForm_KeepsOnlyTheFirstCharacterOfTheLocalPart(string address, string masked)
    {
        Assert.Equal(masked, AddressRedactor.MaskAll(address));
        Assert.Equal(masked, AddressRedactor.Mask(address));
        Assert.Equal($"550 5.1.1 <{masked}>: Recipient address rejected", AddressRedactor.MaskAll($"550 5.1.1 <{address}>: Recipient address rejected"));
    }

    [Theory]
    [InlineData("RCPT TO:<bob@example.org>", "RCPT TO:<b***@example.org>")]
    [InlineData("MAIL FROM:<\"erin x\"@example.org> SIZE=100", "MAIL FROM:<\"e***\"@example.org> SIZE=100")]
    [InlineData("rcpt to:dave@[192.0.2.1]", "rcpt to:d***@[192.0.2.1]")]
    [InlineData("write to mailto:bob@example.org.", "write to mailto:b***@example.org.")]
    [InlineData("(bob@example.org), carol@example.com; dave@[192.0.2.1]>", "(b***@example.org), c***@example.com; d***@[192.0.2.1]>")]
    [InlineData("to=<carol@example.org>, orig_to=<ann@example.org>", "to=<c***@example.org>, orig_to=<a***@example.org>")]
    [InlineData("Sorry, \"bob@example.org\" is unknown", "Sorry, \"b***@example.org\" is unknown")]
    [InlineData("He said \"hi\" to bob@example.org", "He said \"hi\" to b***@example.org")]
    [InlineData("unknown user: ...bob@example.org", "unknown user: ...b***@example.org")]
    [InlineData("«jörg@bücher.example»", "«j***@bücher.example»")]
    public void MaskAll_AddressesInContext_MasksEachAndKeepsTheRest(string text, string masked)
    {
        Assert.Equal(masked, AddressRedactor.MaskAll(text));
    }

    [Theory]
    [InlineData("@")]
    [InlineData("@@@")]
    [InlineData("x@")]
    [InlineData("user@ example.org")]
    [InlineData("@example.org")]
    [InlineData("see @bob on chat")]
    [InlineData("\"\"")]
    [InlineData("dave@[]")]
    [InlineData("dave@[192.0.2.1")]
    [InlineData("dave@-example.org")]
    [InlineData("550 5.7.1 Relay access denied")]
    public void MaskAll_TextWithoutAnAddress_IsReturnedAsIs(string text)
    {
        Assert.Same(text, AddressRedactor.MaskAll(text));
    }

    [Fact]
    public void MaskAll_SeveralAddressesInOneLine_MasksEveryOne()
    {
        string masked = AddressRedactor.MaskAll("from <alice@example.com> to <bob@example.org>, \"erin x\"@example.org and dave@[192.0.2.1]");

        Assert.Equal("from <a***@example.com> to <b***@example.org>, \"e***\"@example.org and d***@[192.0.2.1]", masked);
    }

    [Fact]
    public void Mask_TextThatIsNotAnAddress_HidesAllButTheDomain()
    {
        Assert.Equal("***", AddressRedactor.Mask("bob"));
        Assert.Equal("b***@", AddressRedactor.Mask("bob@"));
        Assert.Equal("@example.org", AddressRedactor.Mask("@example.org"));
    }

    // Texts of 1 MiB built to make a scanner that looks back or ahead without bound do quadratic work.
    [Theory]
    [InlineData("a@")]
    [InlineData("\"@")]
    [InlineData("\"\\")]
    [InlineData("\\\"")]
    [InlineData("a@[")]
    [InlineData("\"a\"@[1")]
    [InlineData("x@y")]
    [InlineData("@\"[")]
    [InlineData("a.")]
    public void MaskAll_OneMebibyteOfAtQuotesAndBrackets_TakesLinearTime(string unit)
    {
        var builder = new StringBuilder(1 << 20);
        while (builder.Length < 1 << 20)
            builder.Append(unit);
        string text = builder.ToString();
        AddressRedactor.MaskAll(text[..1000]);

        var watch = Stopwatch.StartNew();
        string masked = AddressRedactor.MaskAll(text);
        watch.Stop();

        output.WriteLine($"{text.Length} characters of '{unit}' masked in {watch.Elapsed.TotalMilliseconds:F1} ms");
        Assert.NotEqual(0, masked.Length);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{unit}: {watch.Elapsed.TotalMilliseconds} ms");
    }
}
