using System;
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

    private const string Usage =
        """
        Usage:
          smtp-classify                          explain the relay block of Microsoft KB 290842 (French Outlook dialog)
          smtp-classify classify [REPLY...]      explain each reply; without REPLY, read one reply per line from stdin
                                                 (a literal \n inside a line separates the lines of a multi-line reply)
          smtp-classify hresult NUMBER...        explain Outlook error numbers such as 0x800CCC79
          smtp-classify outlook [FILE]           read an Outlook error dialog (English or French) from FILE or stdin
          smtp-classify scan FILE|DIR|-...             find and classify the failures in mail logs (Postfix, Exim, Sendmail),
                                                 bounce messages (.eml) and mbox files; --summary for the counts
          smtp-classify eval CORPUS...           measure the classifier on labelled replies (.tsv files or folders):
                                                 accuracy per file, kind, source and confidence, the confusion matrix
          smtp-classify probe --host H --from A --to B [--port P]... [--local-to C] [--user U [--password-env VAR]]
                              [--second-from D] [--local-address IP] [--timeout S] [--pin-certificate SHA256]
                              [--allow-plaintext-auth]
                                                 find out, without sending a message, whether H relays for you
                                                 (the password comes from VAR, or from the first line of stdin;
                                                 it is sent only over TLS unless --allow-plaintext-auth, which
                                                 speaks plain text on every port but 465)

        Options:
          --json            one JSON object per input (JSON Lines), in input order
          --stage STAGE     the command the replies answered: connect, ehlo, starttls, auth, mail, rcpt, data, end-of-data
          --port N          the server port (a timeout on port 25 reads as an outbound block)
          --lang LANG       the language of explanations: en, fr, de, es (default: the current UI culture)
          --format tsv      classify: one "kind<TAB>isRelayBlock" line per input, the cheapest output
          --summary         scan: counts per kind, relay blocks per remote host, the top rules
          --misses          eval: list every reply whose kind or relay flag is wrong
          --show-addresses  show e-mail addresses in full; every command masks them by default (b***@example.org)
          -h, --help        show this help

        Exit codes: 0 done (also when the reader of the output closes it early); 1 some input could not be read
                    (named on stderr) or the output could not be written; 2 usage error.
        """;

    public static int Main(string[] args) => Run(args, Console.OpenStandardInput(), GuardedOutput.OpenStandardOutput(), Console.Error);

    public static int Run(string[] args, Stream stdin, Stream stdout, TextWriter stderr)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"smtp-classify: {e.Message}");
            stderr.WriteLine("Try 'smtp-classify --help'.");
            return UsageError;
        }

        using var buffered = new BufferedStream(new GuardedOutput(stdout), 1 << 16);
        using var text = new StreamWriter(buffered, new UTF8Encoding(false), 1 << 12) { AutoFlush = false };
        try
        {
            if (options.Help)
            {
                text.WriteLine(Usage);
                return Ok;
            }

            var context = new SmtpFailureContext { Stage = options.Stage, Port = options.Port };
            var culture = options.Language is { } language ? CultureInfo.GetCultureInfo(language) : CultureInfo.CurrentUICulture;
            var explainer = new Explainer(culture, options.ShowAddresses);
            var classifier = SmtpFailureClassifier.Default;
            return options.Command switch
            {
                "classify" => Classify(options, context, classifier, explainer, stdin, buffered, text),
                "hresult" => HResults(options, context, classifier, explainer, buffered, text, stderr),
                "outlook" => Outlook(options, classifier, explainer, stdin, buffered, text, stderr),
                "probe" => ProbeCommand.Run(options, explainer, stdin, buffered, text, stderr),
                "scan" => ScanCommand.Run(options, stdin, buffered, text, stderr),
                "eval" => EvalCommand.Run(options, text, stderr),
                _ => Outlook(options, classifier, explainer, KbExample.FrenchDialog, buffered, text, stderr),
            };
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
