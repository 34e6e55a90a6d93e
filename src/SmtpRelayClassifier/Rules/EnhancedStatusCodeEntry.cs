using System.Collections.Generic;
using SmtpRelayClassifier.Classification;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// One row of the IANA "SMTP Enhanced Status Codes" registry: the code without its class, what it means, the RFC that
/// registered it, and the kind it yields at class 5 and at class 4. A null kind means the code names no kind: the
/// text decides, and failing that the basic code.
/// </summary>
internal sealed record EnhancedStatusCodeEntry
{
    /// <summary><c>subject.detail</c>, for example <c>1.1</c>.</summary>
    public required string Code { get; init; }

    /// <summary>The registry's meaning, shortened.</summary>
    public required string Meaning { get; init; }

    /// <summary>The RFC (or draft) that registered the code.</summary>
    public required string Reference { get; init; }

    /// <summary>The kind at class 5 (permanent); null when the text must decide.</summary>
    public SmtpFailureKind? Permanent { get; init; }

    /// <summary>The kind at class 4 (transient); null when the text must decide.</summary>
    public SmtpFailureKind? Transient { get; init; }

    /// <summary>
    /// Non-null when the meaning is unambiguous enough to outrank weak wording (<see cref="RuleTier.SpecificCode"/>):
    /// the stages at which it is (empty: at every stage).
    /// </summary>
    public IReadOnlyList<SmtpStage>? SpecificAt { get; init; }

    /// <summary>The causes, most likely first; null takes the kind's defaults. When the class matters, those of the permanent kind.</summary>
    public IReadOnlyList<FailureCause>? Causes { get; init; }

    /// <summary>The remedies in order; null takes the kind's defaults. When the class matters, those of the permanent kind.</summary>
    public IReadOnlyList<FailureRemedy>? Remedies { get; init; }

    /// <summary>Who must act; null takes the kind's default.</summary>
    public ResponsibleParty? Responsible { get; init; }

    /// <summary>How strongly the code supports the kind; null takes the tier's.</summary>
    public DiagnosisConfidence? Confidence { get; init; }

    /// <summary>Whether retrying can help.</summary>
    public Transience Transience { get; init; }

    /// <summary>A one-line English summary; null takes the kind's.</summary>
    public string? Summary { get; init; }

    /// <summary>True when the class changes the kind (4.1.1 deferred verification, 5.1.1 unknown recipient).</summary>
    public bool ClassMatters => Permanent != Transient;
}
