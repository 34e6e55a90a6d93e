using System;
using Xunit;

namespace SmtpRelayClassifier.Tests.Classification;

public class HelpLinkTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Theory]
    // ZoneMTA's bounce table (zone-eu/zone-mta: config/bounces.txt): the sentence's full stop and the angle brackets are not the link's.
    [InlineData("550 5.2.1 Mailbox unavailable. Your IP address 11.22.33.44 is blacklisted using SPAMHAUS-XBL. Details: https://www.spamhaus.org/query/ip/11.22.33.44.", "https://www.spamhaus.org/query/ip/11.22.33.44")]
    [InlineData("554 mx.recipient.com bizsmtp IB105. Connection refused. 11.22.33.44 is listed on the Exploits Block List (XBL) <http://www.spamhaus.org/query/ip/11.22.33.44> Please visit http://www.spamhaus.org/xbl/ for more information.", "http://www.spamhaus.org/query/ip/11.22.33.44")]
    [InlineData("554 resimta-po-11v.sys.comcast.net resimta-po-11v.sys.comcast.net 1.2.3.4 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000010", "http://postmaster.comcast.net/smtp-error-codes.php#BL000010")]
    [InlineData("550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550", "https://community.mimecast.com/docs/DOC-1369#550")]
    // Yahoo's deferral as the Mailu issue tracker shows it (github.com/Mailu/Mailu/issues/1458).
    [InlineData("421 4.7.0 [TSS04] Messages from 78.225.183.108 temporarily deferred due to user complaints - 4.16.55.1; see https://help.yahoo.com/kb/postmaster/SLN3434.html", "https://help.yahoo.com/kb/postmaster/SLN3434.html")]
    // GMX's refusal (postmaster.gmx.com/en/error-messages).
    [InlineData("554-gmx.net (mxgmx104) Nemesis ESMTP Service not available\n554-No SMTP service\n554-IP address is block listed.\n554 For explanation visit https://postmaster.gmx.net/en/case?c=r0201&i=ip&v=198.51.100.42&r=1MNcgj-1ue23t3pyV-00S2YR", "https://postmaster.gmx.net/en/case?c=r0201&i=ip&v=198.51.100.42&r=1MNcgj-1ue23t3pyV-00S2YR")]
    // Apple's refusal (github.com/minosiants/pencil/issues/57).
    [InlineData("554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137", "https://support.apple.com/en-us/HT204137")]
    public void Classify_ReplyWithALink_CarriesThatLink(string reply, string link)
    {
        var diagnosis = Classifier.Classify(reply);

        Assert.Equal(link, diagnosis.HelpLink?.OriginalString);
        Assert.True(diagnosis.HelpLink!.IsAbsoluteUri);
    }

    [Theory]
    // Exchange Online's NDR table (MicrosoftDocs/OfficeDocs-Support: non-delivery-reports-in-exchange-online.md).
    [InlineData("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain", SmtpStage.Rcpt, "microsoft.", "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online")]
    // Outlook.com's block list reply without its link (sevencreative.co.uk/how-to-remove-yourself-from-the-hotmail-block-list).
    [InlineData("550 5.7.1 Unfortunately, messages from [192.0.2.10] weren't sent.\nPlease contact your Internet service provider since part of their network\nis on our block list (S3150). You can also refer your provider to\n[DB3EUR04FT007.eop-eur04.prod.protection.outlook.com]", SmtpStage.Unknown, "microsoft.consumer-block-list", "https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx")]
    // Gmail's SMTP error list (support.google.com/a/answer/3726730).
    [InlineData("550 5.1.1 The email account that you tried to reach does not exist.", SmtpStage.Rcpt, "google.", "https://support.google.com/a/answer/3726730")]
    // Yahoo's tag for a deferral without its link (ZoneMTA bounce rules' tags [TS01]-[TS03]).
    [InlineData("421 4.7.0 [TS01] Messages from 192.0.2.10 temporarily deferred due to unexpected volume", SmtpStage.Unknown, "yahoo.", "https://senders.yahooinc.com/smtp-error-codes/")]
    // Orange's bilingual refusal with its tag, as in Data/RealReplies.cs (Orange's OFR codes).
    [InlineData("501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405]", SmtpStage.Mail, "orange.", "https://postmaster.orange.fr/")]
    // Apple's refusal without its link (suped.com on Apple's "Message rejected due to local policy").
    [InlineData("550 5.7.1 [CS01] Message rejected due to local policy", SmtpStage.EndOfData, "apple.", "https://support.apple.com/en-us/HT204137")]
    // Comcast's block code (suped.com on Comcast's blocks).
    [InlineData("554 5.1.0 Comcast block for spam (BL000000)", SmtpStage.Unknown, "comcast.", "https://postmaster.comcast.net/smtp-error-codes.php")]
    public void Classify_VendorReplyWithoutALink_CarriesTheVendorsPage(string reply, SmtpStage stage, string rulePrefix, string link)
    {
        var diagnosis = Classifier.Classify(reply, SmtpFailureContext.ForStage(stage));

        Assert.StartsWith(rulePrefix, diagnosis.RuleId, StringComparison.Ordinal);
        Assert.Equal(new Uri(link), diagnosis.HelpLink);
    }

    [Fact]
    public void Classify_GenericReplyWithoutALink_HasNoHelpLink()
    {
        // Postfix's virtual(8) refusal.
        var diagnosis = Classifier.Classify("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table");

        Assert.Null(diagnosis.HelpLink);
    }

    [Fact]
    public void Classify_SameReplyAsCharsAndBytes_CarriesTheSameFindings()
    {
        const string reply = "554 5.7.1 mta.example.com[11.22.33.44] blocked using zen.spamhaus.org. Please see https://www.spamhaus.org/query/ip/11.22.33.44";

        var fromString = Classifier.Classify(reply);
        var fromBytes = Classifier.Classify(System.Text.Encoding.UTF8.GetBytes(reply).AsSpan());

        Assert.Equal(fromString.HelpLink, fromBytes.HelpLink);
        Assert.Equal(fromString.BlockList, fromBytes.BlockList);
        Assert.Equal(fromString.ListedItem, fromBytes.ListedItem);
    }
    [Fact]
    public void HelpLink_OfAReplyLink_IsTheSameUriEachTimeItIsRead()
    {
        // Apple's refusal (github.com/minosiants/pencil/issues/57).
        var diagnosis = Classifier.Classify("554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137");

        var first = diagnosis.HelpLink;

        Assert.Same(first, diagnosis.HelpLink);
        Assert.Equal(new Uri("https://support.apple.com/en-us/HT204137"), first);
    }

    [Fact]
    public void HelpLink_SetWithAWithExpression_ReplacesTheReplysOwnLink()
    {
        var diagnosis = Classifier.Classify("550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550");
        var page = new Uri("https://example.org/help");

        var changed = diagnosis with { HelpLink = page };
        var cleared = diagnosis with { HelpLink = null };

        Assert.Equal(page, changed.HelpLink);
        Assert.Null(cleared.HelpLink);
        Assert.Equal(new Uri("https://community.mimecast.com/docs/DOC-1369#550"), diagnosis.HelpLink);
        Assert.NotEqual(diagnosis, changed);
    }

    [Fact]
    public void HelpLink_OfAReplyLinkThatMakesNoAddress_IsTheVendorsPage()
    {
        // Apple's refusal with a link whose port is out of range: the scanner finds it, no Uri can be made of it.
        const string reply = "554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com:99999999/en-us/HT204137";
        Assert.True(SmtpRelayClassifier.Parsing.UrlScanner.TryFind(reply, out _));

        var diagnosis = Classifier.Classify(reply, SmtpFailureContext.ForStage(SmtpStage.EndOfData));

        Assert.StartsWith("apple.", diagnosis.RuleId, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://support.apple.com/en-us/HT204137"), diagnosis.HelpLink);
    }
}
