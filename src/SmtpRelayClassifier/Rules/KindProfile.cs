using System.Collections.Generic;

namespace SmtpRelayClassifier.Rules;

/// <summary>What a kind means when a rule says no more: causes, remedies, who acts, whether waiting helps, a summary.</summary>
internal sealed record KindProfile(
    IReadOnlyList<FailureCause> Causes,
    IReadOnlyList<FailureRemedy> Remedies,
    ResponsibleParty Responsible,
    bool Transient,
    string Summary);
