using System;
using System.Linq;
using SmtpRelayClassifier.Tests.Data;
using Xunit;
using static SmtpRelayClassifier.RuleCandidateOutcome;

namespace SmtpRelayClassifier.Tests.Classification;

/// <summary>
/// <see cref="SmtpFailureClassifier.ClassifyWithCandidates(string, SmtpFailureContext)"/> on real replies in which rules
/// for different kinds compete: the rule that decided, those that agreed, those that lost and why, and where the
/// phrases each found stand in the reply.
/// </summary>
public class RuleCandidateTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Fact]
    public void ClassifyWithCandidates_RelayingDeniedToASpammer_VendorPhraseDecidesTheBlockListContradictsAndSpamIsWeaker()
    {
        // zone-eu/zone-mta config/bounces.txt: a relay refusal that also calls the client a spammer.
        const string reply = "553 5.7.1 <hostname[1.2.3.4]>: Client host rejected: Relaying denied - Your IP identified as spammer. Please contact 123";

        var (d, candidates) = Classifier.ClassifyWithCandidates(reply, SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        var decided = Assert.Single(candidates, c => c.Outcome == Decided);
        Assert.Equal(("sendmail.relaying-denied", SmtpFailureKind.RelayDenied, EvidenceStrength.VendorPhrase), (decided.RuleId, decided.Kind, decided.Strength));
        Assert.Equal(d.RuleId, decided.RuleId);
        var blockList = Single(candidates, "generic.block-list");
        Assert.Equal((SmtpFailureKind.ClientBlocked, EvidenceStrength.Phrase, Contradicts), (blockList.Kind, blockList.Strength, blockList.Outcome));
        Assert.Equal(d.Evidence.ContradictingRuleId, blockList.RuleId);
        Assert.Equal(["client host", "client host rejected", "your ip"], blockList.Phrases.Select(p => p.Phrase));
        var spam = Single(candidates, "generic.spam");
        Assert.Equal((SmtpFailureKind.MessageRejected, Weaker), (spam.Kind, spam.Outcome));
        Assert.Equal(Agrees, Single(candidates, "generic.relay-refused-wording").Outcome);
        Assert.Equal(Repeats, Single(candidates, "generic.relay-denied").Outcome);
        Assert.Equal(LeavesKindOpen, Single(candidates, "enhanced.x.7.1").Outcome);
        Assert.Equal(1, d.Evidence.Support);
#if !LIBRARY_NETSTANDARD
        Assert.Equal("Relaying denied", reply[decided.Phrases[0].Range]);
        Assert.Equal(d.Evidence.PhraseRange, decided.Phrases[0].Range);
        Assert.Equal("Client host rejected", reply[blockList.Phrases[1].Range]);
        Assert.Equal("spam", reply[spam.Phrases[0].Range]);
#endif
    }

    [Fact]
    public void ClassifyWithCandidates_GmailReceivingMailTooQuickly_RateWordingOutranksTheEnhancedCode()
    {
        // Google Workspace, https://support.google.com/a/answer/3726730: 4.2.1 alone reads as a mailbox-side deferral.
        const string reply = "450 4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time. "
            + "If the user is able to receive mail at that time, your message will be delivered.";

        var (d, candidates) = Classifier.ClassifyWithCandidates(reply, SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        var decided = Assert.Single(candidates, c => c.Outcome == Decided);
        Assert.Equal(("generic.recipient-rate", SmtpFailureKind.RateLimited), (decided.RuleId, decided.Kind));
        var code = Single(candidates, "enhanced.4.2.1");
        Assert.Equal((SmtpFailureKind.ServiceUnavailable, EvidenceStrength.EnhancedCode, Contradicts), (code.Kind, code.Strength, code.Outcome));
        Assert.True(code.UsedEnhancedCode);
        Assert.Empty(code.Phrases);
        Assert.Equal(DiagnosisConfidence.High, d.Confidence);
#if !LIBRARY_NETSTANDARD
        Assert.Equal("receiving mail too quickly", reply[decided.Phrases.Single().Range]);
        Assert.Equal("4.2.1", reply[d.Evidence.EnhancedCodeRange]);
#endif
    }

    [Fact]
    public void ClassifyWithCandidates_YahooTss04_TheFirstVendorPhraseDecidesAndTheEquallyStrongOnesWereTriedLater()
    {
        // Yahoo 421 4.7.0 [TSS04], quoted at https://secuserve.zammad.com/help/en-us/5-f-a-q/397-deferred-yahoo-said-421-4-7-0-tss04.
        const string reply = "421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes";

        var (d, candidates) = Classifier.ClassifyWithCandidates(reply);

        Assert.Equal(
            [("yahoo.deferred-complaints", Decided), ("yahoo.deferred-volume", Contradicts), ("yahoo.temporarily-deferred", TriedLater), ("code.421", Weaker)],
            candidates.Where(c => c.Outcome != LeavesKindOpen).Select(c => (c.RuleId, c.Outcome)));
        Assert.All(candidates.Take(3), c => Assert.Equal(EvidenceStrength.VendorPhrase, c.Strength));
        Assert.Equal(SmtpFailureKind.ClientBlocked, d.Kind);
#if !LIBRARY_NETSTANDARD
        Assert.Equal("deferred due to unexpected volume", reply[candidates[1].Phrases.Single().Range]);
        Assert.Equal("temporarily deferred", reply[candidates[2].Phrases.Single().Range]);
#endif
    }

    [Fact]
    public void ClassifyWithCandidates_GreylistedWith422_TheMailboxFullCodeLowersTheConfidence()
    {
        // Stalwart crates/smtp/src/inbound/rcpt.rs: greylisting sent with 4.2.2, the code of a full mailbox.
        const string reply = "452 4.2.2 Greylisted, please try again in a few moments.";

        var (d, candidates) = Classifier.ClassifyWithCandidates(reply, SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        Assert.Equal(("generic.greylisting", SmtpFailureKind.RateLimited), (candidates[0].RuleId, candidates[0].Kind));
        var code = Single(candidates, "enhanced.x.2.2");
        Assert.Equal((SmtpFailureKind.MailboxFull, EvidenceStrength.SpecificCode, LowersConfidence), (code.Kind, code.Strength, code.Outcome));
        Assert.Equal(Weaker, Single(candidates, "code.451-452-455").Outcome);
        Assert.Equal(DiagnosisConfidence.Medium, d.Confidence);
        Assert.Equal(["greylist", "greylisted"], candidates[0].Phrases.Select(p => p.Phrase));
    }

    [Fact]
    public void ClassifyWithCandidates_FrenchRelaisRefuse_PositionPointsAtTheLocalizedPhraseAfterTheMailbox()
    {
        // Microsoft KB 290842 (French): the Outlook dialog's server response.
        const string reply = "550 <personne@exemple.com>... Relais refusé";

        var (d, candidates) = Classifier.ClassifyWithCandidates(reply, SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        var decided = candidates[0];
        Assert.Equal(("generic.relay-denied-localized", Decided), (decided.RuleId, decided.Outcome));
        Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
        Assert.Equal("relais refusé", decided.Phrases.Single().Phrase);
        Assert.Equal(LeavesKindOpen, candidates[^1].Outcome);
#if !LIBRARY_NETSTANDARD
        Assert.Equal("Relais refusé", reply[decided.Phrases.Single().Range]);
#endif
    }

    [Fact]
    public void ClassifyWithCandidates_PartOfALongerText_PositionsCountFromTheStartOfTheInput()
    {
        // Postfix bounce from a remote MX (smtp.c "host ... said:"), REFERENCE §4.1.
        const string reply = "host mx.example.net[192.0.2.25] said: 554 5.7.1 <bob@example.org>: Relay access denied (in reply to RCPT TO command)";

        var (d, candidates) = Classifier.ClassifyWithCandidates(reply);

        Assert.Equal(d.RuleId, candidates[0].RuleId);
#if !LIBRARY_NETSTANDARD
        Assert.All(candidates.SelectMany(c => c.Phrases), p => Assert.Equal(p.Phrase, reply[p.Range], ignoreCase: true));
        Assert.Equal("Relay access denied", reply[candidates[0].Phrases[0].Range]);
#endif
    }

    [Fact]
    public void ClassifyWithCandidates_EveryRealReply_AgreesWithClassifyAndItsEvidence()
    {
        foreach (var c in RealReplies.All())
        {
            var context = SmtpFailureContext.ForStage(c.Stage);
            var (d, candidates) = Classifier.ClassifyWithCandidates(c.Reply, context);
            var fromSpan = Classifier.ClassifyWithCandidates(c.Reply.AsSpan(), context);

            Assert.Equal(Classifier.Classify(c.Reply, context), d);
            Assert.Equal(d, fromSpan.Diagnosis);
            Assert.Equal(candidates.Select(x => (x.RuleId, x.Outcome)), fromSpan.Candidates.Select(x => (x.RuleId, x.Outcome)));
            var decided = Assert.Single(candidates, x => x.Outcome == Decided);
            Assert.Equal(d.RuleId, decided.RuleId);
            Assert.Equal(d.Evidence.Strength, decided.Strength);
            Assert.Equal(d.Evidence.Support, candidates.Count(x => x.Outcome == Agrees));
            Assert.Equal(d.Evidence.ContradictingRuleId, candidates.SingleOrDefault(x => x.Outcome is Contradicts or LowersConfidence)?.RuleId);
            Assert.All(candidates.Where(x => x.Outcome is Weaker), x => Assert.True(x.Strength < decided.Strength, c.Reply));
            Assert.All(candidates.Where(x => x.Outcome is TriedLater), x => Assert.Equal(decided.Strength, x.Strength));
            Assert.All(candidates.Where(x => x.Outcome is Agrees or Repeats), x => Assert.Equal(decided.Kind, x.Kind));
            if (d.Evidence.Phrase is not null)
                Assert.Contains(d.Evidence.Phrase, decided.Phrases.Select(p => p.Phrase));
#if !LIBRARY_NETSTANDARD
            Assert.All(candidates.SelectMany(x => x.Phrases).Where(p => p.Range.End.Value > 0), p => Assert.Equal(p.Phrase, c.Reply[p.Range], ignoreCase: true));
#endif
        }
    }

    // Asking for the candidates changes nothing in the diagnosis, for any reply of the development corpus from any source.
    [Fact]
    public void ClassifyWithCandidates_EveryCorpusReply_GivesTheDiagnosisOfClassify()
    {
        var folder = System.IO.Path.Combine(AppContext.BaseDirectory, "Corpus");
        var entries = System.IO.Directory.EnumerateFiles(folder, "*.tsv", System.IO.SearchOption.AllDirectories)
            .SelectMany(SmtpRelayClassifier.Cli.Evaluation.CorpusReader.Read).ToList();

        Assert.True(entries.Count >= 2000, $"{entries.Count} replies");
        foreach (var entry in entries)
        {
            foreach (var source in Enum.GetValues<DiagnosisSource>())
            {
                var context = new SmtpFailureContext { Stage = entry.Stage, Source = source };
                Assert.Equal(Classifier.Classify(entry.Reply, context), Classifier.ClassifyWithCandidates(entry.Reply, context).Diagnosis);
            }
        }
    }

    [Fact]
    public void ClassifyWithCandidates_NullReply_ThrowsNamingTheReply()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Classifier.ClassifyWithCandidates((string)null!));

        Assert.Equal("reply", e.ParamName);
    }

    [Fact]
    public void ClassifyWithCandidates_ThePortOutOfRange_ThrowsAnArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => Classifier.ClassifyWithCandidates("550 5.7.1 Unable to relay", new SmtpFailureContext { Port = 70000 }));

        Assert.Contains("port", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static RuleCandidate Single(System.Collections.Generic.IReadOnlyList<RuleCandidate> candidates, string ruleId) =>
        Assert.Single(candidates, c => c.RuleId == ruleId);
}
