
namespace SmtpRelayClassifier.Scanning;

/// <summary>
/// One recipient of a bounce message that failed, was delayed or was delivered, with the diagnosis of what the remote
/// server said; or a message that reports no failure (a feedback or DMARC report, an automatic reply), whose
/// <see cref="RelayBlockDiagnosis.NotFailure"/> names it. Immutable.
/// </summary>
public sealed record BounceFailure
{
    /// <summary>The recipient (<c>Final-Recipient</c>, or the address the bounce text names), redacted unless the options keep addresses.</summary>
    public string? Recipient { get; init; }

    /// <summary>The DSN <c>Action</c>: <c>failed</c>, <c>delayed</c>, <c>delivered</c>, <c>relayed</c> or <c>expanded</c>; null for a message that is not an RFC 3464 report.</summary>
    public string? Action { get; init; }

    /// <summary>The remote server that refused (<c>Remote-MTA</c>, or the host the bounce text names).</summary>
    public string? RemoteHost { get; init; }

    /// <summary>The diagnosis; its <see cref="RelayBlockDiagnosis.Source"/> is <see cref="DiagnosisSource.RemoteServer"/>.</summary>
    public required RelayBlockDiagnosis Diagnosis { get; init; }

    /// <summary>True when the bounce is an RFC 3464 delivery-status report; false when the reply was found in its text.</summary>
    public required bool IsDeliveryStatusReport { get; init; }

    /// <summary>
    /// The <c>Feedback-Type</c> of an ARF feedback report, lowercased: <c>abuse</c>, <c>fraud</c>, <c>virus</c>, <c>other</c>
    /// (RFC 5965 §7.3), <c>auth-failure</c> (RFC 6591), <c>not-spam</c> (RFC 6650), or what else the report gives; null for
    /// any other message.
    /// </summary>
    public string? FeedbackType { get; init; }

    /// <summary>The bounce's <c>Message-Id</c>, when it has one.</summary>
    public string? MessageId { get; init; }
}
