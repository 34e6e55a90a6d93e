using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using SmtpRelayClassifier.Probing;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Probing;

/// <summary>
/// The prober and the classifier against a real Postfix (tests/postfix/postfix-instance.sh): 127.0.0.1 is an
/// outsider, 127.0.0.2 is in mynetworks; alice owns alice@test.example, bob owns bob@test.example.
/// </summary>
[Collection("Postfix")]
public class PostfixProbeTests
{
    private const string Outsider = "probe@outside.example";
    private const string Alice = "alice@test.example";
    private const string External = "someone@external.example";

    private static RelayProbeOptions Options(string sender, NetworkCredential? credentials = null, string? secondSender = null, IPAddress? local = null, int? port = null, bool pin = true) => new()
    {
        Host = PostfixInstance.Host,
        Ports = [port ?? PostfixInstance.Port],
        Sender = sender,
        ExternalRecipient = External,
        LocalRecipient = Alice,
        Credentials = credentials,
        SecondSender = secondSender,
        LocalAddress = local,
        StepTimeout = TimeSpan.FromSeconds(10),
        PinnedCertificateSha256 = pin ? PostfixInstance.CertificateSha256() : null,
    };

    private static NetworkCredential AliceLogin(string password = "alice-secret") => new("alice", password);

    [PostfixFact]
    public async Task Unauthenticated_FromOutside_DoesNotRelayWithPostfixsRelayAccessDenied()
    {
        var report = await new SmtpRelayProber().ProbeAsync(Options(Outsider));

        Assert.Equal(RelayProbeVerdict.DoesNotRelay, report.Verdict);
        var refusal = report.Steps.Single(s => s.Kind == ProbeStepKind.RcptTo && s.Address == External);
        Assert.Equal(554, refusal.ReplyCode);
        Assert.Equal($"5.7.1 <{External}>: Relay access denied", refusal.Reply);
        Assert.Equal("postfix.relay-access-denied", refusal.Diagnosis?.RuleId);
        Assert.Equal(SmtpFailureKind.RelayDenied, report.Diagnosis?.Kind);
        Assert.True(report.Ports[0].TlsEstablished);
    }

    // The instance's certificate is self-signed and issued for mail.test.example, not 127.0.0.1: not pinned, it is refused.
    [PostfixFact]
    public async Task Unauthenticated_CertificateNotPinned_DoesNotRelayAndReportsTheCertificate()
    {
        var report = await new SmtpRelayProber().ProbeAsync(Options(Outsider, pin: false));

        Assert.Equal(RelayProbeVerdict.DoesNotRelay, report.Verdict);
        Assert.Equal("postfix.relay-access-denied", report.Diagnosis?.RuleId);
        var port = report.Ports.Single();
        Assert.False(port.TlsEstablished);
        Assert.Equal("CN=mail.test.example", port.CertificateSubject);
        Assert.Equal(System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors | System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch, port.CertificateErrors);
        Assert.StartsWith("certificate CN=mail.test.example refused: it is self-signed; its chain does not validate", port.TlsError, StringComparison.Ordinal);
        Assert.Contains("it is not issued for 127.0.0.1", port.TlsError, StringComparison.Ordinal);
        Assert.Equal(ProbeStepOutcome.Failed, report.Steps.Single(s => s.Kind == ProbeStepKind.Tls).Outcome);
        Assert.Contains("CN=mail.test.example", report.Summary, StringComparison.Ordinal);
    }

    [PostfixFact]
    public async Task Login_CertificateNotPinned_IsNotTriedAsPostfixsOwnLogShows()
    {
        int before = File.Exists(PostfixInstance.MaillogPath) ? File.ReadAllLines(PostfixInstance.MaillogPath).Length : 0;

        var report = await new SmtpRelayProber().ProbeAsync(Options(Alice, AliceLogin(), pin: false));
        await Task.Delay(500); // postlogd writes asynchronously

        Assert.Equal(RelayProbeVerdict.DoesNotRelay, report.Verdict);
        Assert.Equal(ProbeStepOutcome.NotEncrypted, report.Steps.Single(s => s.Kind == ProbeStepKind.Authenticate).Outcome);
        Assert.DoesNotContain(report.Transcript, l => l.FromClient && l.Text.StartsWith("AUTH", StringComparison.Ordinal));
        var disconnects = File.ReadAllLines(PostfixInstance.MaillogPath).Skip(before)
            .Where(l => l.Contains(" disconnect from unknown[127.0.0.1]", StringComparison.Ordinal)).ToArray();
        Assert.Contains(disconnects, l => l.Contains(" rcpt=", StringComparison.Ordinal));
        Assert.All(disconnects, l => Assert.DoesNotContain(" auth=", l, StringComparison.Ordinal));
    }

    [PostfixFact]
    public async Task Authenticated_RelaysAfterAuthentication()
    {
        var report = await new SmtpRelayProber().ProbeAsync(Options(Alice, AliceLogin()));

        Assert.Equal(RelayProbeVerdict.RelaysAfterAuthentication, report.Verdict);
        Assert.Contains(report.Steps, s => s.Kind == ProbeStepKind.RcptTo && s.Address == External && s.Outcome == ProbeStepOutcome.Succeeded);
    }

    [PostfixFact]
    public async Task WrongPassword_IsAuthenticationFailed()
    {
        var report = await new SmtpRelayProber().ProbeAsync(Options(Alice, AliceLogin("wrong")));

        Assert.Equal(RelayProbeVerdict.AuthenticationFailed, report.Verdict);
        Assert.Equal(SmtpFailureKind.AuthenticationFailed, report.Diagnosis?.Kind);
    }

    [PostfixFact]
    public async Task SenderNotOwnedByTheLogin_IsSenderNotAuthorized()
    {
        var report = await new SmtpRelayProber().ProbeAsync(Options(Alice, AliceLogin(), secondSender: "bob@test.example"));

        Assert.Equal(RelayProbeVerdict.SenderNotAuthorized, report.Verdict);
        Assert.Contains("not owned by user alice@test.example", report.Diagnosis?.ReplyText, StringComparison.Ordinal);
    }

    [PostfixFact]
    public async Task FromTheProvidersOwnNetwork_RelaysForThisNetwork()
    {
        var report = await new SmtpRelayProber().ProbeAsync(Options(Outsider, local: IPAddress.Parse("127.0.0.2")));

        Assert.Equal(RelayProbeVerdict.RelaysForThisNetwork, report.Verdict);
    }

    [PostfixFact]
    public async Task SubmissionListener_OffersAuthOnlyAfterStartTls()
    {
        var report = await new SmtpRelayProber().ProbeAsync(Options(Alice, AliceLogin(), port: PostfixInstance.SubmissionPort));

        var port = report.Ports.Single();
        Assert.DoesNotContain(port.CapabilitiesBeforeTls, c => c.StartsWith("AUTH", StringComparison.Ordinal));
        Assert.Contains(port.CapabilitiesAfterTls, c => c.StartsWith("AUTH", StringComparison.Ordinal));
        Assert.Equal(RelayProbeVerdict.RelaysAfterAuthentication, report.Verdict);
    }

    [PostfixFact]
    public async Task EveryReplyPostfixSent_GetsItsKind()
    {
        var prober = new SmtpRelayProber();
        var reports = new[]
        {
            await prober.ProbeAsync(Options(Outsider)),
            await prober.ProbeAsync(Options(Alice, AliceLogin(), secondSender: "bob@test.example")),
            await prober.ProbeAsync(Options(Alice, AliceLogin("wrong"))),
        };

        var refusals = reports.SelectMany(r => r.Steps).Where(s => s.Outcome == ProbeStepOutcome.Failed && s.Diagnosis is not null).ToArray();
        Assert.Contains(refusals, s => s.Diagnosis!.Kind == SmtpFailureKind.RelayDenied && s.Reply!.Contains("Relay access denied", StringComparison.Ordinal));
        Assert.Contains(refusals, s => s.Diagnosis!.Kind == SmtpFailureKind.AuthenticationRequired && s.Reply!.Contains("not logged in", StringComparison.Ordinal));
        Assert.Contains(refusals, s => s.Diagnosis!.Kind == SmtpFailureKind.SenderNotAuthorized && s.Reply!.Contains("not owned by user", StringComparison.Ordinal));
        Assert.Contains(refusals, s => s.Kind == ProbeStepKind.Authenticate && s.Diagnosis!.Kind == SmtpFailureKind.AuthenticationFailed);
        Assert.All(refusals, s => Assert.NotEqual(SmtpFailureKind.Unknown, s.Diagnosis!.Kind));

        // And the submission listener's refusal before STARTTLS, read straight from the server.
        var plain = await prober.ProbeAsync(new RelayProbeOptions
        {
            Host = PostfixInstance.Host, Ports = [PostfixInstance.SubmissionPort], Sender = Alice, ExternalRecipient = External,
            Security = new System.Collections.Generic.Dictionary<int, MailKit.Security.SecureSocketOptions> { [PostfixInstance.SubmissionPort] = MailKit.Security.SecureSocketOptions.None },
        });
        var mail = plain.Steps.Single(s => s.Kind == ProbeStepKind.MailFrom);
        Assert.Equal(530, mail.ReplyCode);
        Assert.Equal(SmtpFailureKind.TlsRequired, mail.Diagnosis?.Kind);
    }

    [PostfixFact]
    public async Task Prober_NeverSendsData_AsPostfixsOwnLogShows()
    {
        int before = File.Exists(PostfixInstance.MaillogPath) ? File.ReadAllLines(PostfixInstance.MaillogPath).Length : 0;
        var report = await new SmtpRelayProber().ProbeAsync(Options(Alice, AliceLogin(), secondSender: "bob@test.example"));
        Assert.Equal(RelayProbeVerdict.SenderNotAuthorized, report.Verdict);
        await Task.Delay(500); // postlogd writes asynchronously

        // Postfix logs each session's commands: "disconnect from ... ehlo=2 starttls=1 mail=2 rcpt=1/2 rset=2 quit=1 commands=...".
        // The prober connects from 127.0.0.1; other tests send real messages from 127.0.0.2.
        var disconnects = File.ReadAllLines(PostfixInstance.MaillogPath).Skip(before)
            .Where(l => l.Contains(" disconnect from unknown[127.0.0.1]", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(disconnects);
        Assert.All(disconnects, l => Assert.DoesNotContain(" data=", l, StringComparison.Ordinal));
        Assert.All(disconnects, l => Assert.DoesNotContain(" bdat=", l, StringComparison.Ordinal));
    }

    [PostfixFact]
    public void Cli_ProbeJson_GivesTheFiveVerdicts()
    {
        string pin = PostfixInstance.CertificateSha256();
        Environment.SetEnvironmentVariable("SMTP_PROBE_TEST_PASSWORD", "alice-secret");
        Environment.SetEnvironmentVariable("SMTP_PROBE_TEST_WRONG", "wrong");
        string[] common = ["probe", "--json", "--host", PostfixInstance.Host, "--port", PostfixInstance.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--to", External, "--pin-certificate", pin];

        Assert.Equal("DoesNotRelay", Verdict([.. common, "--from", Outsider]));
        Assert.Equal("RelaysAfterAuthentication", Verdict([.. common, "--from", Alice, "--user", "alice", "--password-env", "SMTP_PROBE_TEST_PASSWORD"]));
        // A refused login or sender is a finding a script must see: the documented exit code 5.
        Assert.Equal("AuthenticationFailed", Verdict([.. common, "--from", Alice, "--user", "alice", "--password-env", "SMTP_PROBE_TEST_WRONG"], SmtpRelayClassifier.Cli.ProbeCommand.LoginRefused));
        Assert.Equal("SenderNotAuthorized", Verdict([.. common, "--from", Alice, "--user", "alice", "--password-env", "SMTP_PROBE_TEST_PASSWORD", "--second-from", "bob@test.example"], SmtpRelayClassifier.Cli.ProbeCommand.LoginRefused));
        Assert.Equal("RelaysForThisNetwork", Verdict([.. common, "--from", Outsider, "--local-address", "127.0.0.2"]));

        static string Verdict(string[] args, int exit = 0) => Probe(args, exit).GetProperty("verdict").GetString()!;
    }

    [PostfixFact]
    public void Cli_ProbeJson_CertificateNotPinned_IsDoesNotRelayWithTheCertificateSubject()
    {
        var root = Probe(["probe", "--json", "--host", PostfixInstance.Host, "--port", PostfixInstance.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--from", Outsider, "--to", External]);

        Assert.Equal("DoesNotRelay", root.GetProperty("verdict").GetString());
        var port = root.GetProperty("ports")[0];
        Assert.False(port.GetProperty("tlsEstablished").GetBoolean());
        Assert.StartsWith("certificate CN=mail.test.example refused", port.GetProperty("tlsError").GetString(), StringComparison.Ordinal);
    }

    private static JsonElement Probe(string[] args, int expectedExit = 0)
    {
        using var stdin = new MemoryStream();
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        int exit = SmtpRelayClassifier.Cli.Program.Run(args, stdin, stdout, stderr);
        Assert.True(exit == expectedExit, $"exit {exit}: {stderr}");
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(stdout.ToArray()));
        var root = json.RootElement;
        Assert.True(root.TryGetProperty("ports", out _));
        Assert.True(root.TryGetProperty("steps", out _));
        Assert.True(root.TryGetProperty("diagnosis", out _));
        return root.Clone();
    }
}
