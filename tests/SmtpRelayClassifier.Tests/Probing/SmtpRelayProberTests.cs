using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Tasks;
using MailKit.Security;
using SmtpRelayClassifier.Classification;
using SmtpRelayClassifier.Probing;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Probing;

/// <summary>The prober against real SMTP servers in-process: the SmtpServer package, and the scripted server for a port that never greets.</summary>
public class SmtpRelayProberTests
{
    private static RelayProbeOptions Options(int port, NetworkCredential? credentials = null, string sender = "alice@example.com", string? secondSender = null) => new()
    {
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
        await using var server = new InProcessSmtpServer();

        var report = await new SmtpRelayProber().ProbeAsync(Options(server.Port, Alice()));

        Assert.Equal(RelayProbeVerdict.RelaysAfterAuthentication, report.Verdict);
        Assert.Contains(report.Steps, s => s.Kind == ProbeStepKind.Authenticate && s.Outcome == ProbeStepOutcome.Succeeded);
        Assert.Equal(["LOGIN", "PLAIN"], report.Ports[0].AuthenticationMechanisms);
    }

    [Fact]
    public async Task Probe_WrongPassword_IsAuthenticationFailed()
    {
        await using var server = new InProcessSmtpServer();

        var report = await new SmtpRelayProber().ProbeAsync(Options(server.Port, Alice("wrong")));

        Assert.Equal(RelayProbeVerdict.AuthenticationFailed, report.Verdict);
        Assert.Equal(SmtpFailureKind.AuthenticationFailed, report.Diagnosis?.Kind);
    }

    [Fact]
    public async Task Probe_SecondSenderNotOwned_IsSenderNotAuthorized()
    {
        await using var server = new InProcessSmtpServer();

        var report = await new SmtpRelayProber().ProbeAsync(Options(server.Port, Alice(), secondSender: "bob@example.com"));

        Assert.Equal(RelayProbeVerdict.SenderNotAuthorized, report.Verdict);
        Assert.Equal(FailureRemedy.MatchFromAddressToAccount, report.Diagnosis?.Remedies[0]);
    }

    [Fact]
    public async Task Probe_NeverSendsData_EndsEachTransactionWithRsetAndTheSessionWithQuit()
    {
        await using var server = new InProcessSmtpServer();

        await new SmtpRelayProber().ProbeAsync(Options(server.Port, Alice(), secondSender: "bob@example.com"));

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
        await using var server = new InProcessSmtpServer();

        var report = await new SmtpRelayProber().ProbeAsync(Options(server.Port, Alice()));

        string transcript = string.Join('\n', report.Transcript);
        Assert.Contains("AUTH", transcript, StringComparison.Ordinal);
        Assert.Contains("********", transcript, StringComparison.Ordinal);
        string secret = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"\0{InProcessSmtpServer.User}\0{InProcessSmtpServer.Password}"));
        Assert.DoesNotContain(secret, transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(InProcessSmtpServer.Password, transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_SelfSignedCertificate_IsReportedNotAccepted()
    {
        using var certificate = InProcessSmtpServer.SelfSignedCertificate();
        await using var server = new InProcessSmtpServer(certificate: certificate);

        var report = await new SmtpRelayProber().ProbeAsync(Options(server.Port, Alice()));

        Assert.Equal(RelayProbeVerdict.TlsFailed, report.Verdict);
        Assert.False(report.Ports[0].TlsEstablished);
        Assert.False(string.IsNullOrEmpty(report.Ports[0].TlsError));
        Assert.Contains("STARTTLS", report.Ports[0].CapabilitiesBeforeTls);
        Assert.DoesNotContain(report.Steps, s => s.Kind == ProbeStepKind.MailFrom);
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

        Assert.Equal(PortReachability.Open, report.Ports[0].Reachability);
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

public class RelayProbeOptionsTests
{
    [Fact]
    public void Defaults_ArePinned()
    {
        var options = new RelayProbeOptions { Host = "smtp.example.net", Sender = "a@example.com", ExternalRecipient = "b@external.example" };

        Assert.Equal([587, 465, 25], options.Ports);
        Assert.Equal(TimeSpan.FromSeconds(10), options.StepTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.TotalTimeout);
        Assert.Null(options.Credentials);
        Assert.Null(options.SecondSender);
        Assert.Null(options.LocalRecipient);
        Assert.Null(options.LocalAddress);
        Assert.Null(options.HeloName);
        Assert.Null(options.PinnedCertificateSha256);
        Assert.Null(options.ClientIsOutsider);
        Assert.Equal(SecureSocketOptions.SslOnConnect, options.SecurityFor(465));
        Assert.Equal(SecureSocketOptions.StartTlsWhenAvailable, options.SecurityFor(587));
        Assert.Equal(SecureSocketOptions.StartTlsWhenAvailable, options.SecurityFor(25));
    }

    [Theory]
    [InlineData("", "a@example.com", "b@external.example", "Host")]
    [InlineData("h", "not-an-address", "b@external.example", "Sender")]
    [InlineData("h", "a@example.com", "", "ExternalRecipient")]
    [InlineData("h", "a@example.com", "b@external.example\r\nDATA", "ExternalRecipient")]
    public void Validate_BadOption_ThrowsArgumentExceptionNamingIt(string host, string sender, string recipient, string name)
    {
        var options = new RelayProbeOptions { Host = host, Sender = sender, ExternalRecipient = recipient };

        var e = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Validate_SecondSenderWithoutCredentials_IsRefused()
    {
        var options = new RelayProbeOptions { Host = "h", Sender = "a@example.com", ExternalRecipient = "b@external.example", SecondSender = "c@example.com" };

        Assert.Equal("SecondSender", Assert.Throws<ArgumentException>(options.Validate).ParamName);
    }

    [Fact]
    public void Validate_PortOutOfRange_IsRefused()
    {
        var options = new RelayProbeOptions { Host = "h", Sender = "a@example.com", ExternalRecipient = "b@external.example", Ports = [25, 70000] };

        Assert.Contains("70000", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_NullOptions_ThrowsArgumentNull()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => new SmtpRelayProber().ProbeAsync(null!));
    }
}
