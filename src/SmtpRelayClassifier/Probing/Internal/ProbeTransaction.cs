
namespace SmtpRelayClassifier.Probing.Internal;

/// <summary>One MAIL FROM / RCPT TO transaction and what the server said.</summary>
internal sealed class ProbeTransaction(int port, bool authenticated, string sender, string description)
{
    public int Port { get; } = port;

    public bool Authenticated { get; } = authenticated;

    public string Sender { get; } = sender;

    public string Description { get; } = description;

    public bool MailAccepted { get; set; }

    public bool? ExternalAccepted { get; set; }

    public bool? LocalAccepted { get; set; }

    public RelayBlockDiagnosis? Refusal { get; set; }
}
