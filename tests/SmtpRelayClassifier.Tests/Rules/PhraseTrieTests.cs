using System;
using System.Collections.Generic;
using System.Linq;
using SmtpRelayClassifier.Rules;
using Xunit;

namespace SmtpRelayClassifier.Tests.Rules;

// The walk starts past the first four characters when the jump table knows them (PhraseTrie.Jumps.cs), and at the root
// otherwise: phrases of three characters, phrases of exactly four, blanks among the first four, non-ASCII first letters
// and texts that end before four characters are found as a walk from the root finds them.
public class PhraseTrieTests
{
    private static readonly string[] Phrases =
    [
        "tls", "tls required", "spf", "spf fail", "spam", "spamhaus", "ip:", "user unknown", "a b c", "over quota",
        "relay access denied", "relaying", "relais", "已停用", "用户不存在", "überschritten", " ip ", "(rbl)",
    ];

    private static readonly RuleSet Set = new(
        Phrases.Select((p, i) => new SmtpFailureRule { Id = $"test.p{i}", Kind = SmtpFailureKind.MessageRejected, Tier = RuleTier.Phrase, AnyPhrase = [p] })
            .Append(new SmtpFailureRule { Id = "test.unknown", Kind = SmtpFailureKind.Unknown, Tier = RuleTier.Fallback }));

    public static TheoryData<string, string[]> Texts() => new()
    {
        { "TLS required", ["tls", "tls required"] },
        { "tls", ["tls"] },
        { "tls.", ["tls"] },
        { "tl", [] },
        { "STARTTLS", [] },
        { "SPF fail: spf", ["spf", "spf fail"] },
        { "spam", ["spam"] },
        { "Spamhaus", ["spam", "spamhaus"] },
        { "spa", [] },
        { "ip:192.0.2.1", ["ip:"] },
        { "user  unknown", ["user unknown"] },
        { "user\r\n\tunknown", ["user unknown"] },
        { "a  b c", ["a b c"] },
        { "a b  c", ["a b c"] },
        { "a\n\nb c", ["a b c"] },
        { "over   quota", ["over quota"] },
        { "Relaying denied; relais refusé; relay access denied", ["relaying", "relais", "relay access denied"] },
        { "已停用", ["已停用"] },
        { "用户不存在，已停用", ["用户不存在", "已停用"] },
        { "Kontingent ÜBERSCHRITTEN", ["überschritten"] },
        { "from  ip 192.0.2.1", [" ip "] },
        { "listed (RBL)", ["(rbl)"] },
        { "user unknow", [] },
        { "", [] },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Walk_FindsEveryPhraseAtAWordStart_WhereverItBegins(string text, string[] expected)
    {
        var candidates = new List<RuleCandidate>();
        Span<int> markers = stackalloc int[Set.MarkerCount];

        Set.EvaluateMarked(text, 550, default, SmtpStage.Unknown, markers, out _, candidates);

        var found = candidates.Where(c => c.RuleId != "test.unknown").Select(c => Phrases[int.Parse(c.RuleId["test.p".Length..])]);
        Assert.Equal(expected.OrderBy(p => p, StringComparer.Ordinal), found.OrderBy(p => p, StringComparer.Ordinal));
    }

    // Four characters make one number in the jump table, and every number is some four characters': "\uffff" four times
    // is all ones. An empty slot is told by its state, so that prefix is found however the table fills ("cctx" probes
    // into its slot).
    [Fact]
    public void Walk_PhraseWhoseFirstFourCharactersMakeAllOnes_IsFound()
    {
        string allOnes = new('\uffff', 4);
        var set = new RuleSet(
        [
            new SmtpFailureRule { Id = "test.ones", Kind = SmtpFailureKind.RelayDenied, Tier = RuleTier.Phrase, AnyPhrase = [allOnes] },
            new SmtpFailureRule { Id = "test.cctx", Kind = SmtpFailureKind.MailboxFull, Tier = RuleTier.Phrase, AnyPhrase = ["cctx full"] },
            new SmtpFailureRule { Id = "test.unknown", Kind = SmtpFailureKind.Unknown, Tier = RuleTier.Fallback },
        ]);

        Assert.Equal("test.ones", set.RuleAt(set.EvaluateRule(allOnes, 550, default, SmtpStage.Unknown)).Id);
        Assert.Equal("test.cctx", set.RuleAt(set.EvaluateRule("CCTX full", 550, default, SmtpStage.Unknown)).Id);
    }

    // Texts are folded 16 characters at a time, the last 16 ending where the text ends, and one at a time from the first
    // part that holds a non-ASCII character: every length folds as the definition says, character by character.
    [Theory]
    [InlineData("550-Verification FAILED\r\n550\tRelaying DENIED: Mailbox [UNAVAILABLE] (Quota) ZZZ @AZ[`{ end")]
    [InlineData("554 5.7.1 RELAIS REFUSÉ\tpour <Bob@Example.ORG>\r\n Ça İstanbul ÉTÉ ÜBERSCHRITTEN Größe 已停用 end")]
    public void Fold_EveryLength_LowersAndTurnsBlanksIntoSpaces(string text)
    {
        for (int length = 0; length <= text.Length; length++)
        {
            var folded = new char[length];
            PhraseTrie.Fold(text.AsSpan(0, length), folded);

            var expected = text[..length].Select(c => c is '\r' or '\n' or '\t' ? ' ' : char.ToLowerInvariant(c));
            Assert.Equal(string.Concat(expected), new string(folded));
        }
    }

    // Every phrase of the built-in rules, as the whole text and after a word, is found by a set of one rule a phrase:
    // the jump table holds or leaves out each of their prefixes correctly.
    [Fact]
    public void DefaultRulePhrases_EachOne_IsFoundWhenItStandsInTheText()
    {
        var phrases = DefaultRules.Compiled.Rules.SelectMany(r => r.AnyPhrase.Concat(r.AllPhrases).Concat(r.NotPhrases))
            .Distinct(StringComparer.Ordinal).ToList();
        var set = new RuleSet(
            phrases.Select((p, i) => new SmtpFailureRule { Id = $"test.p{i}", Kind = SmtpFailureKind.MessageRejected, Tier = RuleTier.Phrase, AnyPhrase = [p] })
                .Append(new SmtpFailureRule { Id = "test.unknown", Kind = SmtpFailureKind.Unknown, Tier = RuleTier.Fallback }));
        Span<int> markers = stackalloc int[set.MarkerCount];
        var missed = new List<string>();
        for (int i = 0; i < phrases.Count; i++)
        {
            foreach (string text in new[] { phrases[i], "x " + phrases[i] + " y" })
            {
                var candidates = new List<RuleCandidate>();
                set.EvaluateMarked(text, 550, default, SmtpStage.Unknown, markers, out _, candidates);
                if (!candidates.Any(c => c.RuleId == $"test.p{i}"))
                    missed.Add(text);
            }
        }

        Assert.True(phrases.Count > 1000, $"{phrases.Count} phrases");
        Assert.Empty(missed);
    }
}
