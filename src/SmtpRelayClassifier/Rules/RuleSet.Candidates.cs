using System;
using System.Collections.Generic;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// The rules that were weighed, as <see cref="RuleCandidate"/> values: built only when a caller asks for them
/// (<see cref="EvaluateMarked"/> with a collection), never on the classification's hot path.
/// </summary>
internal sealed partial class RuleSet
{
    /// <summary>
    /// Adds a candidate for each match, in the order weighed, with what became of it (<paramref name="outcomes"/>, as
    /// <see cref="EvidenceWeighing.Decide"/> wrote them) and the rule's phrases the text holds (<paramref name="found"/>),
    /// located in <paramref name="text"/> (where the phrase walk kept their <paramref name="positions"/>, or looked for again)
    /// and shifted by <paramref name="textOffset"/>.
    /// </summary>
    private void AddCandidates(ReadOnlySpan<char> text, int textOffset, ReadOnlySpan<RuleMatch> matches, ReadOnlySpan<RuleCandidateOutcome> outcomes,
        ReadOnlySpan<ulong> found, ReadOnlySpan<long> positions, ICollection<RuleCandidate> candidates)
    {
        for (int i = 0; i < matches.Length; i++)
        {
            var match = matches[i];
            var compiled = _rules[match.Rule];
            candidates.Add(new RuleCandidate
            {
                RuleId = compiled.Rule.Id,
                Kind = compiled.Rule.Kind,
                Strength = compiled.Evidence.Strength,
                Outcome = outcomes[i],
                Phrases = PhrasesOf(text, textOffset, compiled, found, positions),
                UsedReplyCode = compiled.Evidence.UsesReplyCode,
                UsedEnhancedCode = compiled.Evidence.UsesEnhancedCode,
                UsedStage = compiled.Evidence.UsesStage,
            });
        }
    }

    // The rule's own phrases among those found (a rule's not-phrases are never among them when it matched), in text order.
    private MatchedPhrase[] PhrasesOf(ReadOnlySpan<char> text, int textOffset, CompiledRule rule, ReadOnlySpan<ulong> found, ReadOnlySpan<long> positions)
    {
        var phrases = new List<(int At, MatchedPhrase Phrase)>();
        for (int word = 0; word < found.Length; word++)
        {
            ulong bits = found[word];
            while (bits != 0)
            {
                int id = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (rule.PhraseOf(id) is not { } phrase)
                    continue;
                int at = PositionOf(positions, id);
                if (at < 0)
                    at = Locate(text, id);
                var range = at < 0 ? default : new Range(textOffset + at, textOffset + at + phrase.Length);
                phrases.Add((at < 0 ? int.MaxValue : at, new MatchedPhrase { Phrase = phrase, Range = range }));
            }
        }

        phrases.Sort((a, b) => a.At.CompareTo(b.At));
        return phrases.ConvertAll(p => p.Phrase).ToArray();
    }
}
