using System;
using System.Collections.Generic;

namespace SmtpRelayClassifier;

/// <summary>
/// A rule of one's own, in the form the built-in rules have (<see cref="SmtpFailureRules.BuiltIn"/>): a stable id, the
/// evidence it needs, and the diagnosis it yields. Every piece of evidence that is given must hold; what is left out is
/// not looked at. Phrases are compared ordinally, ignoring case, and must start at a word boundary. Given to
/// <see cref="SmtpFailureClassifier.Create(SmtpFailureClassifierOptions)"/> through
/// <see cref="SmtpFailureClassifierOptions.Rules"/>, or read from a rule file with <c>SmtpFailureRules.Load</c>.
/// An immutable record; thread-safe.
/// </summary>
public sealed record SmtpFailureRuleDefinition
{
    /// <summary>The rule's id (<c>site.relay-denied</c>), given as <see cref="RelayBlockDiagnosis.RuleId"/> when it decides. Required.</summary>
    public required string Id { get; init; }

    /// <summary>The kind the rule yields. Required.</summary>
    public required SmtpFailureKind Kind { get; init; }

    /// <summary>
    /// How strong the rule's evidence is (<see cref="DiagnosisEvidence.Strength"/>), which orders it among the rules of
    /// its group and sets its confidence; default <see cref="EvidenceStrength.VendorPhrase"/>. A
    /// <see cref="EvidenceStrength.VagueEnhancedCode"/> rule of kind <see cref="SmtpFailureKind.Unknown"/>, and a
    /// <see cref="EvidenceStrength.None"/> rule, name no kind: they decide only when no other rule does.
    /// </summary>
    public EvidenceStrength Strength { get; init; } = EvidenceStrength.VendorPhrase;

    /// <summary>The product whose replies the rule knows; default null (none).</summary>
    public string? Vendor { get; init; }

    /// <summary>At least one of these phrases must occur in the text; default empty (no phrase needed). Three characters or more each.</summary>
    public IReadOnlyList<string> Phrases { get; init; } = [];

    /// <summary>Every one of these phrases must occur in the text as well; default empty.</summary>
    public IReadOnlyList<string> AllPhrases { get; init; } = [];

    /// <summary>None of these phrases may occur in the text; default empty.</summary>
    public IReadOnlyList<string> NotPhrases { get; init; } = [];

    /// <summary>The stages the rule applies at; default empty (any). An unknown stage passes unless <see cref="StageRequired"/>.</summary>
    public IReadOnlyList<SmtpStage> Stages { get; init; } = [];

    /// <summary>True when the stage must be known and be one of <see cref="Stages"/>; default false.</summary>
    public bool StageRequired { get; init; }

    /// <summary>The basic reply codes (200 to 599) the rule applies to; default empty (any, including none).</summary>
    public IReadOnlyList<int> Codes { get; init; } = [];

    /// <summary>The class of the reply the rule applies to (2 to 5), from the basic code or else the enhanced code; default 0 (any).</summary>
    public int CodeClass { get; init; }

    /// <summary>The enhanced codes the rule applies to: <c>5.7.1</c>, <c>x.7.1</c>, <c>5.7.x</c>, <c>5.7.606-649</c>; default empty (any, including none).</summary>
    public IReadOnlyList<string> EnhancedCodes { get; init; } = [];

    /// <summary>The causes, most likely first; default null (the kind's).</summary>
    public IReadOnlyList<FailureCause>? Causes { get; init; }

    /// <summary>The remedies in order; default null (the kind's).</summary>
    public IReadOnlyList<FailureRemedy>? Remedies { get; init; }

    /// <summary>Who must act; default null (the kind's).</summary>
    public ResponsibleParty? Responsible { get; init; }

    /// <summary>The confidence of the rule's decisions before support and contradiction move it; default null (from <see cref="Strength"/>).</summary>
    public DiagnosisConfidence? Confidence { get; init; }

    /// <summary>Whether retrying can help; default <see cref="SmtpFailureRuleTransience.KindDefault"/>.</summary>
    public SmtpFailureRuleTransience Transience { get; init; }

    /// <summary>What to do with the recipient when the rule decides (<see cref="RelayBlockDiagnosis.RecipientAction"/>); default null (the library's table).</summary>
    public RecipientAction? Action { get; init; }

    /// <summary>The public page that explains the reply, for a reply that names none of its own; default null. An absolute http or https address.</summary>
    public Uri? HelpLink { get; init; }

    /// <summary>A one-line summary; default null (the kind's).</summary>
    public string? Summary { get; init; }
}
