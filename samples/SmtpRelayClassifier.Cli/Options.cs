using System;
using System.Collections.Generic;
using System.CommandLine;

namespace SmtpRelayClassifier.Cli;

/// <summary>The parsed command line, read once from the parse of <see cref="CliCommands"/>.</summary>
internal sealed class Options
{
    public string Command { get; private init; } = "explain";

    public bool Json { get; private init; }

    /// <summary>Output format of <c>classify</c>: null (text or --json) or <c>tsv</c>.</summary>
    public string? Format { get; private init; }

    /// <summary><c>classify --why</c>: the rules weighed after each diagnosis.</summary>
    public bool Why { get; private init; }
    /// <summary><c>classify --json --explain</c>: the explanation in the run's language on every JSON line.</summary>
    public bool Explain { get; private init; }

    /// <summary><c>scan --summary</c>: counts instead of one line per failure.</summary>
    public bool Summary { get; private init; }

    /// <summary><c>scan --since</c>: only what happened from this time on.</summary>
    public DateTimeOffset? Since { get; private init; }

    /// <summary><c>scan --until</c>: only what happened before this time.</summary>
    public DateTimeOffset? Until { get; private init; }

    /// <summary><c>scan --parallel N</c>: how many inputs are read at the same time, or null for the default.</summary>
    public int? Parallel { get; private init; }

    /// <summary><c>eval --misses</c>: list every reply the classifier got wrong.</summary>
    public bool Misses { get; private init; }

    /// <summary><c>--show-addresses</c>: show e-mail addresses in full on every command instead of masking them.</summary>
    public bool ShowAddresses { get; private init; }

    public SmtpStage Stage { get; private init; }

    public int? Port { get; private init; }

    /// <summary>The language of explanations (<c>en</c>, <c>fr</c>, <c>de</c>, <c>es</c>), or null for the current UI culture.</summary>
    public string? Language { get; private init; }

    public IReadOnlyList<string> Arguments { get; private init; } = [];

    /// <summary><c>--rules FILE</c> of <c>classify</c> and <c>scan</c>: the rule files, in the order given.</summary>
    public IReadOnlyList<string> RuleFiles { get; private init; } = [];

    /// <summary><c>rules export --output FILE</c>: the file to write, or null for standard output.</summary>
    public string? Output { get; private init; }

    /// <summary>The probe's settings (command <c>probe</c>).</summary>
    public ProbeArguments Probe { get; private init; } = new();

    /// <summary>Reads the options of <paramref name="command"/> from a parse without errors.</summary>
    public static Options From(string command, ParseResult result)
    {
        string? format = CliCommands.Value<string?>(result, "--format");
        return new Options
        {
            Command = command,
            Json = CliCommands.Value<bool>(result, "--json") || format == "json",
            Format = format == "tsv" ? format : null,
            Why = CliCommands.Value<bool>(result, "--why"),
            Explain = CliCommands.Value<bool>(result, "--explain"),
            Summary = CliCommands.Value<bool>(result, "--summary"),
            Since = CliCommands.Value<DateTimeOffset?>(result, "--since"),
            Until = CliCommands.Value<DateTimeOffset?>(result, "--until"),
            Parallel = CliCommands.Value<int?>(result, "--parallel"),
            Misses = CliCommands.Value<bool>(result, "--misses"),
            ShowAddresses = CliCommands.Value<bool>(result, "--show-addresses"),
            Stage = CliCommands.Value<SmtpStage>(result, "--stage"),
            Port = CliCommands.Value<int?>(result, "--port"),
            Language = CliCommands.Value<string?>(result, "--lang"),
            Arguments = CliCommands.Arguments(result),
            RuleFiles = CliCommands.Value<string[]>(result, "--rules") ?? [],
            Output = CliCommands.Value<string?>(result, "--output"),
            Probe = command == "probe" ? ProbeArguments.Read(result) : new(),
        };
    }
}

/// <summary>The settings of <c>smtp-classify probe</c>.</summary>
internal sealed class ProbeArguments
{
    public string? Host { get; private init; }

    public IReadOnlyList<int> Ports { get; private init; } = [];

    public string? From { get; private init; }

    public string? To { get; private init; }

    public string? LocalTo { get; private init; }

    public string? User { get; private init; }

    public string? PasswordVariable { get; private init; }

    public string? SecondFrom { get; private init; }

    public System.Net.IPAddress? LocalAddress { get; private init; }

    public TimeSpan? StepTimeout { get; private init; }

    public string? PinnedCertificate { get; private init; }

    /// <summary>Speak plain text (no STARTTLS) on every port but 465, and log in there: the password crosses unencrypted.</summary>
    public bool AllowPlaintextAuth { get; private init; }

    /// <summary><c>--outsider</c>: this client is an outsider to the server's network, whatever its address.</summary>
    public bool Outsider { get; private init; }

    public static ProbeArguments Read(ParseResult result) => new()
    {
        Host = CliCommands.Value<string>(result, "--host"),
        Ports = CliCommands.Value<int[]>(result, "--port") ?? [],
        From = CliCommands.Value<string>(result, "--from"),
        To = CliCommands.Value<string>(result, "--to"),
        LocalTo = CliCommands.Value<string?>(result, "--local-to"),
        User = CliCommands.Value<string?>(result, "--user"),
        PasswordVariable = CliCommands.Value<string?>(result, "--password-env"),
        SecondFrom = CliCommands.Value<string?>(result, "--second-from"),
        LocalAddress = CliCommands.Value<System.Net.IPAddress?>(result, "--local-address"),
        StepTimeout = CliCommands.Value<TimeSpan?>(result, "--timeout"),
        PinnedCertificate = CliCommands.Value<string?>(result, "--pin-certificate"),
        AllowPlaintextAuth = CliCommands.Value<bool>(result, "--allow-plaintext-auth"),
        Outsider = CliCommands.Value<bool>(result, "--outsider"),
    };
}
