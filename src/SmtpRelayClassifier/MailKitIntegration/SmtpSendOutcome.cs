using System;
using System.Collections.Generic;

namespace SmtpRelayClassifier.MailKitIntegration;

/// <summary>
/// The outcome of a send through <see cref="DiagnosingSmtpClient"/>: every refused recipient with its own diagnosis
/// (MailKit alone stops at the first), whether the message went to the recipients the server accepted, and why the
/// message as a whole failed when it did. Immutable.
/// </summary>
public sealed record SmtpSendOutcome
{
    /// <summary>True when the server accepted the message for <see cref="AcceptedRecipients"/> (its reply to the end of the data was 250). Acceptance is not delivery.</summary>
    public required bool Sent { get; init; }

    /// <summary>The recipients the server accepted at RCPT TO.</summary>
    public required IReadOnlyList<string> AcceptedRecipients { get; init; }

    /// <summary>Every recipient the server refused at RCPT TO, each with its diagnosis, in the order they were sent.</summary>
    public required IReadOnlyList<RecipientRefusal> RejectedRecipients { get; init; }

    /// <summary>Why the message was not sent; null when <see cref="Sent"/>. When no recipient was accepted, the first refusal's diagnosis.</summary>
    public RelayBlockDiagnosis? Diagnosis { get; init; }

    /// <summary>The server's reply to the end of the data when <see cref="Sent"/> (such as <c>2.0.0 Ok: queued as 4C1F2</c>).</summary>
    public string? ServerResponse { get; init; }

    /// <summary>The exception the send ended with, when it did not succeed.</summary>
    public Exception? Exception { get; init; }

    /// <summary>True when the message was sent and no recipient was refused.</summary>
    public bool IsComplete => Sent && RejectedRecipients.Count == 0;
}
