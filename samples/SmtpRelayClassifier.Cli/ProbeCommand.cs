using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net;
using MailKit.Security;
using SmtpRelayClassifier.Probing;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// <c>smtp-classify probe</c>: runs <see cref="SmtpRelayProber"/> and prints its report. Its exit code tells a script
/// what it found (<see cref="CliCommands.ProbeExitCodes"/>).
/// </summary>
internal static class ProbeCommand
{
    /// <summary>The server relayed an outside recipient for this client without a login.</summary>
    public const int OpenRelay = 3;

    /// <summary>The probe could not decide: no port answered, TLS failed, or nothing reached RCPT.</summary>
    public const int NotDecided = 4;

    /// <summary>The probe could not decide: the login, or the sender for the login, was refused.</summary>
    public const int LoginRefused = 5;

    /// <summary>The exit code for a verdict.</summary>
    public static int ExitCode(RelayProbeVerdict verdict) => verdict switch
    {
        RelayProbeVerdict.DoesNotRelay or RelayProbeVerdict.RelaysAfterAuthentication or RelayProbeVerdict.RelaysForThisNetwork => Program.Ok,
        RelayProbeVerdict.OpenRelay => OpenRelay,
        RelayProbeVerdict.AuthenticationFailed or RelayProbeVerdict.SenderNotAuthorized => LoginRefused,
        _ => NotDecided,
    };

    /// <summary>The <c>probe</c> command: its options and the checks across them.</summary>
    public static Command Define(Func<string, ParseResult, int> run)
    {
        var user = new Option<string?>("--user") { Description = "Log in as this user to test relaying after a login.", HelpName = "user" };
        var passwordVariable = new Option<string?>("--password-env")
        {
            Description = "The environment variable that holds the password (default: the first line of standard input).",
            HelpName = "variable",
        };
        var password = new Option<string?>("--password") { Hidden = true };
        password.Validators.Add(r => r.AddError(
            "--password: a password on the command line is visible to every user of the machine; use --password-env VAR or standard input"));
        var command = new Command("probe", "Find out, without sending a message, whether a server relays for you: per port, TCP, TLS, AUTH, MAIL FROM and RCPT TO an outside recipient, without and with a login.")
        {
            new Option<string>("--host") { Description = "The SMTP server to probe.", HelpName = "host", Required = true },
            CliOptions.Ports(),
            new Option<string>("--from") { Description = "The sender for MAIL FROM.", HelpName = "address", Required = true },
            new Option<string>("--to") { Description = "A recipient outside the server's domains.", HelpName = "address", Required = true },
            new Option<string?>("--local-to") { Description = "A recipient inside the server's domains (it should be accepted).", HelpName = "address" },
            user,
            passwordVariable,
            password,
            new Option<string?>("--second-from") { Description = "A second sender the login does not own (it should be refused).", HelpName = "address" },
            CliOptions.LocalAddress(),
            CliOptions.Timeout(),
            new Option<string?>("--pin-certificate") { Description = "Accept this certificate (SHA-256, hexadecimal) even though it does not validate.", HelpName = "sha256" },
            new Option<bool>("--allow-plaintext-auth")
            {
                Description = "Speak plain text (no STARTTLS) on every port but 465, and log in there: the password crosses unencrypted.",
            },
            new Option<bool>("--outsider")
            {
                Description = "Judge as an outsider to the server's network: a relay without a login is then an open relay (exit 3), "
                    + "not one for this network (by default, a loopback or private address of this client may be the server's own network).",
            },
            CliOptions.Json("The report as one JSON object: verdict, ports, steps, transcript and diagnosis."), CliOptions.Lang(), CliOptions.ShowAddresses(),
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(passwordVariable) is not null && r.GetValue(user) is null)
                r.AddError("--password-env needs --user");
        });
        command.SetAction(r => run("probe", r));
        return command;
    }

    public static int Run(Options options, Explainer explainer, Stream stdin, Stream output, StreamWriter text, TextWriter stderr)
    {
        var probe = options.Probe;
        NetworkCredential? credentials = null;
        if (probe.User is { } user)
        {
            string? password;
            if (probe.PasswordVariable is { } variable)
            {
                password = Environment.GetEnvironmentVariable(variable);
                if (string.IsNullOrEmpty(password))
                {
                    stderr.WriteLine($"smtp-classify: probe: --password-env: the environment variable '{variable}' is not set");
                    return Program.UsageError;
                }
            }
            else
            {
                using var reader = new StreamReader(stdin);
                password = reader.ReadLine();
                if (string.IsNullOrEmpty(password))
                {
                    stderr.WriteLine("smtp-classify: probe: --user needs a password: set --password-env VAR, or give it on the first line of standard input");
                    return Program.UsageError;
                }
            }

            credentials = new NetworkCredential(user, password);
        }

        int[] ports = probe.Ports.Count > 0 ? probe.Ports.ToArray() : [587, 465, 25];
        RelayProbeOptions probeOptions;
        try
        {
            probeOptions = new RelayProbeOptions
            {
                Host = probe.Host!,
                Sender = probe.From!,
                ExternalRecipient = probe.To!,
                LocalRecipient = probe.LocalTo,
                Credentials = credentials,
                SecondSender = probe.SecondFrom,
                LocalAddress = probe.LocalAddress,
                Ports = ports,
                Security = probe.AllowPlaintextAuth ? ports.Where(p => p != 465).Distinct().ToDictionary(p => p, _ => SecureSocketOptions.None) : new Dictionary<int, SecureSocketOptions>(),
                StepTimeout = probe.StepTimeout ?? TimeSpan.FromSeconds(10),
                TotalTimeout = (probe.StepTimeout ?? TimeSpan.FromSeconds(10)) * 30,
                PinnedCertificateSha256 = probe.PinnedCertificate,
                ClientIsOutsider = probe.Outsider ? true : null,
            };
            probeOptions.Validate();
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine($"smtp-classify: probe: {e.Message}");
            return Program.UsageError;
        }

        var report = new SmtpRelayProber().ProbeAsync(probeOptions).GetAwaiter().GetResult();
        if (options.Json)
        {
            using var json = new JsonDiagnosisWriter(output, explainer);
            json.Write(report);
        }
        else
        {
            new TextDiagnosisWriter(text, explainer).Write(report);
        }

        return ExitCode(report.Verdict);
    }
}
