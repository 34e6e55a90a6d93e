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

        SmtpRelayClassifier.Cli.Program.Run(["--help"], new MemoryStream(), stdout, stderr);

        Assert.Contains("--allow-plaintext-auth", Encoding.UTF8.GetString(stdout.ToArray()), StringComparison.Ordinal);
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
