using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Probing;

/// <summary><c>smtp-classify probe</c> against a loopback server that offers AUTH without STARTTLS.</summary>
public class ProbeCommandTests
{
    private const string PasswordVariable = "SMTP_PROBE_COMMAND_TEST_PASSWORD";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Probe_ServerWithoutStartTls_GetsTheLoginOnlyWithAllowPlaintextAuth(bool allow)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { Ehlo = "250-test.example\r\n250-AUTH PLAIN LOGIN\r\n250 ENHANCEDSTATUSCODES" });
        Environment.SetEnvironmentVariable(PasswordVariable, "secret");
        string[] args = ["probe", "--json", "--host", "127.0.0.1", "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--from", "alice@example.com", "--to", "someone@external.example", "--user", "alice", "--password-env", PasswordVariable, "--timeout", "5"];

        var root = Run(allow ? [.. args, "--allow-plaintext-auth"] : args);

        var login = root.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "Authenticate");
        if (allow)
        {
            Assert.Contains(server.Commands, c => c.StartsWith("AUTH PLAIN", StringComparison.Ordinal));
            Assert.Equal("Succeeded", login.GetProperty("outcome").GetString());
        }
        else
        {
            Assert.DoesNotContain(server.Commands, c => c.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
            Assert.Equal("NotEncrypted", login.GetProperty("outcome").GetString());
            Assert.Equal("login not tried: the session is not encrypted", login.GetProperty("description").GetString());
        }
    }

    [Fact]
    public void Help_NamesAllowPlaintextAuth()
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();

        SmtpRelayClassifier.Cli.Program.Run(["probe", "--help"], new MemoryStream(), stdout, stderr);

        Assert.Contains("--allow-plaintext-auth", Encoding.UTF8.GetString(stdout.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_ServerRefusingToRelay_Exits0()
    {
        // Postfix smtpd_check.c, reject_unauth_destination.
        await using var server = new ScriptedSmtpServer(new SmtpScript { Rcpt = a => $"554 5.7.1 <{a}>: Relay access denied" });

        var (exit, verdict) = Probe(server.Port);

        Assert.Equal("DoesNotRelay", verdict);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task Probe_ServerRelayingForAnOutsider_Exits3AsAnOpenRelay()
    {
        // Postfix smtpd.c: what it answers to an accepted RCPT TO.
        await using var server = new ScriptedSmtpServer(new SmtpScript { Rcpt = _ => "250 2.1.5 Ok" });

        var (exit, verdict) = Probe(server.Port, "--outsider");

        Assert.Equal("OpenRelay", verdict);
        Assert.Equal(SmtpRelayClassifier.Cli.ProbeCommand.OpenRelay, exit);
        Assert.Equal(3, exit);
    }

    [Fact]
    public async Task Probe_ServerRelayingForItsOwnNetwork_Exits0()
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { Rcpt = _ => "250 2.1.5 Ok" });

        var (exit, verdict) = Probe(server.Port);

        Assert.Equal("RelaysForThisNetwork", verdict);
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Probe_NoPortAnswering_Exits4()
    {
        var (exit, verdict) = Probe(LoopbackPort.Closed());

        Assert.Equal("Unreachable", verdict);
        Assert.Equal(4, exit);
    }

    [Fact]
    public async Task Probe_LoginRefused_Exits5()
    {
        // Postfix smtpd_sasl_glue.c on a refused login; smtpd_check.c reject_unauth_destination before it.
        await using var server = new ScriptedSmtpServer(new SmtpScript
        {
            Ehlo = "250-test.example\r\n250-AUTH PLAIN LOGIN\r\n250 ENHANCEDSTATUSCODES",
            Auth = "535 5.7.8 Error: authentication failed: authentication failure",
            Rcpt = a => $"554 5.7.1 <{a}>: Relay access denied",
        });
        Environment.SetEnvironmentVariable(PasswordVariable, "wrong");

        var (exit, verdict) = Probe(server.Port, "--user", "alice", "--password-env", PasswordVariable, "--allow-plaintext-auth");

        Assert.Equal("AuthenticationFailed", verdict);
        Assert.Equal(5, exit);
    }

    private static (int Exit, string? Verdict) Probe(int port, params string[] more)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        string[] args = ["probe", "--json", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--from", "alice@example.com", "--to", "someone@external.example", "--timeout", "5", .. more];

        int exit = SmtpRelayClassifier.Cli.Program.Run(args, new MemoryStream(), stdout, stderr);

        string output = Encoding.UTF8.GetString(stdout.ToArray());
        Assert.True(output.Length > 0, stderr.ToString());
        using var json = JsonDocument.Parse(output);
        return (exit, json.RootElement.GetProperty("verdict").GetString());
    }

    private static JsonElement Run(string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        int exit = SmtpRelayClassifier.Cli.Program.Run(args, new MemoryStream(), stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(stdout.ToArray()));
        return json.RootElement.Clone();
    }
}
