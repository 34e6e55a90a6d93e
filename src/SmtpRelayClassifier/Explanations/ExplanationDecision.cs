using System;
using System.Collections.Generic;

namespace SmtpRelayClassifier;

/// <summary>What a diagnosis means for the reader: a success, a failure of the program itself, or a refusal that waiting may or may not cure.</summary>
internal enum ExplanationOutcome
{
    /// <summary>The server accepted (a 2xx or 3xx reply, an Outlook success code): nothing was refused.</summary>
    Accepted,

    /// <summary>A report about no failure: a delivered notice, a feedback or DMARC report, an automatic reply.</summary>
    NotAFailure,

    /// <summary>The program failed before or after talking to the server; no server refused anything.</summary>
    NotAnSmtpRefusal,

    /// <summary>The send was canceled by the program before it finished.</summary>
    Canceled,

    /// <summary>Not accepted for now; the mail system sends it again by itself (greylisting, deferred checks, queued bounces).</summary>
    RetriedAutomatically,

    /// <summary>Not accepted for now; the same message can succeed when it is sent again later.</summary>
    RetryLater,

    /// <summary>Refused for good: something has to change first.</summary>
    MustChange,
}

/// <summary>Who can carry out a remedy: the person at the screen, or the administrator of a mail server or network.</summary>
internal enum StepAudience
{
    /// <summary>The person who sent the message can do it (settings, addresses, content, asking someone).</summary>
    User,

    /// <summary>Only an administrator can do it (server, DNS, block lists, software).</summary>
    Administrator,
}

/// <summary>One remedy as the explanation tells it: who does it, and whether it is only for when the automatic retries keep failing.</summary>
internal readonly record struct ExplanationStep(FailureRemedy Remedy, StepAudience Audience, bool IfItPersists);

/// <summary>
/// The one place that decides, from a diagnosis's kind, transience, source and remedies, what the explanation says: the
/// outcome (and so the "waiting" line), the steps in order with their audience, and who must act. The texts are picked
/// from this decision, so the remedies, the waiting line and the party cannot contradict each other. Immutable.
/// </summary>
internal sealed record ExplanationDecision(ExplanationOutcome Outcome, bool Remote, IReadOnlyList<ExplanationStep> Steps, ResponsibleParty Party)
{
    // Rule ids of the diagnoses that are not refusals (Rules/ReplyCodeRules.cs, Classification/Inputs/*Reader.cs).
    private const string SuccessReplyRule = "code.2xx-3xx";
    private const string OutlookSuccessRule = NotFailures.OutlookSuccessRule;
    private const string UnrecognizedExceptionRule = "exception.unrecognized";
    private const string CanceledRule = "exception.canceled";

    private static readonly StepAudience[] Audiences = BuildAudiences();

    /// <summary>Who can carry out a remedy.</summary>
    public static StepAudience AudienceOf(FailureRemedy remedy) => Audiences[(int)remedy];

    /// <summary>True for the remedies that amount to waiting: they only fit an outcome where waiting helps.</summary>
    public static bool IsWaitStep(FailureRemedy remedy) => remedy is FailureRemedy.RetryLater or FailureRemedy.NoActionNeeded;

    /// <summary>Decides how a diagnosis is told.</summary>
    public static ExplanationDecision For(RelayBlockDiagnosis d)
    {
        bool remote = d.Source == DiagnosisSource.RemoteServer;
        if (d.RuleId is SuccessReplyRule or OutlookSuccessRule || d.ReplyCode is >= 200 and < 400)
            return new(ExplanationOutcome.Accepted, remote, [], ResponsibleParty.Unknown);
        // A delay notice is told as the transient failure its text gives: the mail system retries by itself.
        if (d.NotFailure is not (NotFailureKind.None or NotFailureKind.DelayNotice))
            return new(ExplanationOutcome.NotAFailure, remote, [], ResponsibleParty.Unknown);
        if (d.Kind == SmtpFailureKind.Unknown && d.ReplyCode is null && d.RuleId is UnrecognizedExceptionRule or CanceledRule)
        {
            var outcome = d.RuleId == CanceledRule ? ExplanationOutcome.Canceled : ExplanationOutcome.NotAnSmtpRefusal;
            return new(outcome, remote, [new(FailureRemedy.FixClientSoftware, StepAudience.Administrator, false)], ResponsibleParty.Sender);
        }

        var decided = !d.IsTransient ? ExplanationOutcome.MustChange
            : remote || d.Kind == SmtpFailureKind.RecipientVerificationDeferred || Contains(d.Causes, FailureCause.Greylisting)
                ? ExplanationOutcome.RetriedAutomatically
                : ExplanationOutcome.RetryLater;

        var steps = new List<ExplanationStep>(d.Remedies.Count + 2);
        if (decided == ExplanationOutcome.RetriedAutomatically)
            steps.Add(new(FailureRemedy.NoActionNeeded, StepAudience.User, false));
        foreach (var remedy in d.Remedies)
        {
            // A waiting step stays only where waiting is what the outcome says, and in the place the diagnosis gave it.
            bool keptWait = remedy == FailureRemedy.RetryLater && decided == ExplanationOutcome.RetryLater;
            if ((IsWaitStep(remedy) && !keptWait) || Has(steps, remedy))
                continue;
            // The reply asked for encryption, not for a login: the login remedy would repeat the encryption one.
            if (d.Kind == SmtpFailureKind.TlsRequired && remedy == FailureRemedy.AuthenticateOnSubmissionPort)
                continue;
            steps.Add(new(remedy, AudienceOf(remedy), decided == ExplanationOutcome.RetriedAutomatically));
        }

        if (decided == ExplanationOutcome.RetryLater && !Has(steps, FailureRemedy.RetryLater))
            steps.Add(new(FailureRemedy.RetryLater, StepAudience.User, false));
        else if (decided == ExplanationOutcome.MustChange && !steps.Exists(s => s.Audience == StepAudience.User))
        {
            // The person at the screen always gets something they can do: tell the one who can act.
            var ask = remote && d.ResponsibleParty == ResponsibleParty.RecipientSide ? FailureRemedy.ContactRecipient : FailureRemedy.ContactMailAdministrator;
            steps.Insert(0, new(ask, StepAudience.User, false));
        }

        return new(decided, remote, steps, d.ResponsibleParty);
    }

    private static bool Contains(IReadOnlyList<FailureCause> causes, FailureCause cause)
    {
        foreach (var c in causes)
        {
            if (c == cause)
                return true;
        }

        return false;
    }

    private static bool Has(List<ExplanationStep> steps, FailureRemedy remedy) => steps.Exists(s => s.Remedy == remedy);

    private static StepAudience[] BuildAudiences()
    {
        var audiences = new StepAudience[Enum.GetValues<FailureRemedy>().Length];
        foreach (var remedy in (ReadOnlySpan<FailureRemedy>)
            [
                FailureRemedy.FixServerCertificate, FailureRemedy.RequestBlockListRemoval, FailureRemedy.UseProviderRelay,
                FailureRemedy.FixSenderDnsRecords, FailureRemedy.VerifySenderIdentity, FailureRemedy.AskRecipientAdministratorToFixMx,
                FailureRemedy.DisableFirewallSmtpInspection, FailureRemedy.FixClientSoftware, FailureRemedy.ConnectBeforeSending,
            ])
        {
            audiences[(int)remedy] = StepAudience.Administrator;
        }

        return audiences;
    }
}
