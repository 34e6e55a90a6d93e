using SmtpRelayClassifier.Parsing;
using Xunit;

namespace SmtpRelayClassifier.Tests.Parsing;

public class UrlScannerTests
{
    [Theory]
    // ZoneMTA's bounce table (zone-eu/zone-mta: config/bounces.txt): closing brackets, quotes and full stops end a link.
    [InlineData("554 5.7.1 You are sending spam (check http://www.spamhaus.org/query/bl?ip=11.22.33.44)", "http://www.spamhaus.org/query/bl?ip=11.22.33.44")]
    [InlineData("554 5.7.1 SORBS DNSBL Entry - see <http://www.us.sorbs.net/lookup.shtml?1.2.3.4>", "http://www.us.sorbs.net/lookup.shtml?1.2.3.4")]
    [InlineData("550-\"JunkMail rejected - [hostname] [11.2.3.4]:24706 is in an RBL: Blocked - see https://www.spamcop.net/bl.shtml?1.2.3.4\"", "https://www.spamcop.net/bl.shtml?1.2.3.4")]
    [InlineData("591 your host [1.2.3.4] is blacklisted by dnsbl.sorbs.net. Currently Sending Spam See: http://www.sorbs.net/lookup.shtml?1.2.3.4. Send your questions", "http://www.sorbs.net/lookup.shtml?1.2.3.4")]
    [InlineData("550 5.7.1 Your IP address is listed by HTTPS://spamhaus.org/zen, correct this", "HTTPS://spamhaus.org/zen")]
    public void TryFind_ReplyWithALink_FindsItWithoutTrailingPunctuation(string text, string link)
    {
        Assert.True(UrlScanner.TryFind(text, out var range));
        Assert.Equal(link, text[range]);
    }

    [Theory]
    [InlineData("550 5.7.1 Blocked - see www.spamhaus.org")]
    [InlineData("550 see http:// for more")]
    [InlineData("550 xhttps://example.com is not a link start")]
    public void TryFind_TextWithoutAWellFormedLink_FindsNone(string text)
    {
        Assert.False(UrlScanner.TryFind(text, out _));
    }
}
