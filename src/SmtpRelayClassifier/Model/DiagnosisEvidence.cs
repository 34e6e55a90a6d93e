using System;

namespace SmtpRelayClassifier;

/// <summary>
/// The evidence a diagnosis was decided from: the phrase the deciding rule found and where it stands, whether the reply
/// code, the enhanced code and the stage took part, how strong the evidence is, how many independent pieces agree, and
/// what contradicted it. Positions are character offsets in the text that was classified: the reply as given to
/// <c>Classify</c> (for bytes, the characters they decode to; for an exception, the server's reply in its message; for
/// a log line or a bounce, the line or the diagnostic text). The default value means that no rule weighed the reply
/// (an exception's type or an Outlook error number decided). An immutable value; thread-safe.
/// </summary>
#if NET
[System.Text.Json.Serialization.JsonConverter(typeof(DiagnosisEvidenceJsonConverter))]
#endif
public readonly record struct DiagnosisEvidence
{
    /// <summary>How strong the deciding evidence is.</summary>
    public EvidenceStrength Strength { get; init; }

    /// <summary>The phrase the deciding rule found (the rule's own lower-case wording), or null when no phrase decided.</summary>
    public string? Phrase { get; init; }

    /// <summary>Where <see cref="Phrase"/> stands in the classified text; an empty range at 0 when there is no phrase or it was not located.</summary>
#if NET
    public Range PhraseRange { get; init; }
#else
    internal Range PhraseRange { get; init; }
#endif

    /// <summary>True when the basic reply code took part in the decision.</summary>
    public bool UsedReplyCode { get; init; }

    /// <summary>True when the enhanced status code took part in the decision.</summary>
    public bool UsedEnhancedCode { get; init; }

    /// <summary>True when the command stage took part in the decision.</summary>
    public bool UsedStage { get; init; }

    /// <summary>How many independent pieces of evidence (other phrases, the enhanced code, the reply code) point to the same kind.</summary>
    public int Support { get; init; }

    /// <summary>The kind that the strongest contradicting evidence points to, or null when nothing contradicted.</summary>
    public SmtpFailureKind? ContradictingKind { get; init; }

    /// <summary>The stable id of the rule behind <see cref="ContradictingKind"/>, or null.</summary>
    public string? ContradictingRuleId { get; init; }

    /// <summary>How strong the contradicting evidence is (<see cref="EvidenceStrength.None"/> when nothing contradicted).</summary>
    public EvidenceStrength ContradictingStrength { get; init; }

    /// <summary>Where the reply code stands in the classified text, when the parser gives it; the default range otherwise.</summary>
#if NET
    public Range ReplyCodeRange { get; init; }
#else
    internal Range ReplyCodeRange { get; init; }
#endif

    /// <summary>Where the enhanced status code stands in the classified text, when the parser gives it; the default range otherwise.</summary>
#if NET
    public Range EnhancedCodeRange { get; init; }
#else
    internal Range EnhancedCodeRange { get; init; }
#endif

    /// <summary>
    /// Where the delay behind <see cref="RelayBlockDiagnosis.RetryAfter"/> stands in the classified text (its number and
    /// unit) when the server named one; the default range when the delay is the kind's default or there is none.
    /// </summary>
#if NET
    public Range RetryAfterRange { get; init; }
#else
    internal Range RetryAfterRange { get; init; }
#endif
}
