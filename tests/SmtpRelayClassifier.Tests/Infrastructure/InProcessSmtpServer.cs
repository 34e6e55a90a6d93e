using System;
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

    public InProcessSmtpServer(bool requireAuthentication = false)
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("mail.example.com")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).AllowUnsecureAuthentication(true).AuthenticationRequired(requireAuthentication))
            .Build();
        var services = new ServiceProvider();
        services.Add(new PolicyFilter());
        services.Add(new DelegatingUserAuthenticator((user, password) => user == User && password == Password));
        var server = new SmtpServer.SmtpServer(options, services);
        _running = server.StartAsync(_stop.Token);
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
