using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SmtpRelayClassifier.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 with a mail provider's usual policy: it accepts mail for
/// its own domain from anyone, relays to other domains only for logged-in users, knows a fixed set of mailboxes, and
/// lets a user send only as its own address. The replies are the ones Postfix gives in the same situations.
/// </summary>
public sealed class InProcessSmtpServer : IAsyncDisposable
{
    public const string LocalDomain = "example.com";
    public const string User = "alice";
    public const string Password = "secret";

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public InProcessSmtpServer(bool requireAuthentication = false, bool openRelay = false, X509Certificate2? certificate = null)
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("mail.example.com")
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).AllowUnsecureAuthentication(true).AuthenticationRequired(requireAuthentication);
                if (certificate is not null)
                    e.Certificate(certificate);
            })
            .Build();
        var services = new ServiceProvider();
        services.Add(openRelay ? new OpenFilter() : new PolicyFilter());
        services.Add(new DelegatingUserAuthenticator((user, password) => user == User && password == Password));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, e) => e.Context.CommandExecuting += (_, c) => Commands.Enqueue(c.Command.Name);
        _running = server.StartAsync(_stop.Token);
    }

    /// <summary>Every command the server received, by name, from every session.</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>A self-signed certificate for mail.example.com, as a test server would have.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=mail.example.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public int Port { get; }

    public static readonly string[] KnownMailboxes = ["alice@example.com", "carol@example.com"];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class OpenFilter : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) => Task.FromResult(true);
    }

    private sealed class PolicyFilter : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
        {
            // reject_sender_login_mismatch: a logged-in user sends only as its own address.
            if (context.Authentication.IsAuthenticated && from.AsAddress() != $"{context.Authentication.User}@{LocalDomain}")
                throw Reply(553, $"5.7.1 <{from.AsAddress()}>: Sender address rejected: not owned by user {context.Authentication.User}");
            return Task.FromResult(true);
        }

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            string address = to.AsAddress();
            if (!string.Equals(to.Host, LocalDomain, StringComparison.OrdinalIgnoreCase))
            {
                // reject_unauth_destination
                if (!context.Authentication.IsAuthenticated)
                    throw Reply(554, $"5.7.1 <{address}>: Relay access denied");
                return Task.FromResult(true);
            }

            if (Array.IndexOf(KnownMailboxes, address.ToLowerInvariant()) < 0)
                throw Reply(550, $"5.1.1 <{address}>: Recipient address rejected: User unknown in virtual mailbox table");
            return Task.FromResult(true);
        }

        private static SmtpResponseException Reply(int code, string text) => new(new SmtpResponse((SmtpReplyCode)code, text));
    }
}
