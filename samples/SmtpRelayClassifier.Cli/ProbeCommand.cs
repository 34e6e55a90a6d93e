using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using MailKit.Security;
using SmtpRelayClassifier.Probing;

namespace SmtpRelayClassifier.Cli;

/// <summary><c>smtp-classify probe</c>: runs <see cref="SmtpRelayProber"/> and prints its report.</summary>
internal static class ProbeCommand
{
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

        return Program.Ok;
    }
}
