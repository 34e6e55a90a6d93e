using System;
using System.Collections.Generic;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// Marker phrases: phrases no rule needs (block-list names, link schemes) found in the same pass over the text as the
/// rules' phrases, and reported to the caller that builds the whole diagnosis.
/// </summary>
internal sealed partial class RuleSet
{
    /// <summary>How many marker phrases the set was built with.</summary>
    public int MarkerCount => _markers.Length;

    /// <summary>
    /// As <see cref="Evaluate"/>, and tells whether the text holds a marker phrase (<paramref name="anyMarker"/>); when
    /// it does, sets in <paramref name="markers"/> (at least <see cref="MarkerCount"/> long) where each one first stands,
    /// or -1, and leaves the span as it was otherwise. Allocation-free, unless <paramref name="candidates"/> is given: it
    /// then receives every rule that was weighed (<see cref="AddCandidates"/>), its positions shifted by <paramref name="textOffset"/>.
    /// </summary>
    public RuleDecision EvaluateMarked(ReadOnlySpan<char> text, int code, EnhancedStatusCode enhanced, SmtpStage stage, Span<int> markers,
        out bool anyMarker, ICollection<RuleCandidate>? candidates = null, int textOffset = 0)
    {
        Span<ulong> found = stackalloc ulong[(_phrases.Length + 63) >> 6];
        Span<ulong> candidateRules = stackalloc ulong[_rulesWords];
        Span<RuleMatch> matches = stackalloc RuleMatch[MaxMatches];
        Span<long> positions = stackalloc long[MaxMatches];
        int codeClass = Prepare(text, code, enhanced, found, candidateRules, positions, out int positionCount);
        int count = CollectFound(code, codeClass, enhanced, stage, matches, found, candidateRules);
        anyMarker = Mark(text, found, positions[..positionCount], markers);

        // Not cleared (the module skips it), and written by the weighing only when a caller asked for the candidates.
        Span<RuleCandidateOutcome> outcomes = stackalloc RuleCandidateOutcome[MaxMatches];
        var decision = Placed(EvidenceWeighing.Decide(this, matches[..count], candidates is null ? default : outcomes[..count]), text, positions[..positionCount]);
        if (candidates is not null)
            AddCandidates(text, textOffset, matches[..count], outcomes[..count], found, positions[..positionCount], candidates);
        return decision;
    }

    // Where each marker phrase stands (-1: not found); false, and the markers left as they are, when the text holds none.
    private bool Mark(ReadOnlySpan<char> text, ReadOnlySpan<ulong> found, ReadOnlySpan<long> positions, Span<int> markers)
    {
        // Most replies hold no marker phrase: one test over the found set tells.
        ulong markerBits = 0;
        foreach (int word in _markerWords)
            markerBits |= found[word] & _markerMask[word];
        if (markerBits == 0)
            return false;
        for (int m = 0; m < _markers.Length; m++)
        {
            int id = _markers[m];
            if ((found[id >> 6] & (1UL << id)) == 0)
            {
                markers[m] = -1;
                continue;
            }

            // The walk keeps the positions of the first phrases it finds; a marker past them is looked for again.
            int at = PositionOf(positions, id);
            markers[m] = at >= 0 ? at : Locate(text, id);
        }

        return true;
    }

    /// <summary>The length of a marker phrase.</summary>
    public int MarkerLength(int marker) => _phrases[_markers[marker]].Length;
}
