using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using SmtpRelayClassifier.Parsing;
using SmtpRelayClassifier.Scanning;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Classification;

// The growth test times inputs: the class runs alone, after the tests that run in parallel.
[Collection(nameof(SmtpFailureClassifierTests))]
[CollectionDefinition(nameof(SmtpFailureClassifierTests), DisableParallelization = true)]
public class SmtpFailureClassifierTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n")]
    [InlineData("garbage \u0001\u0002 text")]
    [InlineData("550")]
    [InlineData("550-")]
    [InlineData("550-first line only")]
    public void Classify_BadInput_IsAnswerNotException(string input)
    {
        var d = Classifier.Classify(input);

        Assert.NotNull(d.RuleId);
        Assert.NotNull(d.Summary);
    }

    [Fact]
    public void Classify_Empty_IsUnknownNotTransient()
    {
        var d = Classifier.Classify(string.Empty);

        Assert.Equal(SmtpFailureKind.Unknown, d.Kind);
        Assert.False(d.IsTransient);
        Assert.False(d.IsRelayBlock);
        Assert.Null(d.ReplyCode);
        Assert.Null(d.ReplyText);
    }

    [Fact]
    public void Classify_NullString_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Classifier.Classify((string)null!));
    }

    [Fact]
    public void Classify_UndefinedStage_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => Classifier.Classify("550 x", new SmtpFailureContext { Stage = (SmtpStage)99 }));

        Assert.Contains("99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_OneMegabyteReply_FindsThePhraseAtTheEnd()
    {
        string reply = "554 5.7.1 " + new string('a', 1 << 20) + " Relay access denied";

        Assert.Equal(SmtpFailureKind.RelayDenied, Classifier.Classify(reply).Kind);
    }

    [Fact]
    public void Classify_BinaryBytes_NeverThrows()
    {
        var random = new Random(7);
        var bytes = new byte[2048];
        for (int i = 0; i < 200; i++)
        {
            random.NextBytes(bytes);
            Assert.NotNull(Classifier.Classify(bytes.AsSpan()).RuleId);
        }
    }

    [Fact]
    public void Classify_Latin1Bytes_DecodesLikeMailKit()
    {
        byte[] reply = Encoding.Latin1.GetBytes("550 <personne@exemple.com>... Relais refusé");

        var d = Classifier.Classify(reply.AsSpan());

        Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
        Assert.Equal("<personne@exemple.com>... Relais refusé", d.ReplyText);
    }

    // One rule for the text of every form: the string, its chars and its UTF-8 bytes give the same ReplyText and kind.
    [Theory]
    [InlineData("  554 5.7.1 <bob@example.org>: Relay access denied \r\n")]
    [InlineData("Relay access denied\r\nAuthenticate first")]
    [InlineData("\r\n550-5.7.1 Unable to relay\r\n550 5.7.1 for this address\r\n")]
    [InlineData("Relaying denied")]
    [InlineData("\t554 5.7.1 Relais refusé à\r\n")]
    [InlineData("Relais refusé à")]
    // Postfix bounce (smtp_proto.c "host %s said: %s"), a mailbox and a host to cut out of the string.
    [InlineData("host mx.example.org[192.0.2.25] said: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)")]
    public void Classify_StringCharsAndBytes_GiveTheSameDiagnosis(string reply)
    {
        var fromString = Classifier.Classify(reply);
        var fromChars = Classifier.Classify(reply.AsSpan());
        var fromBytes = Classifier.Classify(Encoding.UTF8.GetBytes(reply).AsSpan());

        // The string's record cuts its texts out when first read; the others hold them already: equal all the same.
        Assert.Equal(fromChars, fromString);
        Assert.Equal(fromChars.GetHashCode(), Classifier.Classify(reply).GetHashCode());
        Assert.NotNull(fromString.ReplyText);
        Assert.Equal((fromString.ReplyText, fromString.Mailbox, fromString.Server, fromString.Kind), (fromChars.ReplyText, fromChars.Mailbox, fromChars.Server, fromChars.Kind));
        Assert.Equal((fromString.ReplyText, fromString.Mailbox, fromString.Server, fromString.Kind), (fromBytes.ReplyText, fromBytes.Mailbox, fromBytes.Server, fromBytes.Kind));
    }

    [Fact]
    public void Classify_OfAString_CutsMailboxAndServerOutOfItWhenRead()
    {
        // Postfix bounce (smtp_proto.c "host %s said: %s").
        const string reply = "host mx.example.org[192.0.2.25] said: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown";

        var d = Classifier.Classify(reply);
        var replaced = Classifier.Classify(reply) with { ReplyText = "replaced", Server = null };

        Assert.Equal("bob@example.org", d.Mailbox);
        Assert.Equal("mx.example.org", d.Server);
        Assert.Same(d.Mailbox, d.Mailbox);
        // A text set with `with` replaces what was to be cut out; the others are still cut out of the caller's string.
        Assert.Equal(("replaced", null, "bob@example.org"), (replaced.ReplyText, replaced.Server, replaced.Mailbox));
    }

    [Theory]
    [InlineData("550 5.7.1 Message refused")]
    [InlineData("550 5.7.1")]
    [InlineData("554 5.7.1 Delivery not authorized")]
    public void Classify_Bare571_IsNeverRelayDenied(string reply)
    {
        var d = Classifier.Classify(reply, SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        Assert.NotEqual(SmtpFailureKind.RelayDenied, d.Kind);
        Assert.False(d.IsRelayBlock);
    }

    [Fact]
    public void Classify_RelayWordingAtGreeting_IsNotRelayDenied()
    {
        // Sisimai refuses NoRelaying at CONN/EHLO: a relay denial answers an envelope command.
        var d = Classifier.Classify("554 5.7.1 Relay access denied", SmtpFailureContext.ForStage(SmtpStage.Connect));

        Assert.NotEqual(SmtpFailureKind.RelayDenied, d.Kind);
    }

    [Fact]
    public void Classify_RelayDenialInARemoteBounce_PointsAtTheRecipientSide()
    {
        var d = Classifier.Classify("host mx.example.org[192.0.2.1] said: 554 5.7.1 <bob@example.org>: Relay access denied (in reply to RCPT TO command)");

        Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
        Assert.Equal(DiagnosisSource.RemoteServer, d.Source);
        Assert.Equal(ResponsibleParty.RecipientSide, d.ResponsibleParty);
        Assert.Equal(FailureCause.RecipientMxMisconfigured, d.Causes[0]);
        Assert.Equal("mx.example.org", d.Server);
        Assert.Equal(SmtpStage.Rcpt, d.Stage);
    }

    [Fact]
    public void Classify_SameRelayDenialInOwnSession_PointsAtTheSender()
    {
        var d = Classifier.Classify("554 5.7.1 <bob@example.org>: Relay access denied", new SmtpFailureContext { Source = DiagnosisSource.SubmissionSession });

        Assert.Equal(ResponsibleParty.Sender, d.ResponsibleParty);
        Assert.Equal(FailureRemedy.AuthenticateOnSubmissionPort, d.Remedies[0]);
        Assert.Contains(FailureRemedy.UseSmtpServerOfCurrentNetwork, d.Remedies);
        Assert.Contains(FailureRemedy.AskProviderToAllowStaticIp, d.Remedies);
    }

    [Fact]
    public void Classify_RecipientVerificationDeferral_SaysWaitingHelps()
    {
        var d = Classifier.Classify("450 4.1.1 <bob@example.org>: Recipient address rejected: unverified address: Address verification in progress");

        Assert.Equal(SmtpFailureKind.RecipientVerificationDeferred, d.Kind);
        Assert.True(d.IsTransient);
        Assert.Equal(FailureRemedy.NoActionNeeded, d.Remedies[0]);
        Assert.Equal(FailureCause.RecipientVerificationUnavailable, d.Causes[0]);
    }

    [Fact]
    public void Classify_RateLimitWith5xx_IsStillTransient()
    {
        var d = Classifier.Classify("550 5.4.5 Daily SMTP relay limit exceeded for user.");

        Assert.Equal(SmtpFailureKind.RateLimited, d.Kind);
        Assert.True(d.IsTransient);
    }

    [Fact]
    public void Classify_SuccessReply_IsNotAFailure()
    {
        var d = Classifier.Classify("250 2.0.0 Ok: queued as 12345");

        Assert.Equal(SmtpFailureKind.Unknown, d.Kind);
        Assert.Equal("code.2xx-3xx", d.RuleId);
        Assert.False(d.IsTransient);
    }

    [Fact]
    public void Classify_UnknownWith4xx_IsTransientByCodeClass()
    {
        var d = Classifier.Classify("450 something unusual happened");

        Assert.Equal(SmtpFailureKind.Unknown, d.Kind);
        Assert.True(d.IsTransient);
        Assert.Equal(DiagnosisConfidence.Low, d.Confidence);
    }

    [Fact]
    public void Classify_StageFromContext_OverridesNothingInTheText()
    {
        var atMail = Classifier.Classify("550 5.1.1 User unknown", SmtpFailureContext.ForStage(SmtpStage.Mail));
        var atRcpt = Classifier.Classify("550 5.1.1 User unknown", SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        Assert.Equal(SmtpFailureKind.SenderAddressRejected, atMail.Kind);
        Assert.Equal(SmtpFailureKind.RecipientUnknown, atRcpt.Kind);
    }

    [Fact]
    public void Classify_ConfidenceFollowsTheEvidence()
    {
        Assert.Equal(DiagnosisConfidence.High, Classifier.Classify("550 5.7.1 Relaying denied").Confidence);
        Assert.Equal(DiagnosisConfidence.Medium, Classifier.Classify("550 5.1.1 x").Confidence);
        Assert.Equal(DiagnosisConfidence.Low, Classifier.Classify("421 x").Confidence);
    }

    [Fact]
    public async Task Classify_FromManyThreads_GivesTheSameAnswers()
    {
        var replies = Data.RealReplies.All().ToArray();
        var expected = replies.Select(r => Classifier.Classify(r.Reply, SmtpFailureContext.ForStage(r.Stage)).RuleId).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (int round = 0; round < 20; round++)
            {
                for (int i = 0; i < replies.Length; i++)
                    Assert.Equal(expected[i], Classifier.Classify(replies[i].Reply, SmtpFailureContext.ForStage(replies[i].Stage)).RuleId);
            }
        })));
    }

    // Inputs built to make a scan start over: a phrase glued to an address, runs of one character, separators, line
    // breaks, wrapper markers and the Outlook dialog's labels, each repeated to the size measured.
    private static readonly (string Reader, string Prefix, string Unit)[] AdversarialInputs =
    [
        ("reply", "550 ", "denied.x@"),
        ("reply", "550 ", "relay@"),
        ("reply", "550 5.7.1 ", "relaying.denied."),
        ("reply", "550 ", "a"),
        ("reply", "550 ", "@"),
        ("reply", "550 ", "."),
        ("reply", "550 ", "7"),
        ("reply", "550 ", "5.7.1 "),
        ("reply", "550 ", " "),
        ("reply", "550 ", "\t"),
        ("reply", "550 mailbox", " \r\n"), // a phrase's walk that stays on one space across a run of blanks
        ("reply", "", "\n"),
        ("reply", "", "550-5.7.1 relay denied\r\n"),
        ("reply", "550 ", "\\n"),
        ("reply", "550 ", "<a@"),
        ("reply", "550 ", "x@y.z... "),
        ("reply", "550 ", "(#5.7.1"),
        ("reply", "550 ", "(in reply to "),
        ("reply", "", "host said: "),
        ("reply", "", "Server Response: '"),
        ("reply", "550 ", "\u00e9"),
        ("reply", "550 ", "\u2019 "),
        ("reply", "550 ", "\\r\\n"),
        ("reply", "", "smtp;"),
        ("reply", "", "Remote Server returned '"),
        // Block lists, their listed items and links: found after the pass only when the pass found their names.
        ("reply", "550 ", "zen.spamhaus.org [192.0.2.1] "),
        ("reply", "550 zen.spamhaus.org ", "2001:db8::"),
        ("reply", "550 dbl.spamhaus.org ", "a.b-"),
        ("reply", "550 ", "https://"),
        ("reply", "550 ", "http:/ "),
        // Codes looked for anywhere: digits and dots, codes after codes, ports after hosts, words before codes.
        ("reply", "", "1234567890."),
        ("reply", "", "5.5.5."),
        ("reply", "", "550 "),
        ("reply", "550 ", "550 550 "),
        ("reply", "", "#550 4.4."),
        ("reply", "", "a.b:550 "),
        ("reply", "", "said 4.4.4x "),
        ("reply", "", "with 450 seconds "),
        ("reply", "", "                4"),
        ("log", "550 ", "denied.x@"),
        ("log", "550 5.7.1 ", "a@b "),
        ("dialog", "Server Response: '550 relay denied', Port:", " "),
        ("dialog", "Server Response: '550 relay denied', Port:", "\t"),
        ("dialog", "Error Number: 0x800CCC79", ", "),
        ("dialog", "", "Server Response: '"),
        ("dialog", "Server Response: '550 ", "' "),
        ("dialog", "", "0x800CCC7"),
    ];

    [Theory]
    // Zoho Mail's web client (help.zoho.com community topic unable-to-send-message-reason-550-5-4-6...): after a field label.
    [InlineData("Unable to send message;Reason:550 5.4.6 Unusual sending activity detected.", 30)]
    // Postfix smtpd_check.c reject_unauth_destination: at the head.
    [InlineData("554 5.7.1 <bob@example.org>: Relay access denied", 0)]
    public void Classify_ParsedCodes_AreNamedWithTheirPositionsInTheEvidence(string reply, int codeAt)
    {
        var evidence = Classifier.Classify(reply).Evidence;

#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal(codeAt..(codeAt + 3), evidence.ReplyCodeRange);
        Assert.Equal((codeAt + 4)..(codeAt + 9), evidence.EnhancedCodeRange);
#endif
    }

    // A property of the fast build: the netstandard2.0 build gives the same answers (its suite runs every other test
    // here), but its scalar stand-ins for the vectorized searches grow faster than linear on megabyte inputs once they
    // leave the cache.
#if LIBRARY_NETSTANDARD
    [Fact(Skip = "measured on the net10.0 build")]
#else
    [Fact]
#endif
    public void Classify_AdversarialInputs_TakeTimeProportionalToTheirLength()
    {
        const int Small = 100 * 1024;
        const int Large = 1024 * 1024;
        const double MaxRatio = 20;
        var slow = new System.Collections.Generic.List<string>();
        foreach (var (reader, prefix, unit) in AdversarialInputs)
        {
            string small = Build(prefix, unit, Small), big = Build(prefix, unit, Large);
            Action<string> read = reader switch { "dialog" => ReadDialog, "log" => ReadLog, _ => ClassifyTextAndParseBytes };
            var growth = GrowthTimer.Measure(() => read(small), () => read(big), Large / Small, MaxRatio);
            if (growth.Ratio > MaxRatio)
            {
                slow.Add($"{reader} {Show(prefix)} + {Show(unit)} * n: 100 KB {growth.Small.TotalMilliseconds:F1} ms, " +
                    $"1 MB {(growth.Large is { } time ? $"{time.TotalMilliseconds:F1} ms" : "given up")}, ratio {growth.Ratio:F1}");
            }
        }

        Assert.True(slow.Count == 0, string.Join(Environment.NewLine, slow));
    }

    private static string Show(string text) => "\"" + text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";

    private static string Build(string prefix, string unit, int length)
    {
        var text = new StringBuilder(length + unit.Length);
        text.Append(prefix);
        while (text.Length < length)
            text.Append(unit);
        return text.ToString(0, length);
    }

    // The classifier over the text, and the parser over its bytes (the byte scanner).
    private static void ClassifyTextAndParseBytes(string reply)
    {
        Assert.NotNull(Classifier.Classify(reply).RuleId);
        SmtpReplyParser.TryParse(Encoding.UTF8.GetBytes(reply), out _);
    }

    // A Postfix log of twenty lines whose replies share the text.
    private static void ReadLog(string text)
    {
        const int Lines = 20;
        var log = new StringBuilder();
        for (int i = 0; i < Lines; i++)
        {
            log.Append("Nov 28 01:19:40 mail postfix/smtp[23841]: A8C60B1E293: to=<bob@relaytest.example>, relay=127.0.0.1[127.0.0.1]:2526, ")
                .Append("delay=0.13, delays=0.02/0.04/0.05/0.03, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.1] said: ")
                .Append(text.AsSpan(0, text.Length / Lines)).Append(")\n");
        }

        var failures = new MailLogReader().ReadAsync(new System.IO.MemoryStream(Encoding.UTF8.GetBytes(log.ToString()))).ToBlockingEnumerable();
        Assert.Equal(Lines, failures.Count());
    }

    private static void ReadDialog(string text)
    {
        if (OutlookErrorDialog.TryParse(text, out var dialog))
            Assert.NotNull(Classifier.Classify(dialog).RuleId);
    }
}
