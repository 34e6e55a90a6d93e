using System;
using System.CommandLine;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// Rule files on the command line: <c>smtp-classify rules export</c>, which writes the built-in rules as a rule file to
/// start one's own from, and <c>--rules FILE</c> of <c>classify</c> and <c>scan</c>, which builds the classifier from
/// one or more rule files. A file that cannot be read exits 1; a file with errors exits 2 (a usage error), its errors
/// on standard error.
/// </summary>
internal static class RulesCommand
{
    /// <summary><c>--rules FILE</c>, repeatable: every file's rules, in the order given, before the built-in ones.</summary>
    public static Option<string[]> Option() => new("--rules")
    {
        Description = "A rule file (JSON, see 'smtp-classify rules export'): its rules are tried before the built-in ones; repeat it for several.",
        HelpName = "file",
    };

    /// <summary>The <c>rules</c> command and its <c>export</c> subcommand.</summary>
    public static Command Define(Func<string, ParseResult, int> run)
    {
        var export = new Command("export", "Write every built-in rule as a rule file (JSON): a start for one's own, which gives the built-in answers as it is.")
        {
            new Option<string?>("--output") { Description = "The file to write (default: standard output).", HelpName = "file" },
        };
        export.SetAction(r => run("rules-export", r));
        var command = new Command("rules", "The rule files that --rules reads.") { export };
        command.Validators.Add(r =>
        {
            if (r.Command == command)
                r.AddError("rules: give a subcommand: export");
        });
        return command;
    }

    /// <summary>Writes the built-in rules to <c>--output</c> or to <paramref name="output"/>.</summary>
    public static int Export(string? path, Stream output, TextWriter stderr)
    {
        if (path is null)
        {
            SmtpFailureRules.Export(output);
            return Program.Ok;
        }

        try
        {
            using var file = File.Create(path);
            SmtpFailureRules.Export(file);
            return Program.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"smtp-classify: {path}: cannot be written ({e.Message})");
            return Program.Incomplete;
        }
    }

    /// <summary>
    /// The classifier of the rule files given (the default one without any); null when one cannot be read
    /// (<paramref name="exit"/> 1) or holds errors (<paramref name="exit"/> 2), told on <paramref name="stderr"/>.
    /// </summary>
    public static SmtpFailureClassifier? Classifier(IReadOnlyList<string> files, TextWriter stderr, out int exit)
    {
        exit = Program.Ok;
        if (files.Count == 0)
            return SmtpFailureClassifier.Default;
        var loaded = new List<SmtpFailureClassifierOptions>();
        foreach (string file in files)
        {
            try
            {
                loaded.Add(SmtpFailureRules.Load(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"smtp-classify: {file}: cannot be read ({e.Message})");
                exit = Program.Incomplete;
            }
            catch (SmtpRuleFileException e)
            {
                foreach (string error in e.Errors)
                    stderr.WriteLine($"smtp-classify: {error}");
                exit = exit == Program.Incomplete ? exit : Program.UsageError;
            }
        }

        if (exit != Program.Ok)
            return null;
        try
        {
            return SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions
            {
                Rules = [.. loaded.SelectMany(o => o.Rules)],
                DisabledRuleIds = [.. loaded.SelectMany(o => o.DisabledRuleIds).Distinct(StringComparer.Ordinal)],
                IncludeBuiltInRules = loaded.All(o => o.IncludeBuiltInRules),
            });
        }
        catch (ArgumentException e)
        {
            // What only the files together get wrong: the same id in two of them.
            stderr.WriteLine($"smtp-classify: --rules {string.Join(" --rules ", files)}: {e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal)}");
            exit = Program.UsageError;
            return null;
        }
    }
}
