using System;
using System.Collections.Generic;
using System.Linq;

namespace SmtpRelayClassifier.Cli;

/// <summary>The parsed command line.</summary>
internal sealed class Options
{
    public string Command { get; private set; } = "explain";

    public bool Json { get; private set; }

    public bool Help { get; private set; }

    /// <summary>Output format of <c>classify</c>: null (text or --json) or <c>tsv</c>.</summary>
    public string? Format { get; private set; }

    /// <summary><c>scan --summary</c>: counts instead of one line per failure.</summary>
    public bool Summary { get; private set; }

    /// <summary><c>eval --misses</c>: list every reply the classifier got wrong.</summary>
    public bool Misses { get; private set; }

    /// <summary><c>--show-addresses</c>: show e-mail addresses in full on every command instead of masking them.</summary>
    public bool ShowAddresses { get; private set; }

    public SmtpStage Stage { get; private set; }

    public int? Port { get; private set; }

    /// <summary>The language of explanations (<c>en</c>, <c>fr</c>, <c>de</c>, <c>es</c>), or null for the current UI culture.</summary>
    public string? Language { get; private set; }

    public List<string> Arguments { get; } = [];

    /// <summary>The probe's settings (command <c>probe</c>).</summary>
    public ProbeArguments Probe { get; } = new();

    public static Options Parse(string[] args)
    {
        var options = new Options();
        int i = 0;
        if (args.Length > 0 && !args[0].StartsWith('-'))
        {
            options.Command = args[0] switch
            {
                "classify" or "hresult" or "outlook" or "probe" or "scan" or "eval" or "explain" or "help" => args[0],
                _ => throw new UsageException($"unknown command '{args[0]}' (expected classify, hresult, outlook, probe, scan, eval or explain)"),
            };
            i = 1;
        }

        for (; i < args.Length; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--json":
                    options.Json = true;
                    break;
                case "-h" or "--help":
                    options.Help = true;
                    break;
                case "--stage":
                    options.Stage = ParseStage(Value(args, ref i, arg));
                    break;
                case "--port":
                    string text = Value(args, ref i, arg);
                    if (!int.TryParse(text, out int port) || port is < 1 or > 65535)
                        throw new UsageException($"--port: '{text}' is not a port number (1 to 65535)");
                    options.Port ??= port;
                    options.Probe.Ports.Add(port);
                    break;
                case "--lang":
                    string language = Value(args, ref i, arg).ToLowerInvariant();
                    if (!SmtpRelayClassifier.DiagnosisExplainer.SupportedLanguages.Contains(language))
                        throw new UsageException($"--lang: '{language}' is not a supported language (en, fr, de, es)");
                    options.Language = language;
                    break;
                case "--format":
                    string format = Value(args, ref i, arg).ToLowerInvariant();
                    if (format is not ("tsv" or "json" or "text"))
                        throw new UsageException($"--format: '{format}' is not a format (text, json, tsv)");
                    options.Format = format == "tsv" ? "tsv" : null;
                    options.Json |= format == "json";
                    break;
                case "--summary":
                    options.Summary = true;
                    break;
                case "--misses":
                    options.Misses = true;
                    break;
                case "--show-addresses":
                    options.ShowAddresses = true;
                    break;
                case "--host":
                    options.Probe.Host = Value(args, ref i, arg);
                    break;
                case "--from":
                    options.Probe.From = Value(args, ref i, arg);
                    break;
                case "--to":
                    options.Probe.To = Value(args, ref i, arg);
                    break;
                case "--local-to":
                    options.Probe.LocalTo = Value(args, ref i, arg);
                    break;
                case "--user":
                    options.Probe.User = Value(args, ref i, arg);
                    break;
                case "--password-env":
                    options.Probe.PasswordVariable = Value(args, ref i, arg);
                    break;
                case "--password":
                    throw new UsageException("--password: a password on the command line is visible to every user of the machine; use --password-env VAR or standard input");
                case "--second-from":
                    options.Probe.SecondFrom = Value(args, ref i, arg);
                    break;
                case "--local-address":
                    string local = Value(args, ref i, arg);
                    if (!System.Net.IPAddress.TryParse(local, out var address))
                        throw new UsageException($"--local-address: '{local}' is not an IP address");
                    options.Probe.LocalAddress = address;
                    break;
                case "--timeout":
                    string seconds = Value(args, ref i, arg);
                    if (!double.TryParse(seconds, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double s) || s <= 0 || s > 600)
                        throw new UsageException($"--timeout: '{seconds}' is not a number of seconds between 0 and 600");
                    options.Probe.StepTimeout = TimeSpan.FromSeconds(s);
                    break;
                case "--pin-certificate":
                    options.Probe.PinnedCertificate = Value(args, ref i, arg);
                    break;
                case "--allow-plaintext-auth":
                    options.Probe.AllowPlaintextAuth = true;
                    break;
                case "--":
                    options.Arguments.AddRange(args[(i + 1)..]);
                    i = args.Length;
                    break;
                default:
                    if (arg.Length > 1 && arg.StartsWith('-') && !char.IsAsciiDigit(arg[1]))
                        throw new UsageException($"unknown option '{arg}'");
                    options.Arguments.Add(arg);
                    break;
            }
        }

        if (options.Command == "help")
            options.Help = true;
        if (options.Command == "probe" && !options.Help)
        {
            if (string.IsNullOrWhiteSpace(options.Probe.Host))
                throw new UsageException("probe: --host is required (the SMTP server to probe)");
            if (options.Probe.From is null)
                throw new UsageException("probe: --from is required (the sender for MAIL FROM)");
            if (options.Probe.To is null)
                throw new UsageException("probe: --to is required (a recipient outside the server's domains)");
            if (options.Probe.PasswordVariable is not null && options.Probe.User is null)
                throw new UsageException("probe: --password-env needs --user");
            if (options.Arguments.Count > 0)
                throw new UsageException($"probe: unexpected argument '{options.Arguments[0]}'");
        }
        if (options.Command == "hresult" && !options.Help && options.Arguments.Count == 0)
            throw new UsageException("hresult: give an error number such as 0x800CCC79");
        if (options.Command == "scan" && !options.Help && options.Arguments.Count == 0)
            throw new UsageException("scan: give one or more files or directories, or - for standard input");
        if (options.Command == "eval" && !options.Help && options.Arguments.Count == 0)
            throw new UsageException("eval: give one or more corpus files (.tsv) or folders of them");
        if (options.Format == "tsv" && options.Command != "classify")
            throw new UsageException("--format tsv is for the classify command");
        if (options.Command == "explain" && options.Arguments.Count > 0)
            throw new UsageException($"unexpected argument '{options.Arguments[0]}' (to classify a reply: smtp-classify classify \"550 ...\")");
        return options;
    }

    private static string Value(string[] args, ref int i, string name)
    {
        if (i + 1 >= args.Length)
            throw new UsageException($"{name} needs a value");
        return args[++i];
    }

    private static SmtpStage ParseStage(string text) => text.ToLowerInvariant() switch
    {
        "connect" or "greeting" => SmtpStage.Connect,
        "ehlo" or "helo" => SmtpStage.Ehlo,
        "starttls" => SmtpStage.StartTls,
        "auth" => SmtpStage.Auth,
        "mail" or "mail-from" => SmtpStage.Mail,
        "rcpt" or "rcpt-to" => SmtpStage.Rcpt,
        "data" => SmtpStage.Data,
        "end-of-data" or "eod" => SmtpStage.EndOfData,
        "unknown" => SmtpStage.Unknown,
        _ => throw new UsageException($"--stage: '{text}' is not a stage (connect, ehlo, starttls, auth, mail, rcpt, data, end-of-data)"),
    };
}

/// <summary>The settings of <c>smtp-classify probe</c>.</summary>
internal sealed class ProbeArguments
{
    public string? Host { get; set; }

    public List<int> Ports { get; } = [];

    public string? From { get; set; }

    public string? To { get; set; }

    public string? LocalTo { get; set; }

    public string? User { get; set; }

    public string? PasswordVariable { get; set; }

    public string? SecondFrom { get; set; }

    public System.Net.IPAddress? LocalAddress { get; set; }

    public TimeSpan? StepTimeout { get; set; }

    public string? PinnedCertificate { get; set; }

    /// <summary>Speak plain text (no STARTTLS) on every port but 465, and log in there: the password crosses unencrypted.</summary>
    public bool AllowPlaintextAuth { get; set; }
}
