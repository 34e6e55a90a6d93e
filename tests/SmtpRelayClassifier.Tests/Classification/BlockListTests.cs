using Xunit;

namespace SmtpRelayClassifier.Tests.Classification;

public class BlockListTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    // Replies from ZoneMTA's bounce table (zone-eu/zone-mta: config/bounces.txt), as in Corpus/vendors.tsv.
    [Theory]
    [InlineData("550 5.7.1 11.22.33.44 has been blocked by zen.spamhaus.org", "Spamhaus ZEN", "11.22.33.44")]
    [InlineData("554 5.7.1 mta.example.com[11.22.33.44] blocked using zen.spamhaus.org. Please see https://www.spamhaus.org/query/ip/11.22.33.44", "Spamhaus ZEN", "11.22.33.44")]
    [InlineData("550 5.7.107 The IP address was rejected by the sbl.spamhaus.org RBL.", "Spamhaus SBL", null)]
    [InlineData("550 5.2.1 Mailbox unavailable. Your IP address 11.22.33.44 is blacklisted using SPAMHAUS-XBL. Details: https://www.spamhaus.org/query/ip/11.22.33.44.", "Spamhaus XBL", "11.22.33.44")]
    [InlineData("550 5.7.0 Your server IP address is in the SpamHaus SBL-XBL database, bye", "Spamhaus SBL-XBL", null)]
    [InlineData("554 mx.recipient.com bizsmtp IB105. Connection refused. 11.22.33.44 is listed on the Exploits Block List (XBL) <http://www.spamhaus.org/query/ip/11.22.33.44> Please visit http://www.spamhaus.org/xbl/ for more information.", "Spamhaus XBL", "11.22.33.44")]
    [InlineData("550 Email blocked by SPAMHAUS", "Spamhaus", null)]
    [InlineData("550-\"JunkMail rejected - [hostname] [11.2.3.4]:24706 is in an RBL: Blocked - see https://www.spamcop.net/bl.shtml?1.2.3.4\"", "SpamCop", "1.2.3.4")]
    [InlineData("554 5.7.1 Service unavailable; Client host [1.2.3.4] blocked using b.barracudacentral.org; http://www.barracudanetworks.com/reputation/?pr=1&ip=45.55.44.239", "Barracuda BRBL", "1.2.3.4")]
    [InlineData("554-Service unavailable; Client host [mta.example.com] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?r=1&ip=1.2.3.4", "Barracuda BRBL", "1.2.3.4")]
    [InlineData("454 4.7.1 Service unavailable; Client host [1.2.3.4] blocked using dnsbl.sorbs.net; Currently Sending Spam See: http://www.sorbs.net/lookup.shtml?1.2.3.4", "SORBS", "1.2.3.4")]
    [InlineData("550 5.5.4 ETP208 Your IP 1.2.3.4 is listed by Invaluement. Please see http://www.invaluement.com/research/ if you feel this is in error - B15601640DCD26CE53bc5f8c6", "Invaluement ivmSIP", "1.2.3.4")]
    [InlineData("554 *.terra.com cmsmtp 5.7.1 Service unavailable; Client host [1.2.3.4] blocked using cm-csi-v11; Cloudmark Poor Reputation Sender Blacklist http://csi.cloudmark.com/reset-request/?ip=1.2.3.4", "Cloudmark CSI", "1.2.3.4")]
    [InlineData("554 Blocked - see https://ipcheck.proofpoint.com/?ip=1.2.3.4", "Proofpoint Dynamic Reputation", "1.2.3.4")]
    [InlineData("550 csi.mimecast.org Poor Reputation Sender. - https://community.mimecast.com/docs/DOC-1369#550 [vH7Ns8biNg-p6EfZ0QaVMQ.us149]", "Mimecast reputation", null)]
    [InlineData("550 5.7.1 Unfortunately, messages from [1.2.3.4] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer", "Outlook.com block list", "1.2.3.4")]
    // A DNS list's answer code (127.0.0.4) is never the listed address.
    [InlineData("550 5.7.1 :127.0.0.4:Client host 11.22.33.44 blocked using 87.blocklist.zap; Mail from IP banned. To request removal from this list please visit http://www.spamhaus.org/query/bl?ip=11.22.33.44", "Spamhaus", "11.22.33.44")]
    // Trend Micro's FAQ on messages blocked by ERS (success.trendmicro.com/solution/1097055).
    [InlineData("550 Service unavailable; Client host [192.0.2.10] blocked using Trend Micro RBL+.\nPlease see http://www.mail-abuse.com/cgi-bin/lookup?ip_address=192.0.2.10", "Trend Micro ERS", "192.0.2.10")]
    // The Postfix-based spamilter's reply naming UCEPROTECT (nkhorman/spamilter: src/hndlrs.c).
    [InlineData("550 5.7.1 Rejecting due to security policy - DNSBL, Please see: http://www.somedomain.com/policy.html#dnsbl and http://www.uceprotect.net/en/index.php?m=3&s=3", "UCEPROTECT", null)]
    // KumoMTA's community bounce table (KumoCorp/kumomta: assets/community/bounces.toml).
    [InlineData("550 Blocked by ivmSIP", "Invaluement ivmSIP", null)]
    // Gmail's SMTP error list (support.google.com/a/answer/3726730).
    [InlineData("421 4.7.0 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily blocked.", "Gmail IP reputation", null)]
    public void Classify_ReplyNamingABlockList_CarriesTheListAndWhatItLists(string reply, string name, string? listed)
    {
        var diagnosis = Classifier.Classify(reply);

        Assert.Equal(name, diagnosis.BlockList?.Name);
        Assert.Equal(listed, diagnosis.ListedItem);
    }

    [Fact]
    public void Classify_SpamhausDblReply_ListsTheSenderDomain()
    {
        // ZoneMTA's bounce table (zone-eu/zone-mta: config/bounces.txt).
        var diagnosis = Classifier.Classify(
            "554 5.7.1 Service unavailable; Sender address [user@example.com] blocked using dbl.spamhaus.org; https://www.spamhaus.org/query/domain/example.com");

        Assert.Equal("Spamhaus DBL", diagnosis.BlockList?.Name);
        Assert.Equal(BlockListKind.Domain, diagnosis.BlockList?.Lists);
        Assert.Equal("dbl.spamhaus.org", diagnosis.BlockList?.Zone);
        Assert.Equal("example.com", diagnosis.ListedItem);
    }

    [Fact]
    public void Classify_PostfixRblReplyForAnIPv6Client_ListsTheIPv6Address()
    {
        // Postfix's default_rbl_reply (postconf(5)): "$rbl_code Service unavailable; $rbl_class [$rbl_what] blocked using $rbl_domain".
        var diagnosis = Classifier.Classify("554 5.7.1 Service unavailable; Client host [2001:db8::25] blocked using zen.spamhaus.org");

        Assert.Equal("Spamhaus ZEN", diagnosis.BlockList?.Name);
        Assert.Equal("2001:db8::25", diagnosis.ListedItem);
        Assert.Equal(new System.Uri("https://check.spamhaus.org/"), diagnosis.BlockList?.DelistingPage);
    }

    [Fact]
    public void Classify_SpamCopThroughMimecast_NamesSpamCop()
    {
        // Word to the Wise on Mimecast's replies (wordtothewise.com/2018/07/who-are-mimecast).
        var diagnosis = Classifier.Classify("spamcop.mimecast.org Blocked - see http://www.spamcop.net/bl.shtml?192.0.2.10. - https://community.mimecast.com/docs/DOC-1369#550");

        Assert.Equal("SpamCop", diagnosis.BlockList?.Name);
        Assert.Equal("192.0.2.10", diagnosis.ListedItem);
    }

    [Theory]
    // Postfix's virtual(8) refusal and Gmail's unknown-account reply (support.google.com/a/answer/3726730).
    [InlineData("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table")]
    [InlineData("550 5.1.1 The email account that you tried to reach does not exist.")]
    public void Classify_ReplyNamingNoList_HasNoBlockList(string reply)
    {
        var diagnosis = Classifier.Classify(reply);

        Assert.Null(diagnosis.BlockList);
        Assert.Null(diagnosis.ListedItem);
    }
}
