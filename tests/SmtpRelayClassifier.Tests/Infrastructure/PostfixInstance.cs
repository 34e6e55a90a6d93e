using System;
using System.IO;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Xunit;

namespace SmtpRelayClassifier.Tests.Infrastructure;

/// <summary>
/// The private Postfix that <c>tests/postfix/postfix-instance.sh start</c> runs on 127.0.0.1 (see that script for its
/// configuration). Tests that need it are marked <see cref="PostfixFactAttribute"/>.
/// </summary>
public static class PostfixInstance
{
    public const string Host = "127.0.0.1";
    public const string Domain = "test.example";

    public static string Directory => Environment.GetEnvironmentVariable("POSTFIX_TEST_DIR") ?? "/tmp/smtp-relay-classifier-postfix";

    public static int Port => int.TryParse(Environment.GetEnvironmentVariable("POSTFIX_TEST_PORT"), out int port) ? port : 2525;

    public static int SubmissionPort => int.TryParse(Environment.GetEnvironmentVariable("POSTFIX_TEST_SUBMISSION_PORT"), out int port) ? port : 2587;

    /// <summary>True when CI (or the developer) demands these tests run: a missing Postfix is then a failure, not a skip.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("POSTFIX_TESTS_REQUIRED") == "1";

    public static string MaillogPath => Path.Combine(Directory, "maillog");

    /// <summary>The SHA-256 fingerprint of the instance's self-signed certificate, to pin it.</summary>
    public static string CertificateSha256()
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(Directory, "cert.pem")));
        return Convert.ToHexString(SHA256.HashData(certificate.RawData));
    }

    public static bool IsRunning()
    {
        if (!File.Exists(Path.Combine(Directory, "cert.pem")))
            return false;
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(Host, Port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
    }
}

/// <summary>A fact that needs the Postfix test instance; skipped when it is not running, unless POSTFIX_TESTS_REQUIRED=1.</summary>
public sealed class PostfixFactAttribute : FactAttribute
{
    public PostfixFactAttribute()
    {
        if (!PostfixInstance.Required && !PostfixInstance.IsRunning())
            Skip = "The Postfix test instance is not running: start it with 'sudo tests/postfix/postfix-instance.sh start' (install it first with '... install').";
    }
}
