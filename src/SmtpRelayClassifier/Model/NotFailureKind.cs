namespace SmtpRelayClassifier;

/// <summary>
/// What an input is when it reports no failure (<see cref="RelayBlockDiagnosis.IsFailure"/> false): a success reply, a
/// notice that a message was delivered or is still being retried, a feedback or DMARC report, an automatic reply. A closed
/// set; the member names appear in the JSON output and in logs and are never renamed.
/// </summary>
/// <remarks>
/// A delay notice (<see cref="DelayNotice"/>) keeps the kind its text gives (a full mailbox, a rate limit) and is
/// transient with <see cref="RecipientAction.RetryLater"/>; it is no failure because the sending server still holds the
/// message and retries by itself: its final outcome comes later, as a delivery or a failure, and would otherwise be
/// counted twice. Every other member has the kind <see cref="SmtpFailureKind.Unknown"/> and <see cref="RecipientAction.None"/>.
/// </remarks>
public enum NotFailureKind
{
    /// <summary>The input reports a failure (<see cref="RelayBlockDiagnosis.IsFailure"/> true).</summary>
    None = 0,

    /// <summary>A 2xx reply (RFC 5321 §4.2.1: the command was accepted), or an Outlook success code.</summary>
    SuccessReply,

    /// <summary>A 3xx reply (RFC 5321 §4.2.1: the server waits for more, such as <c>354</c> after DATA or <c>334</c> during AUTH).</summary>
    IntermediateReply,

    /// <summary>A delivery-status report (RFC 3464) whose <c>Action</c> is <c>delayed</c>, or a log line that defers a delivery: the message is still queued and retried.</summary>
    DelayNotice,

    /// <summary>A delivery-status report whose <c>Action</c> is <c>delivered</c> (RFC 3464 §2.3.3): the message reached the recipient's mailbox.</summary>
    DeliveredNotice,

    /// <summary>A delivery-status report whose <c>Action</c> is <c>relayed</c>: the message was passed on to a system that sends no reports.</summary>
    RelayedNotice,

    /// <summary>A delivery-status report whose <c>Action</c> is <c>expanded</c>: the message reached a list or alias and was sent on to its members.</summary>
    ExpandedNotice,

    /// <summary>
    /// An abuse feedback report (ARF, RFC 5965: <c>multipart/report; report-type=feedback-report</c>), such as a spam
    /// complaint; its <c>Feedback-Type</c> (<c>abuse</c>, <c>fraud</c>, <c>virus</c>, <c>other</c>, <c>auth-failure</c>,
    /// <c>not-spam</c>, <c>opt-out</c>) says which.
    /// </summary>
    FeedbackReport,

    /// <summary>A DMARC aggregate report (RFC 7489 §7.2): the XML summary of a receiver's checks, usually zipped or gzipped.</summary>
    DmarcAggregateReport,

    /// <summary>An automatic reply (RFC 3834 <c>Auto-Submitted: auto-replied</c>, <c>X-Autoreply</c>, a vacation or out-of-office message).</summary>
    AutoReply,
}
