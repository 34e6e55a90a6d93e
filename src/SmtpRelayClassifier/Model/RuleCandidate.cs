using System.Collections.Generic;

namespace SmtpRelayClassifier;

/// <summary>
/// A rule whose evidence held for a reply and was weighed: its kind, how strong its evidence is, the phrases it found
/// and where they stand, the codes and stage it read, and what became of it (<see cref="Outcome"/>: it decided, agreed,
/// or lost and why). Where the codes stand is the diagnosis's (<see cref="DiagnosisEvidence.ReplyCodeRange"/>,
/// <see cref="DiagnosisEvidence.EnhancedCodeRange"/>): every rule reads the same codes. Immutable and thread-safe.
/// </summary>
public sealed record RuleCandidate
{
    /// <summary>The stable id of the rule.</summary>
    public required string RuleId { get; init; }

    /// <summary>The kind the rule names.</summary>
    public SmtpFailureKind Kind { get; init; }

    /// <summary>How strong the rule's evidence is (its tier's strength).</summary>
    public EvidenceStrength Strength { get; init; }

    /// <summary>What became of the rule in the weighing.</summary>
    public RuleCandidateOutcome Outcome { get; init; }

    /// <summary>The rule's phrases that the text holds, in the order they stand in it; empty when the rule reads no wording.</summary>
    public IReadOnlyList<MatchedPhrase> Phrases { get; init; } = [];

    /// <summary>True when the rule reads the basic reply code (or its class).</summary>
    public bool UsedReplyCode { get; init; }

    /// <summary>True when the rule reads the enhanced status code.</summary>
    public bool UsedEnhancedCode { get; init; }

    /// <summary>True when the rule reads the command stage.</summary>
    public bool UsedStage { get; init; }
}
