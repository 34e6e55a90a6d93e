using System;
using System.Collections.Generic;
using System.Linq;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Logging;

public class SmtpFailureLogStateTests
{
    // Postfix's refusal of a recipient it does not relay for (smtpd, reject_unauth_destination).
    private const string PostfixRelayDenied = "554 5.7.1 <bob@example.org>: Relay access denied";

    private static RelayBlockDiagnosis Diagnose(string reply) =>
        SmtpFailureClassifier.Default.Classify(reply, new SmtpFailureContext { Stage = SmtpStage.Rcpt, Server = "smtp.example.net", Port = 25 });

    [Fact]
    public void ToString_IsTheTemplateFilledIn()
    {
        var state = new SmtpFailureLogState(Diagnose(PostfixRelayDenied), "b***@example.org", replyText: null);

        Assert.Equal(
            "SMTP send failed: RelayDenied (relay block: True, transient: False) at Rcpt, reply 554 5.7.1, " +
            "rule postfix.relay-access-denied, server smtp.example.net:25, mailbox b***@example.org",
            state.ToString());
    }

    [Fact]
    public void ToString_ReplyText_ComesLast()
    {
        var state = new SmtpFailureLogState(Diagnose(PostfixRelayDenied), "b***@example.org", "<b***@example.org>: Relay access denied");

        Assert.EndsWith(", mailbox b***@example.org; reply: <b***@example.org>: Relay access denied", state.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ValuesNotKnown_AreWrittenAsLoggerMessageWritesThem()
    {
        var diagnosis = SmtpFailureClassifier.Default.Classify(new TimeoutException());

        string message = new SmtpFailureLogState(diagnosis, mailbox: null, replyText: null).ToString();

        Assert.Contains(", reply (null) (null), rule ", message, StringComparison.Ordinal);
        Assert.EndsWith(", server (null):(null)", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("b***@example.org", null)]
    [InlineData(null, "Relay access denied")]
    [InlineData("b***@example.org", "<b***@example.org>: Relay access denied")]
    public void Pairs_AreTheTemplatesNamesThenTheOriginalFormat(string? mailbox, string? replyText)
    {
        var state = new SmtpFailureLogState(Diagnose(PostfixRelayDenied), mailbox, replyText);

        var pairs = state.ToList();
        Assert.Equal(state.Count, pairs.Count);
        Assert.Equal("{OriginalFormat}", pairs[^1].Key);
        string format = (string)pairs[^1].Value!;
        var names = pairs.Take(pairs.Count - 1).Select(p => p.Key).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(Placeholders(format), name => Assert.Contains(name, names));
        Assert.Equal(replyText is not null, names.Contains("ReplyText"));
        Assert.Equal(mailbox, pairs.Single(p => p.Key == "Mailbox").Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => state[state.Count]);
    }

#if !LIBRARY_NETSTANDARD
    // The netstandard2.0 build formats through a StringBuilder: only the .NET builds allocate nothing but the message.
    [Fact]
    public void ToString_AllocatesOnlyTheMessage()
    {
        var state = new SmtpFailureLogState(Diagnose(PostfixRelayDenied), "b***@example.org", "<b***@example.org>: Relay access denied");
        int length = state.ToString().Length;
        // A string object: header, method table and length (20 bytes on 64 bits), the characters and their terminator, rounded up to 8.
        long stringSize = (20 + (2 * (length + 1)) + 7) & ~7;

        long allocated = Allocations.PerRound(() => state.ToString(), calls: 100);

        Assert.Equal(100 * stringSize, allocated);
    }
#endif

    private static IEnumerable<string> Placeholders(string format)
    {
        for (int open = format.IndexOf('{', StringComparison.Ordinal); open >= 0; open = format.IndexOf('{', open + 1))
            yield return format[(open + 1)..format.IndexOf('}', open)];
    }
}
