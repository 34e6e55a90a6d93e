using System.Collections.Generic;

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

    // What the rules built from the row say besides the kind; for a row whose class matters, the permanent rule's.
    /// <inheritdoc cref="SmtpFailureRule.Causes"/>
    public IReadOnlyList<FailureCause>? Causes { get; init; }

    /// <inheritdoc cref="SmtpFailureRule.Remedies"/>
    public IReadOnlyList<FailureRemedy>? Remedies { get; init; }

    /// <inheritdoc cref="SmtpFailureRule.Responsible"/>
    public ResponsibleParty? Responsible { get; init; }

    /// <inheritdoc cref="SmtpFailureRule.Confidence"/>
    public DiagnosisConfidence? Confidence { get; init; }

    /// <inheritdoc cref="SmtpFailureRule.Transience"/>
    public Transience Transience { get; init; }

    /// <inheritdoc cref="SmtpFailureRule.Summary"/>
    public string? Summary { get; init; }

    /// <summary>True when the class changes the kind (4.1.1 deferred verification, 5.1.1 unknown recipient).</summary>
    public bool ClassMatters => Permanent != Transient;
}
