using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Smtp;

namespace SmtpRelayClassifier.Probing.Internal;

/// <summary>A MailKit client that can send single envelope commands and nothing else; the prober never sends DATA.</summary>
internal sealed class ProbeSmtpClient(IProtocolLogger logger) : SmtpClient(logger)
{
    public Task<SmtpResponse> CommandAsync(string command, CancellationToken cancellationToken) => SendCommandAsync(command, cancellationToken);
}
