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
    /// As <see cref="Evaluate"/>, and sets in
    /// <paramref name="markers"/> (at least <see cref="MarkerCount"/> long) which marker phrases the text holds.
    /// Allocation-free, unless <paramref name="candidates"/> is given: it then receives every rule that was weighed
    /// (<see cref="AddCandidates"/>), its positions shifted by <paramref name="textOffset"/>.
    /// </summary>
    public RuleDecision EvaluateMarked(ReadOnlySpan<char> text, int code, EnhancedStatusCode enhanced, SmtpStage stage, Span<bool> markers,
        ICollection<RuleCandidate>? candidates = null, int textOffset = 0)
    {
        Span<ulong> found = stackalloc ulong[(_phrases.Length + 63) >> 6];
        Span<RuleMatch> matches = stackalloc RuleMatch[MaxMatches];
        int count = CollectFound(text, code, enhanced, stage, matches, found);
        for (int m = 0; m < _markers.Length; m++)
            markers[m] = (found[_markers[m] >> 6] & (1UL << _markers[m])) != 0;
        Span<RuleCandidateOutcome> outcomes = candidates is null ? default : stackalloc RuleCandidateOutcome[MaxMatches];
        var decision = EvidenceWeighing.Decide(this, matches[..count], outcomes[..Math.Min(count, outcomes.Length)]);
        if (candidates is not null)
            AddCandidates(text, textOffset, matches[..count], outcomes[..count], found, candidates);
        return decision;
    }

    /// <summary>Where a marker phrase first stands in the text (as <see cref="Locate"/> finds it), or -1.</summary>
    public int LocateMarker(ReadOnlySpan<char> text, int marker) => Locate(text, _markers[marker]);

    /// <summary>The length of a marker phrase.</summary>
    public int MarkerLength(int marker) => _phrases[_markers[marker]].Length;
}
