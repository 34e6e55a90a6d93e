using System;
using System.Collections.Generic;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// One rule: a stable id, the evidence it needs, and the diagnosis it yields. Every piece of evidence that is given
/// must hold; what is left out is not looked at. Phrases are compared ordinally, ignoring case, and must start at a
/// word boundary.
/// </summary>
internal sealed record SmtpFailureRule
{
    /// <summary>Stable id, <c>vendor.what</c> or <c>generic.what</c>; published in JSON and logs, never reused for another meaning.</summary>
    public required string Id { get; init; }

    /// <summary>The kind the rule yields.</summary>
    public required SmtpFailureKind Kind { get; init; }

    /// <summary>When the rule is tried (see <see cref="RuleTier"/>).</summary>
    public required int Tier { get; init; }

    /// <summary>The product whose replies the rule knows, or null for generic rules.</summary>
    public string? Vendor { get; init; }

    /// <summary>At least one of these phrases must occur in the text (empty: no phrase needed).</summary>
    public IReadOnlyList<string> AnyPhrase { get; init; } = [];

    /// <summary>Every one of these phrases must occur in the text as well.</summary>
    public IReadOnlyList<string> AllPhrases { get; init; } = [];

    /// <summary>None of these phrases may occur in the text.</summary>
    public IReadOnlyList<string> NotPhrases { get; init; } = [];

    /// <summary>The stages the rule applies at (empty: any). An unknown stage passes unless <see cref="StageRequired"/>.</summary>
    public IReadOnlyList<SmtpStage> Stages { get; init; } = [];

    /// <summary>True when the stage must be known and be one of <see cref="Stages"/>.</summary>
    public bool StageRequired { get; init; }

    /// <summary>The basic reply codes the rule applies to (empty: any, including none).</summary>
    public IReadOnlyList<int> Codes { get; init; } = [];

    /// <summary>The class of the reply the rule applies to, 4 or 5, from the basic code or else the enhanced code (0: any).</summary>
    public int CodeClass { get; init; }

    /// <summary>The enhanced codes the rule applies to (empty: any, including none).</summary>
    public IReadOnlyList<string> EnhancedCodes { get; init; } = [];

    /// <summary>The causes, most likely first; null takes the kind's defaults.</summary>
    public IReadOnlyList<FailureCause>? Causes { get; init; }

    /// <summary>The remedies in order; null takes the kind's defaults.</summary>
    public IReadOnlyList<FailureRemedy>? Remedies { get; init; }

    /// <summary>Who must act; null takes the kind's default.</summary>
    public ResponsibleParty? Responsible { get; init; }

    /// <summary>How strongly this evidence supports the kind; null takes the tier's (phrases high, enhanced codes medium, basic codes low).</summary>
    public DiagnosisConfidence? Confidence { get; init; }

    /// <summary>Whether retrying can help.</summary>
    public Transience Transience { get; init; }

    /// <summary>The public page of the rule's vendor that explains the reply (<see cref="RelayBlockDiagnosis.HelpLink"/> when the reply has no link of its own); null: none.</summary>
    public Uri? HelpLink { get; init; }

    /// <summary>What to do with the recipient when this rule decides; null: the table of <c>RecipientActions</c> decides.</summary>
    public RecipientAction? Action { get; init; }

    /// <summary>A one-line English summary; null takes the kind's.</summary>
    public string? Summary { get; init; }
}
