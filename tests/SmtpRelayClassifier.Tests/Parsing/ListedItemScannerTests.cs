using System;
using SmtpRelayClassifier.Parsing;
using Xunit;

namespace SmtpRelayClassifier.Tests.Parsing;

public class ListedItemScannerTests
{
    [Theory]
    // Postfix's default_rbl_reply (postconf(5)) filled for an IPv6 client, RFC 5321's "IPv6:" address literal, and ZoneMTA's table.
    [InlineData("Client host [2001:db8::25] blocked using zen.spamhaus.org", "zen.spamhaus", "2001:db8::25")]
    [InlineData("Client host [IPv6:2001:db8::7] blocked using zen.spamhaus.org", "zen.spamhaus", "2001:db8::7")]
    [InlineData("[hostname] [11.2.3.4]:24706 is in an RBL: Blocked - see https://www.spamcop.net/bl.shtml?1.2.3.4", "spamcop", "1.2.3.4")]
    [InlineData(":127.0.0.4:Client host 11.22.33.44 blocked using 87.blocklist.zap", "blocklist", "11.22.33.44")]
    // The three shapes of RFC 4291 §2.2: eight groups, "::" for a run of zero groups, six groups and an IPv4 tail.
    [InlineData("Client host [2001:db8:0:0:8:800:200c:417a] blocked using zen.spamhaus.org", "zen.spamhaus", "2001:db8:0:0:8:800:200c:417a")]
    [InlineData("Client host [0:0:0:0:0:ffff:198.51.100.7] blocked using zen.spamhaus.org", "zen.spamhaus", "0:0:0:0:0:ffff:198.51.100.7")]
    public void TryFindIp_ReplyWithAnAddress_FindsTheOneNearestTheList(string text, string list, string ip)
    {
        int at = text.IndexOf(list, StringComparison.Ordinal);

        Assert.True(ListedItemScanner.TryFindIp(text, new Range(at, at + list.Length), out var range));
        Assert.Equal(ip, text[range]);
    }

    [Theory]
    // Enhanced codes, times and the loopback answer codes of DNS lists are no listed address.
    [InlineData("550 5.7.1 at 11:59:39 listed (127.0.0.2) in zen.spamhaus.org")]
    [InlineData("554 5.7.1 1.2.3.4.5 blocked using zen.spamhaus.org")]
    [InlineData("Dec  2 10:23:45 mx postfix/smtpd[812]: blocked using zen.spamhaus.org")]
    [InlineData("blocked using zen.spamhaus.org at 2026-12-02T10:23:45:123")]
    public void TryFindIp_TextWithoutAnAddress_FindsNone(string text)
    {
        Assert.False(ListedItemScanner.TryFindIp(text, new Range(0, 1), out _));
    }

    [Fact]
    public void TryFindDomain_DblReply_SkipsTheListsOwnHostsAndLocalParts()
    {
        // ZoneMTA's bounce table (zone-eu/zone-mta: config/bounces.txt).
        const string text = "Sender address [first.last@example.com] blocked using dbl.spamhaus.org; https://www.spamhaus.org/query/domain/example.com";
        int at = text.IndexOf("dbl.spamhaus", StringComparison.Ordinal);

        Assert.True(ListedItemScanner.TryFindDomain(text, new Range(at, at + 12), "spamhaus", out var range));
        Assert.Equal("example.com", text[range]);
    }
}
