namespace SmtpRelayClassifier;

/// <summary>
/// What became of a rule whose evidence held for a reply when the evidence was weighed: it decided, agreed with the
/// decision, or lost, and why. A closed set; the member names appear in output and are never renamed.
/// </summary>
#if NET
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RuleCandidateOutcome>))]
#endif
public enum RuleCandidateOutcome
{
    /// <summary>This rule decided the diagnosis: the strongest evidence that names a kind.</summary>
    Decided = 0,

    /// <summary>
    /// Names the same kind on independent evidence (another phrase, the enhanced code, the reply code): counted in
    /// <see cref="DiagnosisEvidence.Support"/>.
    /// </summary>
    Agrees,

    /// <summary>Names the same kind on a piece of evidence already counted (the same phrase or code): not counted again.</summary>
    Repeats,

    /// <summary>Names another kind on weaker evidence than the deciding rule's: outranked.</summary>
    Weaker,

    /// <summary>
    /// Names another kind on evidence as strong as the deciding rule's, but comes after it in the rule order (a later
    /// tier of the same strength, or declared later): the rule before it decided.
    /// </summary>
    TriedLater,

    /// <summary>
    /// The strongest evidence for another kind, reported as <see cref="DiagnosisEvidence.ContradictingRuleId"/>: it lost
    /// (weaker, or tried later) and left the confidence as it was, being of the same sort as the deciding evidence or
    /// more than one strength below it.
    /// </summary>
    Contradicts,

    /// <summary>
    /// As <see cref="Contradicts"/>, and of another sort (wording against a code) and at most one strength below the
    /// deciding evidence: it lowered the confidence a level.
    /// </summary>
    LowersConfidence,

    /// <summary>
    /// Names no kind (a vague code such as <c>5.7.1</c> that leaves the kind to the text, or the evidence-free last rule):
    /// it decides only when nothing else names a kind.
    /// </summary>
    LeavesKindOpen,
}
