using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using System.Net;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// The options that several commands share, one factory each so that every command gets its own instance with the
/// same name, description and value parser: <c>--json</c> means the same on every command that has it.
/// </summary>
internal static class CliOptions
{
    private static readonly string[] Stages = ["connect", "ehlo", "starttls", "auth", "mail", "rcpt", "data", "end-of-data"];

    public static Option<bool> Json(string description = "One JSON object per input (JSON Lines), in input order.") =>
        new("--json") { Description = description };

    public static Option<bool> ShowAddresses() =>
        new("--show-addresses") { Description = "Show e-mail addresses in full; every command masks them by default (b***@example.org)." };

    public static Option<string?> Lang()
    {
        var option = new Option<string?>("--lang")
        {
            Description = "The language of explanations: en, fr, de, es (default: the current UI culture).",
            HelpName = "en|fr|de|es",
            CustomParser = ParseLanguage,
        };
        option.CompletionSources.Add(DiagnosisExplainer.SupportedLanguages.ToArray());
        return option;
    }

    public static Option<SmtpStage> Stage()
    {
        var option = new Option<SmtpStage>("--stage")
        {
            Description = "The command the replies answered: connect, ehlo, starttls, auth, mail, rcpt, data, end-of-data.",
            HelpName = "stage",
            CustomParser = r => ParseStage(r),
        };
        option.CompletionSources.Add(Stages);
        return option;
    }

    /// <summary><c>--port N</c> for the commands that classify: the port the failure came from.</summary>
    public static Option<int?> Port() => new("--port")
    {
        Description = "The server port (a timeout on port 25 reads as an outbound block).",
        HelpName = "port",
        CustomParser = r => ParsePort(r, r.Tokens[0].Value),
    };

    /// <summary><c>--port N</c> for <c>probe</c>: repeatable, every port to try.</summary>
    public static Option<int[]> Ports() => new("--port")
    {
        Description = "A port to probe; repeat it for several (default: 587, 465 and 25).",
        HelpName = "port",
        CustomParser = r => r.Tokens.Select(t => ParsePort(r, t.Value) ?? 0).ToArray(),
    };

    /// <summary><c>--timeout S</c>: seconds, more than 0 and at most 600.</summary>
    public static Option<TimeSpan?> Timeout() => new("--timeout")
    {
        Description = "Seconds each step may take (default: 10); the whole probe may take 30 times that.",
        HelpName = "seconds",
        CustomParser = ParseTimeout,
    };

    /// <summary><c>scan --parallel N</c>: 1 to 64 inputs read at the same time.</summary>
    public static Option<int?> Parallel() => new("--parallel")
    {
        Description = $"How many inputs are read at the same time (default: one per core, at most 8, here {ScanCommand.DefaultParallel}); the output keeps the inputs' order.",
        HelpName = "n",
        CustomParser = r =>
        {
            string text = r.Tokens[0].Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 64)
                return n;
            r.AddError($"--parallel: '{text}' is not a number of inputs from 1 to 64");
            return null;
        },
    };

    public static Option<IPAddress?> LocalAddress() => new("--local-address")
    {
        Description = "The local IP address to connect from.",
        HelpName = "ip",
        CustomParser = r =>
        {
            string text = r.Tokens[0].Value;
            if (IPAddress.TryParse(text, out var address))
                return address;
            r.AddError($"--local-address: '{text}' is not an IP address");
            return null;
        },
    };

    private static string? ParseLanguage(ArgumentResult result)
    {
        string language = result.Tokens[0].Value.ToLowerInvariant();
        if (DiagnosisExplainer.SupportedLanguages.Contains(language))
            return language;
        result.AddError($"--lang: '{language}' is not a supported language ({string.Join(", ", DiagnosisExplainer.SupportedLanguages)})");
        return null;
    }

    private static SmtpStage ParseStage(ArgumentResult result)
    {
        string text = result.Tokens[0].Value;
        switch (text.ToLowerInvariant())
        {
            case "connect" or "greeting": return SmtpStage.Connect;
            case "ehlo" or "helo": return SmtpStage.Ehlo;
            case "starttls": return SmtpStage.StartTls;
            case "auth": return SmtpStage.Auth;
            case "mail" or "mail-from": return SmtpStage.Mail;
            case "rcpt" or "rcpt-to": return SmtpStage.Rcpt;
            case "data": return SmtpStage.Data;
            case "end-of-data" or "eod": return SmtpStage.EndOfData;
            case "unknown": return SmtpStage.Unknown;
            default:
                result.AddError($"--stage: '{text}' is not a stage ({string.Join(", ", Stages)})");
                return SmtpStage.Unknown;
        }
    }

    private static int? ParsePort(ArgumentResult result, string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is >= 1 and <= 65535)
            return port;
        result.AddError($"--port: '{text}' is not a port number (1 to 65535)");
        return null;
    }

    private static TimeSpan? ParseTimeout(ArgumentResult result)
    {
        string text = result.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds is > 0 and <= 600)
            return TimeSpan.FromSeconds(seconds);
        result.AddError($"--timeout: '{text}' is not a number of seconds between 0 and 600");
        return null;
    }
}
