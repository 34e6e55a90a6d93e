using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Linq;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// The command tree of <c>smtp-classify</c>: every command with its description, arguments, options, the checks
/// across options, and the examples its help ends with. Built once per run; the arguments are parsed once, never
/// per line of input.
/// </summary>
internal static class CliCommands
{
    public const string ExitCodes =
        """
        Exit codes:
          0  done (also when the reader of the output closes it early, as '| head' does)
          1  some input could not be read (named on standard error) or the output could not be written
          2  usage error: unknown command or option, bad value, options that exclude each other
        """;

    public const string ProbeExitCodes =
        """
        Exit codes:
          0  the server does not relay for you, or relays only after a login or for its own network
          1  the output could not be written
          2  usage error
          3  open relay: the server accepted an outside recipient from you without a login
          4  not decided: no port answered, TLS could not be set up, or every transaction was refused before RCPT
          5  not decided: the login, or the sender for the login, was refused
        """;

    /// <summary>Builds the tree; <paramref name="run"/> runs the command that was parsed (its name and the parse).</summary>
    public static RootCommand Build(Func<string, ParseResult, int> run)
    {
        var examples = new Dictionary<Command, string>();
        var root = new RootCommand(
            "Explains failed SMTP sends: server replies, Outlook error numbers and dialogs, mail logs and bounces. "
            + "Without a command, explains the relay block of Microsoft KB 290842 (a French Outlook dialog).")
        {
            CliOptions.Json("The explanation as one JSON object."), CliOptions.Lang(), CliOptions.ShowAddresses(),
        };
        root.HelpName = "smtp-classify";
        root.SetAction(r => run("explain", r));
        examples[root] = """
            smtp-classify                                      explain the KB 290842 relay block
            smtp-classify --lang en                            the same, in English
            smtp-classify classify "554 5.7.1 <bob@example.org>: Relay access denied"
            smtp-classify COMMAND --help                       the options and examples of a command
            """;

        Add(root, examples, Classify(run), """
            smtp-classify classify "554 5.7.1 <bob@example.org>: Relay access denied"
            smtp-classify classify --stage rcpt --port 25 "550 5.7.1 Relaying denied"
            smtp-classify classify --json < replies.txt                one JSON object per line of replies.txt
            smtp-classify classify --json --explain --lang fr < replies.txt   with the explanation in French
            smtp-classify classify --format tsv < replies.txt          kind<TAB>isRelayBlock per line, the fastest
            smtp-classify classify --why "550 5.7.1 Unable to relay"   the deciding rule, and the rules that lost
            smtp-classify classify --rules site-rules.json "503 Rcptto account isn't a local account"
            """);
        Add(root, examples, HResult(run), """
            smtp-classify hresult 0x800CCC79
            smtp-classify hresult --json 0x800CCC79 0x800CCC0E
            """);
        Add(root, examples, Outlook(run), """
            smtp-classify outlook dialog.txt
            smtp-classify outlook --lang en < dialog.txt
            """);
        Add(root, examples, Scan(run), """
            smtp-classify scan /var/log/mail.log /var/log/mail.log.1.gz
            smtp-classify scan --summary /var/log/
            smtp-classify scan --summary --json --since 2026-11-28 --until 2026-11-29 /var/log/mail.log
            journalctl -u postfix | smtp-classify scan --json -
            smtp-classify scan --rules site-rules.json /var/log/mail.log
            """);
        Add(root, examples, Eval(run), """
            smtp-classify eval tests/SmtpRelayClassifier.Tests/Corpus/
            smtp-classify eval --misses corpus.tsv
            """);
        Add(root, examples, RulesCommand.Define(run), """
            smtp-classify rules export --output site-rules.json   the built-in rules, to edit
            smtp-classify classify --rules site-rules.json < replies.txt
            """);
        Add(root, examples, ProbeCommand.Define(run), """
            smtp-classify probe --host smtp.example.net --from alice@example.net --to someone@elsewhere.example
            SMTP_PASSWORD=... smtp-classify probe --host smtp.example.net --port 587 \
                --from alice@example.net --to someone@elsewhere.example --user alice --password-env SMTP_PASSWORD --json
            smtp-classify probe --host mx.example.net --port 25 --from a@example.org --to b@example.com --outsider \
                || echo "open relay or not decided"
            """);

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!, examples);
        var version = root.Options.OfType<VersionOption>().Single();
        version.Action = new VersionAction();
        return root;
    }

    /// <summary>The arguments of the command that was parsed (its one argument), or none.</summary>
    public static string[] Arguments(ParseResult result) =>
        result.CommandResult.Command.Arguments.FirstOrDefault() is Argument<string[]> argument ? result.GetValue(argument) ?? [] : [];

    /// <summary>The value of the option named <paramref name="name"/> of the command that was parsed; default when it has none.</summary>
    public static T? Value<T>(ParseResult result, string name)
    {
        foreach (var option in result.CommandResult.Command.Options)
        {
            if (option.Name == name && option is Option<T> typed)
                return result.GetValue(typed);
        }

        return default;
    }

    /// <summary>
    /// A token before <c>--</c> that looks like an option but is none, which the parser hands to the command's
    /// argument as a value; null when there is none. <c>-</c> (standard input) and numbers such as <c>-1</c> are values.
    /// </summary>
    public static string? UnknownOption(ParseResult result)
    {
        if (result.CommandResult.Command.Arguments.FirstOrDefault() is not { } argument || result.GetResult(argument) is not { } values)
            return null;
        foreach (var token in result.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
                return null;
            string value = token.Value;
            if (token.Type == TokenType.Argument && value.Length > 1 && value[0] == '-' && !char.IsAsciiDigit(value[1])
                && values.Tokens.Any(t => ReferenceEquals(t, token)))
                return value;
        }

        return null;
    }

    private static void Add(RootCommand root, Dictionary<Command, string> examples, Command command, string example)
    {
        root.Subcommands.Add(command);
        examples[command] = example;
    }

    private static Command Classify(Func<string, ParseResult, int> run)
    {
        var replies = new Argument<string[]>("reply")
        {
            Description = "Server replies; without one, one reply per line of standard input (a literal \\n in a line separates the lines of a multi-line reply).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string?>("--format")
        {
            Description = "text (the default), json (as --json) or tsv: one 'kind<TAB>isRelayBlock' line per input, the cheapest output.",
            HelpName = "text|json|tsv",
        };
        format.AcceptOnlyFromAmong("text", "json", "tsv");
        var json = CliOptions.Json("One JSON object per input (JSON Lines), in input order: the diagnosis and its one-line summary.");
        var explain = new Option<bool>("--explain") { Description = "With --json: add the explanation in the language of --lang (language, userMessage, explanation), about 1.5 KB a line." };
        var why = new Option<bool>("--why")
        {
            Description = "After each diagnosis, the rule that decided with the phrases and codes it read and where they stand, "
                + "then the other rules weighed, each with its kind, strength and why it lost (with --json: a 'why' array).",
        };
        var command = new Command("classify", "Explain each server reply: kind, relay block, causes, remedies and who must act.")
        {
            replies, json, format, explain, why, CliOptions.Stage(), CliOptions.Port(), CliOptions.Lang(), CliOptions.ShowAddresses(), RulesCommand.Option(),
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(format) is { } chosen && chosen != "json" && r.GetValue(json))
                r.AddError($"--json and --format {chosen} exclude each other: give one of them");
            if (r.GetValue(format) == "tsv" && r.GetValue(why))
                r.AddError("--why and --format tsv exclude each other: tsv has one kind per line, no room for the rules weighed");
            if (r.GetValue(explain) && !r.GetValue(json) && r.GetValue(format) != "json")
                r.AddError("--explain adds the explanation to the JSON lines: give it with --json (the text output always explains)");
        });
        command.SetAction(r => run("classify", r));
        return command;
    }

    private static Command HResult(Func<string, ParseResult, int> run)
    {
        var numbers = new Argument<string[]>("number") { Description = "Outlook error numbers such as 0x800CCC79.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("hresult", "Explain Outlook error numbers (0x800CCCxx).")
        {
            numbers, CliOptions.Json(), CliOptions.Stage(), CliOptions.Port(), CliOptions.Lang(), CliOptions.ShowAddresses(),
        };
        Require(command, numbers, "hresult: give an error number such as 0x800CCC79");
        command.SetAction(r => run("hresult", r));
        return command;
    }

    private static Command Outlook(Func<string, ParseResult, int> run)
    {
        var file = new Argument<string[]>("file")
        {
            Description = "A file holding the text of an Outlook error dialog (English or French); without it, or with -, standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("outlook", "Read an Outlook error dialog and explain it.")
        {
            file, CliOptions.Json(), CliOptions.Lang(), CliOptions.ShowAddresses(),
        };
        command.SetAction(r => run("outlook", r));
        return command;
    }

    private static Command Scan(Func<string, ParseResult, int> run)
    {
        var inputs = new Argument<string[]>("input")
        {
            Description = "Mail logs (Postfix, Exim, Sendmail; gzip too), bounce messages (.eml), mbox files, directories of them, or - for standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var since = ScanTimeOption.Create("--since", "Only lines (and bounces, by their Date) from this time on.");
        var until = ScanTimeOption.Create("--until", "Only lines (and bounces, by their Date) before this time.");
        var command = new Command("scan", "Find and classify the failures in mail logs, bounces and mbox files.")
        {
            inputs, CliOptions.Json("One JSON object per failure (JSON Lines); with --summary, the counts as one object."),
            new Option<bool>("--summary") { Description = "Counts per kind and action, block lists, hosts, domains, relay blocks per host, the top rules, and the reports that are no failure." },
            since, until, CliOptions.Parallel(), CliOptions.Lang(), CliOptions.ShowAddresses(), RulesCommand.Option(),
        };
        Require(command, inputs, "scan: give one or more files or directories, or - for standard input");
        command.SetAction(r => run("scan", r));
        return command;
    }

    private static Command Eval(Func<string, ParseResult, int> run)
    {
        var corpus = new Argument<string[]>("corpus")
        {
            Description = "Corpus files (.tsv: reply, kind, relay flag, source) or folders of them.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("eval", "Measure the classifier on labelled replies: accuracy per file, kind, source and confidence, the confusion matrix.")
        {
            corpus,
            new Option<bool>("--misses") { Description = "List every reply whose kind or relay flag is wrong." },
        };
        Require(command, corpus, "eval: give one or more corpus files (.tsv) or folders of them");
        command.SetAction(r => run("eval", r));
        return command;
    }

    private static void Require(Command command, Argument<string[]> argument, string message) =>
        command.Validators.Add(r =>
        {
            if (r.GetValue(argument) is not { Length: > 0 })
                r.AddError(message);
        });
}
