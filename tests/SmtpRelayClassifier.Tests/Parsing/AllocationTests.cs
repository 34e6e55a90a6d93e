using System;
using System.Text;
using SmtpRelayClassifier.Parsing;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Parsing;

/// <summary>
/// The hot paths allocate nothing once warm: the parser on bytes and chars, <c>ClassifyKind</c> and <c>ClassifyBrief</c>;
/// <c>Classify</c> of a string allocates the record and nothing else.
/// Counted with the thread's allocation counter over rounds of many warm calls, so the figure is exact (BenchmarkDotNet's dry run, one
/// call without warm-up, also counts what the first call's JIT allocates). The replies are the parse benchmark's.
/// </summary>
[Collection(nameof(AllocationTests))]
[CollectionDefinition(nameof(AllocationTests), DisableParallelization = true)]
public class AllocationTests
{
    public static TheoryData<string> Replies => new()
    {
        // Postfix smtpd_check.c reject_unauth_destination.
        "554 5.7.1 <bob@example.org>: Relay access denied\r\n",
        // Exim shared hosting, three lines.
        "550-Please turn on SMTP Authentication in your mail client.\r\n" +
        "550-mail.example.net [192.0.2.10]:52015 is not permitted to relay through this server without authentication.\r\n" +
        "550 Contact your administrator.\r\n",
        "550\r\n",
        // Postfix bounce text with its wrappers.
        "host mx.example.org[192.0.2.1] said: 554 5.7.1 <bob@example.org>: Relay access denied (in reply to RCPT TO command)\n",
        // French, non-ASCII (KB 290842).
        "554 5.7.1 <bob@example.org>: Relais refusé à l'hôte\r\n",
        // Codes found away from the head: after a field label (Zoho Mail), after '#' (github.com/customeros/mailsherpa/issues/19).
        "Unable to send message;Reason:550 5.4.6 Unusual sending activity detected.",
        "550 #5.1.0 Address rejected.",
    };

    [Fact]
    public void EnumerateCodes_AllocatesNothingOnceWarm()
    {
        int sum = 0;

        long allocated = Allocations.PerRound(() =>
        {
            foreach (var occurrence in SmtpReply.EnumerateCodes(SmtpCodeEnumeratorTests.ExchangeProxyFailure))
                sum += occurrence.Code;
        });

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, sum);
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void TryParse_Bytes_AllocatesNothingOnceWarm(string reply)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(reply);

        Assert.Equal(0, Allocations.PerRound(() => SmtpReplyParser.TryParse(bytes, out _)));
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void TryParse_Chars_AllocatesNothingOnceWarm(string reply)
    {
        Assert.Equal(0, Allocations.PerRound(() => SmtpReplyParser.TryParse(reply.AsSpan(), out _)));
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void ClassifyKindAndBrief_AllocateNothingOnceWarm(string reply)
    {
        var classifier = SmtpFailureClassifier.Default;

        Assert.Equal(0, Allocations.PerRound(() => classifier.ClassifyKind(reply.AsSpan())));
        Assert.Equal(0, Allocations.PerRound(() => classifier.ClassifyBrief(reply.AsSpan(), SmtpFailureContext.ForStage(SmtpStage.Rcpt))));
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void Classify_OfAString_AllocatesTheRecordAloneOnceWarm(string reply)
    {
        var classifier = SmtpFailureClassifier.Default;
        long record = Allocations.PerRound(() => _kept = new RelayBlockDiagnosis { Kind = SmtpFailureKind.RelayDenied, RuleId = "r", Summary = "s" });
        int lineEnd = reply.IndexOf('\n', StringComparison.Ordinal);
        bool multiLine = lineEnd >= 0 && lineEnd < reply.Length - 1;

        long allocated = Allocations.PerRound(() => _kept = classifier.Classify(reply));

        // A reply of several lines has its text joined from them (the lines' codes taken out): that string besides.
        if (multiLine)
            Assert.InRange(allocated, record + 1, record + (1_000 * (reply.Length * 2 + 64)));
        else
            Assert.Equal(record, allocated);
        Assert.NotNull(_kept);
    }

    // Where each record goes, so that none is kept on the stack.
    private static RelayBlockDiagnosis? _kept;
}
