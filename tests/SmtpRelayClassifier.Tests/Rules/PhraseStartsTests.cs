using System;
using System.Collections.Generic;
using System.Linq;
using SmtpRelayClassifier.Rules;
using Xunit;

namespace SmtpRelayClassifier.Tests.Rules;

public class PhraseStartsTests
{
    private static readonly bool[] OtherStarts = MakeOtherStarts(" ([:>");
    private static readonly char[] OtherStartChars = " ([:>".ToCharArray();

    public static TheoryData<string> Texts() => new()
    {
        "",
        "5",
        // Postfix smtpd_check.c reject_unauth_destination.
        "554 5.7.1 <bob@example.org>: Relay access denied",
        // KB 290842, the French reply, with non-ASCII letters inside and at the start of words.
        "554 5.7.1 Relais refusé: élève (été) [ça]",
        // Exactly one block, then one past it, then a block that holds a non-ASCII letter after the first.
        new string('a', 63) + " ",
        new string('a', 64) + " b",
        "550 5.1.1 " + new string('x', 60) + "\r\n550 5.1.1 Benutzer unbekannt: Größe überschritten " + new string('y', 70),
        // A word that runs across the boundary of two blocks must start once.
        new string(' ', 60) + "relaying denied across the boundary",
        "Tab\tand\r\nline breaks:>are(not)[spaces]" + string.Concat(Enumerable.Repeat(" word", 40)),
        // Digits are word characters; punctuation is not, unless a phrase starts with it.
        "421-4.7.0 [192.0.2.1 15] Our system has detected an unusual rate of unsolicited mail",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Starts_AreTheWordStartsAndTheOtherStartCharacters_OneCharacterAtATime(string text) =>
        Assert.Equal(OneAtATime(text), Found(text));

    // A block shorter than 64 characters is read in parts of 16, the last one ending where the text ends: every length,
    // with a word, a bracket or a non-ASCII letter on either side of where that last part begins.
    [Theory]
    [InlineData("450 4.2.1 (rate) limited: try:later>now [x] ab1 cd2 relaying denied (again) and again and again")]
    [InlineData("550 5.1.1 user unknown; Benutzer unbekannt, élève (été) [ça] überschritten Größe: limit")]
    public void Starts_InATextOfEveryLength_AreThoseReadOneCharacterAtATime(string text)
    {
        for (int length = 0; length <= text.Length; length++)
            Assert.Equal(OneAtATime(text[..length]), Found(text[..length]));
    }

    private static List<int> OneAtATime(string text)
    {
        var expected = new List<int>();
        bool previousIsWord = false;
        for (int i = 0; i < text.Length; i++)
        {
            bool isWord = char.IsLetterOrDigit(text[i]);
            if (isWord ? !previousIsWord : OtherStarts[text[i] < 128 ? text[i] : 128])
                expected.Add(i);
            previousIsWord = isWord;
        }

        return expected;
    }

    private static List<int> Found(string text)
    {
        var found = new List<int>();
        var starts = new PhraseStarts(text, OtherStarts, OtherStartChars);
        while (starts.MoveNext())
            found.Add(starts.Current);
        return found;
    }

    [Fact]
    public void Fold_LowersAndTurnsBlanksIntoSpaces_KeepingEveryOffset()
    {
        // Exim's multi-line reply as a bounce quotes it, with a tab and a Turkish dotted capital.
        const string text = "550-Verification FAILED\r\n550\tRelaying DENIED İstanbul ÉTÉ";
        var folded = new char[text.Length];

        PhraseTrie.Fold(text, folded);

        Assert.Equal("550-verification failed  550 relaying denied ", new string(folded, 0, 45));
        Assert.Equal(char.ToLowerInvariant('İ'), folded[45]);
        Assert.Equal("été", new string(folded, folded.Length - 3, 3));
    }

    [Fact]
    public void DefaultRules_FindAPhraseAcrossTheBoundaryOfTwoBlocks()
    {
        // Postfix smtpd_check.c reject_unauth_destination, pushed so that "relay" starts at offset 62 of the first block.
        string reply = "554 5.7.1 <bob@example.org>:" + new string(' ', 62 - 28) + "Relay access denied";
        Assert.Equal(62, reply.IndexOf("Relay", StringComparison.Ordinal));

        Assert.Equal(SmtpFailureKind.RelayDenied, SmtpFailureClassifier.Default.ClassifyKind(reply));
    }

    private static bool[] MakeOtherStarts(string chars)
    {
        var table = new bool[129];
        foreach (char c in chars)
            table[c] = true;
        return table;
    }
}
