
namespace SmtpRelayClassifier.Rules;

/// <summary>
/// What the weighing of the matching rules decided: the rule that explains the reply best, how strong its evidence is,
/// how many independent pieces agree with it, what contradicted it, and the confidence that follows.
/// </summary>
/// <param name="Rule">The rule that decided.</param>
/// <param name="RuleIndex">Its index in the rule set's compiled order.</param>
/// <param name="Evidence">What that rule looks at, and its strength.</param>
/// <param name="PhraseId">The id of the deciding rule's phrase that was found, or -1.</param>
/// <param name="Phrase">That phrase, the rule's own string, or null.</param>
/// <param name="PhraseOffset">Where that phrase first stands in the text the rules read, or -1 when not known.</param>
/// <param name="Support">How many independent pieces of evidence (other phrases, the enhanced code, the reply code) agree with the kind.</param>
/// <param name="RunnerUp">The strongest rule for another kind, when one held; null when nothing contradicted.</param>
/// <param name="RunnerUpStrength">The strength of <paramref name="RunnerUp"/>'s evidence.</param>
/// <param name="Confidence">The confidence the weighing gives.</param>
internal readonly record struct RuleDecision(
    SmtpFailureRule Rule,
    int RuleIndex,
    RuleEvidence Evidence,
    int PhraseId,
    string? Phrase,
    int PhraseOffset,
    int Support,
    SmtpFailureRule? RunnerUp,
    EvidenceStrength RunnerUpStrength,
    DiagnosisConfidence Confidence);
