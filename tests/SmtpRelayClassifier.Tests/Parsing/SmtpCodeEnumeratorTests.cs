using System;
using System.Collections.Generic;
using SmtpRelayClassifier;
using SmtpRelayClassifier.Parsing;
using Xunit;

namespace SmtpRelayClassifier.Tests.Parsing;

public class SmtpCodeEnumeratorTests
{
    // Exchange hybrid deferral: MicrosoftDocs/OfficeDocs-Support Exchange/ExchangeHybrid/email-delivery/cannot-receive-mail-with-new-certificate.md.
    internal const string ExchangeProxyFailure = "450 4.4.101 Proxy session setup failed on Frontend with '451 4.4.0 Primary target IP address " +
        "responded with \"451 5.7.3 STARTTLS is required to send mail.\" Attempted failover to alternate host, but that did not succeed. Either " +
        "there are no alternate hosts, or delivery failed to all alternate hosts. The last endpoint attempted was 192.0.2.10:25'";

    // Postfix reject_unverified_recipient, unverified_recipient_reject_code = 450 (smtpd_check.c, ADDRESS_VERIFICATION_README).
    private const string UnverifiedRecipient = "450 4.1.1 <bob@example.org>: Recipient address rejected: unverified address: host " +
        "mx.example.org[192.0.2.25] said: 550 5.1.1 <bob@example.org>: User unknown in virtual mailbox table (in reply to RCPT TO command)";

    // A MailKit ProtocolLogger transcript of a session with the repository's Postfix (IntegrationTests, relay denied at RCPT).
    private const string Transcript = "S: 220 mail.test.example ESMTP Postfix\r\nC: EHLO client.test\r\nS: 250-mail.test.example\r\n" +
        "S: 250-SIZE 10240000\r\nS: 250 8BITMIME\r\nC: MAIL FROM:<app@bounces.example>\r\nS: 250 2.1.0 Ok\r\n" +
        "C: RCPT TO:<bob@relaytest.example>\r\nS: 554 5.7.1 <bob@relaytest.example>: Relay access denied\r\n";

    private static List<(int Code, string? Enhanced, string Text)> Walk(string source)
    {
        var found = new List<(int, string?, string)>();
        foreach (var occurrence in SmtpReply.EnumerateCodes(source))
        {
            var range = occurrence.Range;
            found.Add((occurrence.Code, occurrence.EnhancedStatusCode.IsEmpty ? null : occurrence.EnhancedStatusCode.ToString(),
                source[range.Start.GetOffset(source.Length)..range.End.GetOffset(source.Length)]));
        }

        return found;
    }

    [Fact]
    public void EnumerateCodes_QuotedRepliesOfAnExchangeDeferral_YieldsEachWithItsPosition()
    {
        var found = Walk(ExchangeProxyFailure);

        Assert.Equal([(450, "4.4.101", "450 4.4.101"), (451, "4.4.0", "451 4.4.0"), (451, "5.7.3", "451 5.7.3")], found);
        int second = ExchangeProxyFailure.IndexOf("451 4.4.0", StringComparison.Ordinal);
        var walker = SmtpReply.EnumerateCodes(ExchangeProxyFailure);
        Assert.True(walker.MoveNext() && walker.MoveNext());
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal(second..(second + 9), walker.Current.Range);
#endif
    }

    [Fact]
    public void EnumerateCodes_ExchangeDeferral_HeadCodesAreChosenAndTheQuotedWordingGivesTheKind()
    {
        Assert.True(SmtpReplyParser.TryParse(ExchangeProxyFailure, out var reply));
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal((450, "4.4.101", 0..3, 4..11), (reply.Code, reply.EnhancedStatusCode.ToString(), reply.CodeRange, reply.EnhancedCodeRange));
#endif

        var diagnosis = SmtpFailureClassifier.Default.Classify(ExchangeProxyFailure);
        Assert.Equal((450, "4.4.101", SmtpFailureKind.TlsRequired), (diagnosis.ReplyCode, diagnosis.EnhancedStatusCode?.ToString(), diagnosis.Kind));
    }

    [Fact]
    public void EnumerateCodes_LocalDeferralQuotingRemoteRejection_YieldsBothAndTheDeferralIsTransient()
    {
        Assert.Equal([(450, "4.1.1", "450 4.1.1"), (550, "5.1.1", "550 5.1.1")], Walk(UnverifiedRecipient));

        var diagnosis = SmtpFailureClassifier.Default.Classify(UnverifiedRecipient);
        Assert.Equal((450, "4.1.1"), (diagnosis.ReplyCode, diagnosis.EnhancedStatusCode?.ToString()));
        Assert.True(diagnosis.IsTransient);
        Assert.Equal(SmtpFailureKind.RecipientVerificationDeferred, diagnosis.Kind);
    }

    [Fact]
    public void EnumerateCodes_Transcript_YieldsOnlyTheFailureAndTheParserChoosesIt()
    {
        Assert.Equal([(554, "5.7.1", "554 5.7.1")], Walk(Transcript));

        Assert.True(SmtpReplyParser.TryParse(Transcript, out var reply));
        int at = Transcript.IndexOf("554", StringComparison.Ordinal);
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal((554, at..(at + 3)), (reply.Code, reply.CodeRange));
#endif
        Assert.Equal(SmtpFailureKind.RelayDenied, SmtpFailureClassifier.Default.Classify(Transcript).Kind);
    }

    [Fact]
    public void TryParse_RawTranscriptStartingWithAGreeting_ChoosesTheFailureReply()
    {
        // The same session without the logger's prefixes, as users paste it.
        string raw = Transcript.Replace("S: ", string.Empty, StringComparison.Ordinal).Replace("C: EHLO client.test\r\n", string.Empty, StringComparison.Ordinal);
        int at = raw.IndexOf("554", StringComparison.Ordinal);

        Assert.True(SmtpReplyParser.TryParse(raw, out var reply));
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal((554, "5.7.1", at..(at + 3), (at + 4)..(at + 9)), (reply.Code, reply.EnhancedStatusCode.ToString(), reply.CodeRange, reply.EnhancedCodeRange));
#endif
        Assert.Equal(SmtpFailureKind.RelayDenied, SmtpFailureClassifier.Default.Classify(raw).Kind);
    }

    [Fact]
    public void EnumerateCodes_EmptyAndCodeFreeText_YieldsNothing()
    {
        Assert.Empty(Walk(string.Empty));
        // qmail-remote.c (notqmail/notqmail).
        Assert.Empty(Walk("Connected to 192.0.2.25 but sender was rejected."));
    }
}
