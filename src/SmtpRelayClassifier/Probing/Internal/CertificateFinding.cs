using System.Collections.Generic;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SmtpRelayClassifier.Probing.Internal;

/// <summary>Why a server's certificate was refused, in words, with its subject.</summary>
/// <param name="Subject">The certificate's subject, such as <c>CN=mail.example.net</c>; null when the server sent none.</param>
/// <param name="Errors">What the validation found.</param>
/// <param name="Problem">One line: the subject and each reason.</param>
internal sealed record CertificateFinding(string? Subject, SslPolicyErrors Errors, string Problem)
{
    public static CertificateFinding Of(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, string host)
    {
        var reasons = new List<string>();
        if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            reasons.Add("the server sent no certificate");
        if (certificate is not null && certificate.Subject == certificate.Issuer)
            reasons.Add("it is self-signed");
        if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            var statuses = chain?.ChainStatus.Select(s => s.Status.ToString()).Distinct().ToArray() ?? [];
            reasons.Add(statuses.Length > 0 ? $"its chain does not validate ({string.Join(", ", statuses)})" : "its chain does not validate");
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            reasons.Add($"it is not issued for {host}");
        string subject = certificate?.Subject is { Length: > 0 } s ? s : "(none)";
        return new CertificateFinding(certificate?.Subject, errors, $"certificate {subject} refused: {string.Join("; ", reasons)}");
    }
}
