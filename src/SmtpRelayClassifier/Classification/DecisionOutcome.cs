using System;
using System.Collections.Generic;
using SmtpRelayClassifier.Rules;

namespace SmtpRelayClassifier;

/// <summary>
/// What a diagnosis takes, for a decision of one kind with its rule's own texts and one source, from the kind's profile
/// and the tables of TAXONOMY (the relay-block definition, the recipient action, the retry wait): the causes, remedies,
/// responsible party and summary, and the answers of those tables for each stage and transience. The classifier resolves
/// it once per rule and source when it is created (<see cref="ForRules"/>), so that a classification reads one value;
/// a decision made without rules (an exception, an Outlook number) resolves it on the spot (<see cref="Of"/>).
/// </summary>
internal readonly struct DecisionOutcome
{
    /// <summary>How many sources a rule's outcomes are resolved for: every <see cref="DiagnosisSource"/>.</summary>
    public const int Sources = (int)DiagnosisSource.RemoteServer + 1;

    private const int StageBits = 32;

    private readonly SmtpFailureKind _kind;
    private readonly uint _relayBlockStages;
    private readonly RecipientAction _permanentAction;
    private readonly RecipientAction _transientAction;
    private readonly TimeSpan? _transientDelay;

    private DecisionOutcome(SmtpFailureKind kind, IReadOnlyList<FailureCause>? causes, IReadOnlyList<FailureRemedy>? remedies,
        ResponsibleParty? responsible, string? summary, RecipientAction? action, DiagnosisSource source)
    {
        _kind = kind;
        var profile = KindProfiles.For(kind, source);
        // A reply a remote server sent in a bounce means something else for some kinds: their remote profile decides.
        bool remote = source == DiagnosisSource.RemoteServer && KindProfiles.HasRemoteProfile(kind);
        Causes = remote ? profile.Causes : causes ?? profile.Causes;
        Remedies = remote ? profile.Remedies : remedies ?? profile.Remedies;
        Responsible = remote ? profile.Responsible : responsible ?? profile.Responsible;
        Summary = remote ? profile.Summary : summary ?? profile.Summary;
        Transient = profile.Transient;
        for (int stage = 0; stage < StageBits; stage++)
        {
            if (RelayBlockPolicy.IsRelayBlock(kind, (SmtpStage)stage, Causes))
                _relayBlockStages |= 1u << stage;
        }

        // The reply code changes the action only for a reply that is no failure, which has none (ActionFor).
        _permanentAction = action ?? RecipientActions.For(kind, transient: false, source, Causes, replyCode: 0);
        _transientAction = action ?? RecipientActions.For(kind, transient: true, source, Causes, replyCode: 0);
        _transientDelay = RetryDelays.For(kind, transient: true, Causes, said: null);
    }

    /// <summary>The causes, most likely first.</summary>
    public IReadOnlyList<FailureCause> Causes { get; }

    /// <summary>The remedies.</summary>
    public IReadOnlyList<FailureRemedy> Remedies { get; }

    /// <summary>Who must act.</summary>
    public ResponsibleParty Responsible { get; }

    /// <summary>The one-line summary.</summary>
    public string Summary { get; }

    /// <summary>Whether the kind is transient, for a decision that leaves it open.</summary>
    public bool Transient { get; }

    /// <summary>The outcome of a decision made without rules.</summary>
    public static DecisionOutcome Of(in Verdict verdict, DiagnosisSource source) =>
        new(verdict.Kind, verdict.Causes, verdict.Remedies, verdict.Responsible, verdict.Summary, verdict.Action, source);

    /// <summary>The outcome of each rule of a set (in its compiled order) for each source, at <c>rule * Sources + source</c>.</summary>
    public static DecisionOutcome[] ForRules(RuleSet rules)
    {
        var outcomes = new DecisionOutcome[rules.Count * Sources];
        for (int r = 0; r < rules.Count; r++)
        {
            var rule = rules.RuleAt(r);
            for (int source = 0; source < Sources; source++)
            {
                outcomes[(r * Sources) + source] =
                    new(rule.Kind, rule.Causes, rule.Remedies, rule.Responsible, rule.Summary, rule.Action, (DiagnosisSource)source);
            }
        }

        return outcomes;
    }

    /// <summary>Whether a failure of this outcome at this stage is a relay block (TAXONOMY).</summary>
    public bool IsRelayBlockAt(SmtpStage stage) =>
        (uint)stage < StageBits ? (_relayBlockStages & (1u << (int)stage)) != 0 : RelayBlockPolicy.IsRelayBlock(_kind, stage, Causes);

    /// <summary>What to do with the recipient: nothing for a reply that is no failure (<paramref name="notFailure"/>).</summary>
    public RecipientAction ActionFor(bool transient, NotFailureKind notFailure) =>
        notFailure != NotFailureKind.None ? RecipientAction.None : transient ? _transientAction : _permanentAction;

    /// <summary>The wait before sending again: none when permanent; what the server said, when it did; the kind's default otherwise.</summary>
    public TimeSpan? RetryAfter(bool transient, TimeSpan? said) => transient ? said ?? _transientDelay : null;
}
