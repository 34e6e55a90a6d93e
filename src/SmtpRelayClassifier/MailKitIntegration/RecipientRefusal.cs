
namespace SmtpRelayClassifier.MailKitIntegration;

/// <summary>One recipient the server refused at RCPT TO, with the diagnosis of its reply. Immutable.</summary>
/// <param name="Address">The refused address.</param>
/// <param name="Diagnosis">Why it was refused.</param>
public sealed record RecipientRefusal(string Address, RelayBlockDiagnosis Diagnosis);
