using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using SmtpRelayClassifier.Cli.Evaluation;

namespace SmtpRelayClassifier.Cli;

/// <summary><c>smtp-classify</c>: explains failed SMTP sends from replies, Outlook error numbers and Outlook dialogs.</summary>
internal static class Program
{
    public const int Ok = 0;
    public const int Incomplete = 1;
    public const int UsageError = 2;

    // Replies are taken as they are written: '@file' is a reply, not a response file to read arguments from.
    private static readonly ParserConfiguration Parser = new() { ResponseFileTokenReplacer = null };

    public static int Main(string[] args) => Run(args, Console.OpenStandardInput(), GuardedOutput.OpenStandardOutput(), Console.Error);

    public static int Run(string[] args, Stream stdin, Stream stdout, TextWriter stderr)
    {
        using var buffered = new BufferedStream(new GuardedOutput(stdout), 1 << 16);
        using var text = new StreamWriter(buffered, new UTF8Encoding(false), 1 << 12) { AutoFlush = false };
        try
        {
            var root = CliCommands.Build((command, result) => Dispatch(Options.From(command, result), stdin, buffered, text, stderr));
            var parse = root.Parse(args, Parser);
            string? unknown = parse.Errors.Count == 0 ? CliCommands.UnknownOption(parse) : null;
            if ((parse.Errors.Count > 0 || unknown is not null) && parse.Action is not { ClearsParseErrors: true })
            {
                foreach (var error in parse.Errors)
                    stderr.WriteLine($"smtp-classify: {error.Message}");
                if (unknown is not null)
                    stderr.WriteLine($"smtp-classify: Unrecognized command or argument '{unknown}'.");
                var command = parse.CommandResult.Command;
                stderr.WriteLine($"Try 'smtp-classify {(command is RootCommand ? string.Empty : command.Name + " ")}--help'.");
                return UsageError;
            }

            return parse.Invoke(new InvocationConfiguration { Output = text, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (OutputClosedException e)
        {
            if (e.IsBrokenPipe)
                return Ok;
            stderr.WriteLine($"smtp-classify: cannot write the output: {e.Message}");
            return Incomplete;
        }
        finally
        {
            text.Flush();
            buffered.Flush();
        }
    }

    private static int Dispatch(Options options, Stream stdin, Stream buffered, StreamWriter text, TextWriter stderr)
    {
        var context = new SmtpFailureContext { Stage = options.Stage, Port = options.Port };
        var culture = options.Language is { } language ? CultureInfo.GetCultureInfo(language) : CultureInfo.CurrentUICulture;
        var explainer = new Explainer(culture, options.ShowAddresses);
        if (RulesCommand.Classifier(options.RuleFiles, stderr, out int exit) is not { } classifier)
            return exit;
        return options.Command switch
        {
            "classify" => Classify(options, context, classifier, explainer, stdin, buffered, text, stderr),
            "hresult" => HResults(options, context, classifier, explainer, buffered, text, stderr),
            "outlook" => Outlook(options, classifier, explainer, stdin, buffered, text, stderr),
            "probe" => ProbeCommand.Run(options, explainer, stdin, buffered, text, stderr),
            "scan" => ScanCommand.Run(options, stdin, buffered, text, stderr, classifier),
            "rules-export" => RulesCommand.Export(options.Output, buffered, stderr),
            "eval" => EvalCommand.Run(options, text, stderr),
            _ => Outlook(options, classifier, explainer, KbExample.FrenchDialog, buffered, text, stderr),
        };
    }

    private static int Classify(Options options, SmtpFailureContext context, SmtpFailureClassifier classifier, Explainer explainer, Stream stdin, Stream output, StreamWriter text, TextWriter stderr)
    {
        if (!options.Why && (options.Json || options.Format == "tsv"))
        {
            // Made for many inputs: bytes straight to the output, on every core when the input is large.
            Func<ReplyFormatter> newFormatter = options.Json
                ? () => new JsonReplyFormatter(classifier, context, explainer.ForAnotherThread(), options.Explain)
                : () => new TsvOutput(classifier, context);
            if (options.Arguments.Count > 0)
            {
                ReplyPipeline.Run(options.Arguments, newFormatter(), output);
                return Ok;
            }

            using var lines = new LineReader(stdin);
            ReplyPipeline.Run(lines, newFormatter, output);
            return Cut(lines, stderr);
        }

        // One reply at a time: the text for a person, and --why (with or without --json), which weighs every rule.
        using var json = options.Json ? new JsonDiagnosisWriter(output, explainer, options.Explain) : null;
        var human = options.Json ? null : new TextDiagnosisWriter(text, explainer);
        foreach (string reply in options.Arguments)
            One(reply);
        if (options.Arguments.Count > 0)
            return Ok;

        using var reader = new LineReader(stdin) { BeforeRead = json is null ? text.Flush : null };
        using var decoder = new LineDecoder();
        while (reader.TryReadLine(out var bytes))
            One(decoder.Decode(bytes));

        return Cut(reader, stderr);

        void One(ReadOnlySpan<char> input)
        {
            if (options.Why)
            {
                var weighed = classifier.ClassifyWithCandidates(input, context);
                Emit(input, weighed.Diagnosis, weighed.Candidates);
            }
            else
            {
                Emit(input, classifier.Classify(input, context), null);
            }
        }

        void Emit(ReadOnlySpan<char> input, RelayBlockDiagnosis diagnosis, IReadOnlyList<RuleCandidate>? why)
        {
            if (json is not null)
                json.Write(input, diagnosis, why);
            else
                human!.Write(input, diagnosis, why);
        }
    }

    // The lines too long to be kept whole are named on standard error; each was classified on its first bytes.
    private static int Cut(LineReader reader, TextWriter stderr)
    {
        if (reader.Truncated > 0)
            stderr.WriteLine($"smtp-classify: classify: {reader.Truncated} line(s) longer than {reader.MaxLineBytes >> 20} MiB, each classified on its first {reader.MaxLineBytes >> 20} MiB");
        return Ok;
    }

    private static int HResults(Options options, SmtpFailureContext context, SmtpFailureClassifier classifier, Explainer explainer, Stream output, StreamWriter text, TextWriter stderr)
    {
        foreach (string argument in options.Arguments)
        {
            if (!OutlookHResult.TryParse(argument, out _))
            {
                stderr.WriteLine($"smtp-classify: hresult: '{argument}' is not an error number (write it as 0x800CCC79)");
                return UsageError;
            }
        }

        using var json = options.Json ? new JsonDiagnosisWriter(output, explainer) : null;
        var human = new TextDiagnosisWriter(text, explainer);
        foreach (string argument in options.Arguments)
        {
            OutlookHResult.TryParse(argument, out var number);
            var diagnosis = classifier.Classify(number, serverResponse: null, context);
            if (json is not null)
                json.Write(argument, diagnosis);
            else
                human.Write(argument, diagnosis);
        }

        return Ok;
    }

    private static int Outlook(Options options, SmtpFailureClassifier classifier, Explainer explainer, Stream stdin, Stream output, StreamWriter text, TextWriter stderr)
    {
        string dialogText;
        if (options.Arguments.Count > 1)
        {
            stderr.WriteLine($"smtp-classify: outlook: unexpected argument '{options.Arguments[1]}' (give one FILE, or the dialog on stdin)");
            return UsageError;
        }

        if (options.Arguments.Count == 1 && options.Arguments[0] != "-")
        {
            string path = options.Arguments[0];
            if (!File.Exists(path))
            {
                stderr.WriteLine($"smtp-classify: outlook: file '{path}' does not exist");
                return UsageError;
            }

            dialogText = File.ReadAllText(path);
        }
        else
        {
            using var reader = new StreamReader(stdin, Encoding.UTF8);
            dialogText = reader.ReadToEnd();
        }

        return Outlook(options, classifier, explainer, dialogText, output, text, stderr);
    }

    private static int Outlook(Options options, SmtpFailureClassifier classifier, Explainer explainer, string dialogText, Stream output, StreamWriter text, TextWriter stderr)
    {
        if (!OutlookErrorDialog.TryParse(dialogText, out var dialog))
        {
            stderr.WriteLine("smtp-classify: outlook: the text holds neither an error number (0x800CCCxx) nor a 'Server Response'");
            return UsageError;
        }

        var diagnosis = classifier.Classify(dialog);
        if (options.Json)
        {
            using var json = new JsonDiagnosisWriter(output, explainer);
            json.Write(dialog, diagnosis);
        }
        else
        {
            new TextDiagnosisWriter(text, explainer).Write(dialog, diagnosis);
        }

        return Ok;
    }
}
