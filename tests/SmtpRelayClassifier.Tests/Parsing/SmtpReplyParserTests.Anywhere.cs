using System;
using System.Text;
using SmtpRelayClassifier.Parsing;
using Xunit;

namespace SmtpRelayClassifier.Tests.Parsing;

/// <summary>Codes found wherever they stand in the text, the guards against what only looks like a code, and the code chosen.</summary>
public partial class SmtpReplyParserTests
{
    private static void AssertCodes(string input, int code, string? enhanced)
    {
        Assert.True(SmtpReplyParser.TryParse(input, out var reply), $"not a reply: {input}");
        Assert.Equal(code, reply.Code);
        Assert.Equal(enhanced, reply.EnhancedStatusCode.IsEmpty ? null : reply.EnhancedStatusCode.ToString());
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        if (code != 0)
            Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), input[reply.CodeRange]);
        if (enhanced is not null)
            Assert.Equal(enhanced, input[reply.EnhancedCodeRange]);
#endif

        // The same codes at the same offsets from the UTF-8 bytes of an ASCII text.
        if (Encoding.UTF8.GetByteCount(input) == input.Length)
        {
            Assert.True(SmtpReplyParser.TryParse(Encoding.UTF8.GetBytes(input), out var fromBytes));
            Assert.Equal((reply.Code, reply.EnhancedStatusCode, reply.CodeRange, reply.EnhancedCodeRange),
                (fromBytes.Code, fromBytes.EnhancedStatusCode, fromBytes.CodeRange, fromBytes.EnhancedCodeRange));
        }
    }

    [Theory]
    // Exchange Online NDR page: MicrosoftDocs/OfficeDocs-Support ndr/fix-error-code-550-4-4-7-in-exchange-online.md.
    [InlineData("#550 4.4.7 QUEUE.Expired; message expired ##", 550, "4.4.7")]
    // A reply quoted in an issue: github.com/customeros/mailsherpa/issues/19.
    [InlineData("550 #5.1.0 Address rejected.", 550, "5.1.0")]
    public void TryParse_CodeAfterHash_IsFound(string input, int code, string enhanced) => AssertCodes(input, code, enhanced);

    [Theory]
    // hostingsupport.co.za most-common-mail-error-codes-explained: in parentheses after the reply code.
    [InlineData("550 (5.7.1): Service unavailable: client [192.0.2.10] blocked using bl.spamcop.net", 550, "5.7.1")]
    // Exchange (MicrosoftDocs/OfficeDocs-Support external-user-cannot-send-email-to-distribution-group.md): the code repeated.
    [InlineData("550 550 5.1.1 User unknown (state 14)", 550, "5.1.1")]
    // Barracuda's reply listed at https://smtp.codes/450: a tag between the codes.
    [InlineData("450 cuda_nsu 4.7.1 <email@example.com>: Recipient address rejected: Policy Rejection- Abuse. Go away.", 450, "4.7.1")]
    public void TryParse_EnhancedCodeJustAfterTheReplyCode_IsFound(string input, int code, string enhanced) => AssertCodes(input, code, enhanced);

    [Fact]
    public void TryParse_EnhancedCodeOnALaterLineOnly_IsFound()
    {
        // Cyrus LMTP (cyrusimap/cyrus-imapd imap/lmtp_err.et): only the last line carries the enhanced code.
        const string input = "550-Mailbox unknown.  Either there is no mailbox associated with this\r\n550-name or you do not have authorization to see it.\r\n550 5.1.1 User unknown";

        AssertCodes(input, 550, "5.1.1");
    }

    [Fact]
    public void TryParse_ReplyInsideDoubleQuotesOfAnOutlookReport_IsFound()
    {
        // Outlook's report of a rejected recipient, quoted at https://bazoat.bar/article/i-get-a-550-553-or-relay-prohibited-error-when-sending-email-messages.
        const string input = "The message could not be sent because one of the recipients was rejected by the server. The rejected email address was " +
            "'<jemand@example.com>'. Subject: \"<test>\", account: \"<test>\", server: '<smtp.example.com>', protocol: SMTP, server response: " +
            "'550 <jemand@example.com>... Forwarding Denied', Port: 25, Secure (SSL): No, Server Error: 550, Error Number: 0x800CCC79.";

        AssertCodes(input, 550, null);
    }

    [Theory]
    // Python's smtplib exceptions as applications print them (python/cpython Lib/smtplib.py): the code in a tuple, the text in bytes.
    [InlineData("(535, b'5.7.8 Authentication credentials invalid')", 535, "5.7.8")]
    [InlineData("{'bob@example.org': (550, b'5.1.1 No such user here')}", 550, "5.1.1")]
    // lettre's error text (lettre/lettre src/transport/smtp/error.rs).
    [InlineData("permanent error (535): 5.7.8 Authentication credentials invalid", 535, "5.7.8")]
    // Barracuda's email cache report (campus.barracuda.com essentials email-cache-policies): after a host and a port.
    [InlineData("Rejected (mail.somedomain.com:25:530 5.7.1 Client was not authenticated(at FROM))", 530, "5.7.1")]
    public void TryParse_CodeInsideParenthesesAndQuotes_IsFound(string input, int code, string enhanced) => AssertCodes(input, code, enhanced);

    [Theory]
    // Postfix smtp client, vdukhovni/postfix: postfix/src/smtp/smtp_proto.c ("refused to start TLS").
    [InlineData("TLS is required, but host mx.example.org[192.0.2.25] refused to start TLS: 454 4.7.0 TLS not available due to local problem", 454, "4.7.0")]
    // Postfix smtp client deferral pasted at pastebin (corpus vendors.tsv): the first code is the greeting's; "554 IP=" is T-Online's text.
    [InlineData("host mx01.t-online.de[194.25.134.72] refused to talk to me: 450 4.7.1 [EAB] 554 IP=23.83.222.30 - A problem occurred. " +
        "(Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)", 450, "4.7.1")]
    public void TryParse_CodeAfterHostNameAndAddress_IsFound(string input, int code, string enhanced) => AssertCodes(input, code, enhanced);

    [Theory]
    // Zoho Mail's web client: help.zoho.com community topics unable-to-send-message-reason-550-5-4-6 and issue-with-out.
    [InlineData("Unable to send message;Reason:550 5.4.6 Unusual sending activity detected.", 550, "5.4.6")]
    [InlineData("Unable to connect SMTP server:smtpout.mail.zoho.com Reason:Authentication failed:554 5.1.8 Sender Address Blocked", 554, "5.1.8")]
    // The DSN field of the repository's own Postfix bounce (Data/Bounces/postfix-relay-denied.eml, RFC 3464 §2.3.4).
    [InlineData("Status: 5.7.1", 0, "5.7.1")]
    public void TryParse_CodeAfterFieldLabel_IsFound(string input, int code, string enhanced) => AssertCodes(input, code, enhanced);

    [Fact]
    public void TryParse_CodeAfterTimestampAndLogPrefix_IsFound()
    {
        // Postfix smtpd's reject log line (vdukhovni/postfix: postfix/src/smtpd/smtpd_check.c, log_whatsup), as the repository's Postfix writes it.
        const string input = "Nov 28 01:19:40 mail postfix/smtpd[23841]: NOQUEUE: reject: RCPT from unknown[127.0.0.2]: 554 5.7.1 " +
            "<bob@relaytest.example>: Relay access denied; from=<app@bounces.example> to=<bob@relaytest.example> proto=ESMTP helo=<client.test>";

        AssertCodes(input, 554, "5.7.1");
    }

    [Theory]
    // Outlook's 0x8004210B report: MicrosoftDocs/OfficeDocs-Support Outlook/Client/synchronization/delete-nonexistent-messages.md.
    [InlineData("Task 'user@example.com - Sending' reported error (0x8004210b) : 'The operation timed out waiting for a response from the sending (SMTP) " +
        "server. If you continue to receive this message, contact your server administrator or Internet service provider (ISP). The server " +
        "responded:  550 5.1.0 <> sender rejected.  AUP#O-1580'", 550, "5.1.0")]
    // Exchange Online message trace: learn.microsoft.com/pt-pt/archive/blogs/latam (o365 ... message-filtered-554-5-7-1-client-host-blocked).
    [InlineData("Decision Engine classified the mail item was rejected because of IP Block (from outbound normal IP pools) -> 554 5.7.1 Service " +
        "unavailable; Client host [192.0.2.10] blocked using RBL-Listing; blocked", 554, "5.7.1")]
    public void TryParse_CodeInProseBounce_IsFound(string input, int code, string enhanced) => AssertCodes(input, code, enhanced);

    [Fact]
    public void TryParse_CodeInChineseProse_IsFound()
    {
        // Sina's failure report quoted at https://www.tengxunqiyeyou.com/ (corpus vendors.tsv), with qmail's trailing code.
        const string input = "Failure reply of RCPT to bob@sina.com from 202.106.182.168, 445 服务器拒绝 - server rejected (#4.4.4)";

        AssertCodes(input, 445, "4.4.4");
    }

    [Fact]
    public void TryParse_LocalDeferralQuotingRemoteRejection_ChoosesTheLocalReply()
    {
        // Postfix reject_unverified_recipient with unverified_recipient_reject_code = 450 (smtpd_check.c): the local deferral quotes
        // the remote server's answer to the verification probe.
        const string input = "450 4.1.1 <bob@example.org>: Recipient address rejected: unverified address: host mx.example.org[192.0.2.25] said: " +
            "550 5.1.1 <bob@example.org>: User unknown in virtual mailbox table (in reply to RCPT TO command)";

        AssertCodes(input, 450, "4.1.1");
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal(0..3, SmtpReplyParser.TryParse(input, out var reply) ? reply.CodeRange : default);
        Assert.Equal(4..9, reply.EnhancedCodeRange);
#endif
    }

    [Theory]
    // Submission help page: https://www.catalyst2.com/knowledgebase/server-management/common-smtp-errors/ ("port 587").
    [InlineData("SMTP AUTH is required for message submission on port 587")]
    // qmail-remote.c (notqmail/notqmail): an IP address is not a code.
    [InlineData("Connected to 192.0.2.25 but sender was rejected.")]
    // Postfix smtp client (corpus field.tsv, github.com/.../issues): the address and the port are not codes.
    [InlineData("connect to mx01.mail.icloud.com[17.56.9.17]:25: Operation timed out")]
    // github.com/docusealco/docuseal/issues/93 and sendgrid/docs smtp-errors-and-troubleshooting.md: ports after an address or a host.
    [InlineData("SSL_connect returned=1 errno=0 peeraddr=x.x.x.x:587 state=error: wrong version number")]
    [InlineData("certificate verification failed for smtp.sendgrid.net[198.37.144.225]:587: untrusted issuer /C=US/O=The Go Daddy Group, Inc.")]
    // Mimecast (quoted at wordtothewise.com/2018/07/who-are-mimecast): a number in a URL's fragment.
    [InlineData("Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550")]
    // A delivered recipient's DSN field (RFC 3464): a success code in a field is not a failure code.
    [InlineData("Status: 2.0.0")]
    public void TryParse_NumbersThatAreNotCodes_AreNotAReply(string input)
    {
        Assert.False(SmtpReplyParser.TryParse(input, out var reply), input);
        Assert.Equal((0, true), (reply.Code, reply.EnhancedStatusCode.IsEmpty));
    }

    [Theory]
    // github.com/forwardemail/forwardemail.net/issues/547: a count of milliseconds.
    [InlineData("421 Promise timed out after 15000 milliseconds")]
    // MailEnable (github issue quoted in corpus field.tsv): a date, a time and an IP address.
    [InlineData("451 ESMTP MailEnable Service temporarily refused connection at 11/27/15 11:25:27 from IP (2.13.169.206) because the server is too busy.")]
    // ZoneMTA config/bounces.txt: an IP address in the text and in a URL.
    [InlineData("550 11.22.33.44 blacklisted see http://www.spamhaus.org/query/bl?ip=11.22.33.44")]
    // Exchange's greeting (x13-me/OfficeDocs-Exchange test-smtp-with-telnet.md): a date and a time zone.
    [InlineData("220 mail1.fabrikam.com Microsoft ESMTP MAIL Service ready at Fri, 5 Aug 2016 16:24:41 -0700")]
    // Haraka connection.js: a section number of an RFC.
    [InlineData("501 HELO requires domain/address - see RFC-2821 4.1.1.1")]
    // ZoneMTA config/bounces.txt: a host name with digits, a port.
    [InlineData("550-\"JunkMail rejected - [hostname] [11.2.3.4]:24706 is in an RBL: Blocked - see https://www.spamcop.net/bl.shtml?1.2.3.4\"")]
    public void TryParse_NumbersInTheText_GiveNoEnhancedCode(string input)
    {
        Assert.True(SmtpReplyParser.TryParse(input, out var reply));
        Assert.True(reply.EnhancedStatusCode.IsEmpty, reply.EnhancedStatusCode.ToString());
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal(0..3, reply.CodeRange);
        Assert.True(reply.EnhancedCodeRange.Equals(default(Range)));
#endif
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\u0001\uFFFF garbage \uD800")]
    [InlineData("5.5.5.5.5.5.5.5.5.5")]
    [InlineData("1.2.3.4.5.6 192.0.2.10 10.0.0.1 v5.7.1 x550 550x 5500 4.99.1")]
    public void TryParse_GarbageAndDottedNumbers_IsNotAReply(string input)
    {
        Assert.False(SmtpReplyParser.TryParse(input, out var reply));
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.True(reply.CodeRange.Equals(default(Range)) && reply.EnhancedCodeRange.Equals(default(Range)));
#endif
    }

    [Fact]
    public void TryParse_TruncatedMultiLineReply_KeepsTheHeadCodes()
    {
        // Gmail's multi-line reply (corpus vendors.tsv) cut after the code of its second line.
        const string input = "550-5.7.1 [203.0.113.10] The IP you're using to send mail is not authorized\r\n550-5.7.1";

        Assert.True(SmtpReplyParser.TryParse(input, out var reply));
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal((550, "5.7.1", 0..3, 4..9), (reply.Code, reply.EnhancedStatusCode.ToString(), reply.CodeRange, reply.EnhancedCodeRange));
#endif
        Assert.True(reply.IsTruncated);
    }

    [Fact]
    public void TryParse_HugeRunOfDigitsAndDots_FindsTheCodeAfterIt()
    {
        var input = new StringBuilder();
        while (input.Length < 1_000_000)
            input.Append("1234567890.");
        input.Append(" said: 550 5.1.1 User unknown");
        string text = input.ToString();

        Assert.True(SmtpReplyParser.TryParse(text, out var reply));
        Assert.Equal((550, "5.1.1"), (reply.Code, reply.EnhancedStatusCode.ToString()));
    }
}
