using System;

namespace SmtpRelayClassifier;

/// <summary>
/// A phrase of a rule found in the classified text, and where it first stands there (as
/// <see cref="DiagnosisEvidence.PhraseRange"/>: character offsets in the text that was classified). An immutable value;
/// thread-safe.
/// </summary>
public readonly record struct MatchedPhrase
{
    /// <summary>The phrase in the rule's own wording.</summary>
    public string Phrase { get; init; }

    /// <summary>Where the phrase first stands in the classified text; an empty range at 0 when it was not located.</summary>
#if NET
    public Range Range { get; init; }
#else
    internal Range Range { get; init; }
#endif
}
