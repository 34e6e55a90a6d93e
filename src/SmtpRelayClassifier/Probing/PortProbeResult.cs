using System.Collections.Generic;
using System.Net.Security;

namespace SmtpRelayClassifier.Probing;

/// <summary>What one port showed. Immutable.</summary>
public sealed record PortProbeResult
{
    /// <summary>The port.</summary>
    public required int Port { get; init; }

    /// <summary>What the TCP connection gave.</summary>
    public required PortReachability Reachability { get; init; }

    /// <summary>True when the port speaks TLS from the first byte (465).</summary>
    public bool ImplicitTls { get; init; }

    /// <summary>The server's greeting line, when it greeted.</summary>
    public string? Greeting { get; init; }

    /// <summary>The EHLO keywords before TLS (empty for implicit TLS).</summary>
    public IReadOnlyList<string> CapabilitiesBeforeTls { get; init; } = [];

    /// <summary>The EHLO keywords after TLS, when TLS was set up.</summary>
    public IReadOnlyList<string> CapabilitiesAfterTls { get; init; } = [];

    /// <summary>True when a TLS session was set up with a certificate that passed validation (or matched the pin).</summary>
    public bool TlsEstablished { get; init; }

    /// <summary>
    /// Why TLS failed, when it did. A refused certificate is reported here with its subject and each reason (self-signed,
    /// chain not trusted, issued for another name), never accepted silently.
    /// </summary>
    public string? TlsError { get; init; }

    /// <summary>The subject of the certificate the server presented (<c>CN=mail.example.net</c>), valid or not; null when TLS did not get that far.</summary>
    public string? CertificateSubject { get; init; }

    /// <summary>What the validation of that certificate found; <see cref="SslPolicyErrors.None"/> when it validated or none was seen.</summary>
    public SslPolicyErrors CertificateErrors { get; init; }

    /// <summary>The AUTH mechanisms offered on the connection used for the transactions.</summary>
    public IReadOnlyList<string> AuthenticationMechanisms { get; init; } = [];
}
