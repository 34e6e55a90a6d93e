
namespace SmtpRelayClassifier.Scanning;

/// <summary>One recipient of a bounce message that failed or was delayed, with the diagnosis of what the remote server said. Immutable.</summary>
public sealed record BounceFailure
{
    /// <summary>The recipient (<c>Final-Recipient</c>, or the address the bounce text names), redacted unless the options keep addresses.</summary>
    public string? Recipient { get; init; }

    /// <summary>The DSN <c>Action</c>: <c>failed</c> or <c>delayed</c>; null for a bounce that is not an RFC 3464 report.</summary>
    public string? Action { get; init; }

    /// <summary>The remote server that refused (<c>Remote-MTA</c>, or the host the bounce text names).</summary>
    public string? RemoteHost { get; init; }

    /// <summary>The diagnosis; its <see cref="RelayBlockDiagnosis.Source"/> is <see cref="DiagnosisSource.RemoteServer"/>.</summary>
    public required RelayBlockDiagnosis Diagnosis { get; init; }

    /// <summary>True when the bounce is an RFC 3464 delivery-status report; false when the reply was found in its text.</summary>
    public required bool IsDeliveryStatusReport { get; init; }

    /// <summary>The bounce's <c>Message-Id</c>, when it has one.</summary>
    public string? MessageId { get; init; }
}
