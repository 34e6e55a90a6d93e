using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using MailKit.Security;
using SmtpRelayClassifier.Probing;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Probing;

/// <summary>
/// The prober against real SMTP servers in-process: the SmtpServer package (with STARTTLS and a pinned certificate
/// where a login is tested, since the login goes only over TLS), and the scripted server for a port that never greets.
/// </summary>
public partial class SmtpRelayProberTests
{
    private static readonly X509Certificate2 Certificate = InProcessSmtpServer.SelfSignedCertificate();
    private static readonly string Pin = Convert.ToHexString(SHA256.HashData(Certificate.RawData));

    private static RelayProbeOptions Options(int port, NetworkCredential? credentials = null, string sender = "alice@example.com", string? secondSender = null, string? pin = null) => new()
    {
        PinnedCertificateSha256 = pin,
        Host = "127.0.0.1",
        Ports = [port],
        Security = new System.Collections.Generic.Dictionary<int, SecureSocketOptions> { [port] = SecureSocketOptions.StartTlsWhenAvailable },
        Sender = sender,
        ExternalRecipient = "someone@external.example",
        LocalRecipient = "carol@example.com",
        Credentials = credentials,
        SecondSender = secondSender,
        StepTimeout = TimeSpan.FromSeconds(5),
    };

    private static NetworkCredential Alice(string password = InProcessSmtpServer.Password) => new(InProcessSmtpServer.User, password);

    [Fact]
    public async Task Probe_ServerRelayingForEveryone_IsOpenRelayForAnOutsider()
    {
        await using var server = new InProcessSmtpServer(openRelay: true);

        var report = await new SmtpRelayProber().ProbeAsync(new RelayProbeOptions
        {
            Host = "127.0.0.1", Ports = [server.Port], Sender = "x@outside.example", ExternalRecipient = "someone@external.example",
            ClientIsOutsider = true, StepTimeout = TimeSpan.FromSeconds(5),
        });

        Assert.Equal(RelayProbeVerdict.OpenRelay, report.Verdict);
        Assert.Null(report.Diagnosis);
        Assert.Contains(report.Steps, s => s.Kind == ProbeStepKind.RcptTo && s.Outcome == ProbeStepOutcome.Succeeded && s.Description.Contains("not proof of delivery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Probe_ServerRelayingFromLoopback_IsRelaysForThisNetworkByDefault()
    {
        await using var server = new InProcessSmtpServer(openRelay: true);

        var report = await new SmtpRelayProber().ProbeAsync(Options(server.Port));

        Assert.Equal(RelayProbeVerdict.RelaysForThisNetwork, report.Verdict);
    }

    [Fact]
    public async Task Probe_WithoutCredentials_IsDoesNotRelayWithTheServersRefusalAndALoginRemedy()
    {
        await using var server = new InProcessSmtpServer();

        var report = await new SmtpRelayProber().ProbeAsync(Options(server.Port));

        Assert.Equal(RelayProbeVerdict.DoesNotRelay, report.Verdict);
        Assert.Equal(SmtpFailureKind.RelayDenied, report.Diagnosis?.Kind);
        Assert.Equal(FailureRemedy.AuthenticateOnSubmissionPort, report.Diagnosis?.Remedies[0]);
        var local = report.Steps.Single(s => s.Kind == ProbeStepKind.RcptTo && s.Address == "carol@example.com");
        Assert.Equal(ProbeStepOutcome.Succeeded, local.Outcome);
        var external = report.Steps.Single(s => s.Kind == ProbeStepKind.RcptTo && s.Address == "someone@external.example");
        Assert.Equal(554, external.ReplyCode);
        Assert.Contains("Relay access denied", external.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_WithCredentials_IsRelaysAfterAuthentication()
    {
        await using var server = new InProcessSmtpServer(certificate: Certificate);

        var report = await new SmtpRelayProber().ProbeAsync(Options(server.Port, Alice(), pin: Pin));

        Assert.Equal(RelayProbeVerdict.RelaysAfterAuthentication, report.Verdict);
        Assert.Contains(report.Steps, s => s.Kind == ProbeStepKind.Authenticate && s.Outcome == ProbeStepOutcome.Succeeded);
        Assert.Equal(["LOGIN", "PLAIN"], report.Ports[0].AuthenticationMechanisms);
    }

    [Fact]
    public async Task Probe_WrongPassword_IsAuthenticationFailed()
    {
        await using var server = new InProcessSmtpServer(certificate: Certificate);

        var report = await new SmtpRelayProber().ProbeAsync(Options(server.Port, Alice("wrong"), pin: Pin));

        Assert.Equal(RelayProbeVerdict.AuthenticationFailed, report.Verdict);
        Assert.Equal(SmtpFailureKind.AuthenticationFailed, report.Diagnosis?.Kind);
    }

    [Fact]
    public async Task Probe_SecondSenderNotOwned_IsSenderNotAuthorized()
    {
        await using var server = new InProcessSmtpServer(certificate: Certificate);

        var report = await new SmtpRelayProber().ProbeAsync(Options(server.Port, Alice(), secondSender: "bob@example.com", pin: Pin));

        Assert.Equal(RelayProbeVerdict.SenderNotAuthorized, report.Verdict);
        Assert.Equal(FailureRemedy.MatchFromAddressToAccount, report.Diagnosis?.Remedies[0]);
    }

    [Fact]
    public async Task Probe_NeverSendsData_EndsEachTransactionWithRsetAndTheSessionWithQuit()
    {
        await using var server = new InProcessSmtpServer(certificate: Certificate);

        await new SmtpRelayProber().ProbeAsync(Options(server.Port, Alice(), secondSender: "bob@example.com", pin: Pin));

        var commands = server.Commands.ToArray();
        Assert.DoesNotContain("DATA", commands);
        Assert.DoesNotContain("BDAT", commands);
        Assert.Equal(commands.Count(c => c == "MAIL"), commands.Count(c => c == "RSET"));
        Assert.Contains("QUIT", commands);
        Assert.True(commands.Count(c => c == "MAIL") >= 3);
    }

    [Fact]
    public async Task Probe_Transcript_RedactsTheLogin()
    {
        await using var server = new InProcessSmtpServer(certificate: Certificate);

        var report = await new SmtpRelayProber().ProbeAsync(Options(server.Port, Alice(), pin: Pin));

        string transcript = string.Join('\n', report.Transcript);
        Assert.Contains("AUTH", transcript, StringComparison.Ordinal);
        Assert.Contains("********", transcript, StringComparison.Ordinal);
        string secret = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"\0{InProcessSmtpServer.User}\0{InProcessSmtpServer.Password}"));
        Assert.DoesNotContain(secret, transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(InProcessSmtpServer.Password, transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_SelfSignedCertificate_IsAFindingAndTheRelayTestRunsInPlainTextWithoutTheLogin()
    {
        await using var server = new InProcessSmtpServer(certificate: Certificate);

        var report = await new SmtpRelayProber().ProbeAsync(Options(server.Port, Alice()));

        Assert.Equal(RelayProbeVerdict.DoesNotRelay, report.Verdict);
        Assert.Equal(SmtpFailureKind.RelayDenied, report.Diagnosis?.Kind);
        var port = report.Ports[0];
        Assert.False(port.TlsEstablished);
        Assert.Contains("STARTTLS", port.CapabilitiesBeforeTls);
        Assert.Equal("CN=mail.example.com", port.CertificateSubject);
        Assert.True(port.CertificateErrors.HasFlag(System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.Contains("certificate CN=mail.example.com refused", port.TlsError, StringComparison.Ordinal);
        Assert.Contains("self-signed", port.TlsError, StringComparison.Ordinal);
        var tls = report.Steps.Single(s => s.Kind == ProbeStepKind.Tls);
        Assert.Equal(ProbeStepOutcome.Failed, tls.Outcome);
        Assert.Contains("CN=mail.example.com", tls.Description, StringComparison.Ordinal);
        Assert.Contains(report.Steps, s => s.Kind == ProbeStepKind.RcptTo && s.Address == "someone@external.example" && s.ReplyCode == 554);
        var login = report.Steps.Single(s => s.Kind == ProbeStepKind.Authenticate);
        Assert.Equal(ProbeStepOutcome.NotEncrypted, login.Outcome);
        Assert.Equal("login not tried: the session is not encrypted", login.Description);
        Assert.DoesNotContain("AUTH", server.Commands);
        Assert.Contains("CN=mail.example.com", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_PinnedCertificate_IsAcceptedAndSaidSo()
    {
        using var certificate = InProcessSmtpServer.SelfSignedCertificate();
        await using var server = new InProcessSmtpServer(certificate: certificate);
        var options = Options(server.Port, Alice());

        var report = await new SmtpRelayProber().ProbeAsync(new RelayProbeOptions
        {
            Host = options.Host, Ports = options.Ports, Sender = options.Sender, ExternalRecipient = options.ExternalRecipient,
            Credentials = options.Credentials, StepTimeout = options.StepTimeout,
            PinnedCertificateSha256 = Convert.ToHexString(SHA256.HashData(certificate.RawData)),
        });

        Assert.True(report.Ports[0].TlsEstablished);
        Assert.Equal(RelayProbeVerdict.RelaysAfterAuthentication, report.Verdict);
        Assert.Contains(report.Steps, s => s.Kind == ProbeStepKind.Tls && s.Description.Contains("pinned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Probe_PortThatNeverGreets_TimesOutAtTheGreeting()
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { NeverGreet = true });

        var report = await new SmtpRelayProber().ProbeAsync(new RelayProbeOptions
        {
            Host = "127.0.0.1", Ports = [server.Port], Sender = "a@example.com", ExternalRecipient = "b@external.example",
            StepTimeout = TimeSpan.FromMilliseconds(500),
        });

        AssertGreetingTimedOut(report);
    }

    private static void AssertGreetingTimedOut(RelayProbeReport report)
    {
        Assert.Equal(PortReachability.Open, report.Ports.Single().Reachability);
        var greeting = report.Steps.Single(s => s.Kind == ProbeStepKind.Greeting);
        Assert.Equal(ProbeStepOutcome.Failed, greeting.Outcome);
        Assert.Equal("timed_out", greeting.Diagnosis?.ErrorType);
        Assert.Equal(RelayProbeVerdict.Inconclusive, report.Verdict);
    }

    [Fact]
    public async Task Probe_ClosedPort_IsUnreachableRefused()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var report = await new SmtpRelayProber().ProbeAsync(new RelayProbeOptions
        {
            Host = "127.0.0.1", Ports = [port], Sender = "a@example.com", ExternalRecipient = "b@external.example",
        });

        Assert.Equal(RelayProbeVerdict.Unreachable, report.Verdict);
        Assert.Equal(PortReachability.Refused, report.Ports[0].Reachability);
        Assert.Equal(FailureCause.ConnectionRefused, report.Diagnosis?.Causes[0]);
    }

    [Fact]
    public async Task Probe_CallerCancellation_IsThrown()
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { NeverGreet = true });
        using var cts = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new SmtpRelayProber().ProbeAsync(new RelayProbeOptions
        {
            Host = "127.0.0.1", Ports = [server.Port], Sender = "a@example.com", ExternalRecipient = "b@external.example",
            StepTimeout = TimeSpan.FromSeconds(30),
        }, cts.Token));
    }
}
