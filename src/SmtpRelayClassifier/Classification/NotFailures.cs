using System;

namespace SmtpRelayClassifier;

/// <summary>
/// What makes a diagnosis no failure (<see cref="RelayBlockDiagnosis.NotFailure"/>): the reply code of a reply, and for
/// the readers of bounces and logs, the delays and the reports that are not about a failure.
/// </summary>
internal static class NotFailures
{
    /// <summary>The rule id of the Outlook success codes (<c>Classification/Inputs/OutlookReader.cs</c>).</summary>
    public const string OutlookSuccessRule = "outlook.success";

    /// <summary>What a reply of this kind, code and rule is when it is no failure: a 2xx or 3xx reply, or an Outlook success code.</summary>
    public static NotFailureKind OfReply(SmtpFailureKind kind, int code, string ruleId) =>
        kind != SmtpFailureKind.Unknown ? NotFailureKind.None
            : code is >= 200 and < 300 ? NotFailureKind.SuccessReply
            : code is >= 300 and < 400 ? NotFailureKind.IntermediateReply
            : string.Equals(ruleId, OutlookSuccessRule, StringComparison.Ordinal) ? NotFailureKind.SuccessReply
            : NotFailureKind.None;

    /// <summary>
    /// The diagnosis of a delivery the sending server still retries: the kind its text gives stays, it is transient, the
    /// action is <see cref="RecipientAction.RetryLater"/> and the wait what the text said or the kind's default.
    /// </summary>
    public static RelayBlockDiagnosis AsDelay(RelayBlockDiagnosis diagnosis) => diagnosis with
    {
        NotFailure = NotFailureKind.DelayNotice,
        IsTransient = true,
        RecipientAction = RecipientAction.RetryLater,
        RetryAfter = diagnosis.RetryAfter ?? RetryDelays.For(diagnosis.Kind, transient: true, diagnosis.Causes, said: null),
    };

    /// <summary>The diagnosis of a report that is about no failure (a delivered notice, a feedback or DMARC report, an automatic reply).</summary>
    public static RelayBlockDiagnosis Notice(NotFailureKind notFailure, string ruleId, string summary, string? server, string? mailbox) => new()
    {
        Kind = SmtpFailureKind.Unknown,
        NotFailure = notFailure,
        RecipientAction = RecipientAction.None,
        Source = DiagnosisSource.RemoteServer,
        Confidence = DiagnosisConfidence.High,
        Remedies = [FailureRemedy.NoActionNeeded],
        Server = server,
        Mailbox = mailbox,
        RuleId = ruleId,
        Summary = summary,
    };
}
