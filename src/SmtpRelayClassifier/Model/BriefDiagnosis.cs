namespace SmtpRelayClassifier;

/// <summary>
/// The cheapest answer for bulk work: the kind, whether it is a relay block, whether retrying can help, the rule
/// that decided, and what to do with the recipient. A value type; <see cref="SmtpFailureClassifier.ClassifyBrief"/> allocates nothing to make it.
/// </summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="IsRelayBlock">Whether it is a relay block (as <see cref="RelayBlockDiagnosis.IsRelayBlock"/>).</param>
/// <param name="IsTransient">Whether sending again later can succeed.</param>
/// <param name="RuleId">The rule that decided.</param>
/// <param name="RecipientAction">What to do with the recipient (as <see cref="RelayBlockDiagnosis.RecipientAction"/>).</param>
public readonly record struct BriefDiagnosis(SmtpFailureKind Kind, bool IsRelayBlock, bool IsTransient, string RuleId, RecipientAction RecipientAction)
{
    /// <summary>
    /// False for a reply that reports no failure (a 2xx or 3xx reply, whose <see cref="RecipientAction"/> is
    /// <see cref="RecipientAction.None"/>); true otherwise, as <see cref="RelayBlockDiagnosis.IsFailure"/> of the same reply.
    /// </summary>
    public bool IsFailure => RecipientAction != RecipientAction.None;
}
