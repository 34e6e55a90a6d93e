using System.Collections.Generic;

namespace SmtpRelayClassifier;

/// <summary>
/// What <see cref="SmtpFailureClassifier.Create(SmtpFailureClassifierOptions)"/> builds a classifier from: one's own
/// rules, tried before the built-in ones, and the built-in rules to turn off. A rule file read by
/// <c>SmtpFailureRules.Load</c> is one of these. Immutable once built; thread-safe.
/// </summary>
public sealed class SmtpFailureClassifierOptions
{
    /// <summary>
    /// One's own rules, tried before every built-in rule: the first that holds and names a kind decides, whatever the
    /// built-in evidence. Among themselves they are tried by <see cref="SmtpFailureRuleDefinition.Strength"/>, then in
    /// order. Ids are unique and, while <see cref="IncludeBuiltInRules"/> is true, no built-in rule's id unless that one is
    /// in <see cref="DisabledRuleIds"/>. Default: empty.
    /// </summary>
    public IReadOnlyList<SmtpFailureRuleDefinition> Rules { get; init; } = [];

    /// <summary>The ids of built-in rules to turn off (<c>generic.spam</c>); each must be a built-in rule's, and not <c>generic.unknown</c>, the rule every reply falls back to. Default: empty.</summary>
    public IReadOnlyList<string> DisabledRuleIds { get; init; } = [];

    /// <summary>
    /// Whether the built-in rules are tried after <see cref="Rules"/>; default true. When false, <see cref="Rules"/> are
    /// the whole rule set, and one of them must need no evidence (no phrase, code, class or stage; strength
    /// <see cref="EvidenceStrength.None"/>), so that every reply gets a diagnosis: the export of
    /// <see cref="SmtpFailureRules.BuiltIn"/> is such a set.
    /// </summary>
    public bool IncludeBuiltInRules { get; init; } = true;
}
