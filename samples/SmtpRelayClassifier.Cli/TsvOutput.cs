using System;
using System.IO;
using System.Linq;
using System.Text;

namespace SmtpRelayClassifier.Cli;

/// <summary><c>classify --format tsv</c>: one <c>kind&lt;TAB&gt;isRelayBlock</c> line per input, written from bytes prepared once.</summary>
internal static class TsvOutput
{
    private static readonly byte[][] Lines = Enum.GetValues<SmtpFailureKind>()
        .SelectMany(k => new[] { Encoding.ASCII.GetBytes($"{k}\tfalse\n"), Encoding.ASCII.GetBytes($"{k}\ttrue\n") })
        .ToArray();

    public static int Run(Options options, SmtpFailureContext context, SmtpFailureClassifier classifier, Stream stdin, Stream output)
    {
        if (options.Arguments.Count > 0)
        {
            foreach (string reply in options.Arguments)
                Write(output, classifier.ClassifyBrief(reply, context));
            return Program.Ok;
        }

        using var reader = new LineReader(stdin);
        while (reader.TryReadLine(out var line))
            Write(output, classifier.ClassifyBrief(line, context));
        return Program.Ok;
    }

    private static void Write(Stream output, BriefDiagnosis result) =>
        output.Write(Lines[((int)result.Kind * 2) + (result.IsRelayBlock ? 1 : 0)]);
}
