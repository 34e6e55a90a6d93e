using System;
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
            "classify" => Classify(options, context, classifier, explainer, stdin, buffered, text),
            "hresult" => HResults(options, context, classifier, explainer, buffered, text, stderr),
            "outlook" => Outlook(options, classifier, explainer, stdin, buffered, text, stderr),
            "probe" => ProbeCommand.Run(options, explainer, stdin, buffered, text, stderr),
            "scan" => ScanCommand.Run(options, stdin, buffered, text, stderr, classifier),
            "rules-export" => RulesCommand.Export(options.Output, buffered, stderr),
            "eval" => EvalCommand.Run(options, text, stderr),
            _ => Outlook(options, classifier, explainer, KbExample.FrenchDialog, buffered, text, stderr),
        };
    }

    private static int Classify(Options options, SmtpFailureContext context, SmtpFailureClassifier classifier, Explainer explainer, Stream stdin, Stream output, StreamWriter text)
    {
        if (options.Format == "tsv")
            return TsvOutput.Run(options, context, classifier, stdin, output);

        using var json = options.Json ? new JsonDiagnosisWriter(output, explainer) : null;
        var human = options.Json ? null : new TextDiagnosisWriter(text, explainer);
        if (options.Arguments.Count > 0)
        {
            foreach (string reply in options.Arguments)
                Emit(reply, classifier.Classify(reply, context));
            return Ok;
        }

        using var reader = new LineReader(stdin);
        while (reader.TryReadLine(out var line))
            Emit(line, classifier.Classify(line, context));
        return Ok;

        void Emit(ReadOnlySpan<char> input, RelayBlockDiagnosis diagnosis)
        {
            if (json is not null)
                json.Write(input, diagnosis);
            else
                human!.Write(input, diagnosis);
        }
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
