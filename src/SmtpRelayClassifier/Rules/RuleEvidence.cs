
namespace SmtpRelayClassifier.Rules;

/// <summary>What a rule looks at, how strong its evidence is and whether it names a kind, known when the rule set is built.</summary>
internal readonly record struct RuleEvidence(
    EvidenceStrength Strength,
    bool UsesPhrase,
    bool UsesEnhancedCode,
    bool UsesReplyCode,
    bool UsesStage,
    bool NamesAKind);
