using System.Collections.Generic;

namespace SmtpRelayClassifier;

/// <summary>
/// A diagnosis with every rule that was weighed to reach it, as <see cref="SmtpFailureClassifier.ClassifyWithCandidates(string, SmtpFailureContext)"/>
/// gives it: the deciding rule (<see cref="RuleCandidateOutcome.Decided"/>), the rules that agreed and the rules that
/// lost, with why. Immutable and thread-safe.
/// </summary>
/// <param name="Diagnosis">The diagnosis, equal to what <c>Classify</c> gives for the same input.</param>
/// <param name="Candidates">The rules whose evidence held, strongest first (the order in which they were weighed); at most 32.</param>
public sealed record DiagnosisWithCandidates(RelayBlockDiagnosis Diagnosis, IReadOnlyList<RuleCandidate> Candidates);
