using System.Text;
using SmtpRelayClassifier;

namespace ParallelStream;

/// <summary>
/// <c>ParallelStream [--workers N] [FILE]</c>: classifies the replies of FILE (or standard input), one a line, on N
/// workers (the number of cores by default) and prints <c>kind&lt;TAB&gt;isRelayBlock</c> per line, in input order,
/// as <c>smtp-classify classify --format tsv</c> does. Ctrl+C stops it (exit code 130).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        int workers = Environment.ProcessorCount;
        string? file = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--workers" && i + 1 < args.Length && int.TryParse(args[i + 1], out workers) && workers > 0)
                i++;
            else if (!args[i].StartsWith('-') && file is null)
                file = args[i];
            else
            {
                await Console.Error.WriteLineAsync("usage: ParallelStream [--workers N] [FILE]   (N at least 1; standard input without FILE)");
                return 2;
            }
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        StreamReader input;
        try
        {
            input = file is null ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8) : new StreamReader(file, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{file}: cannot be read ({e.Message})");
            return 1;
        }

        using var reader = input;
        await using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        var parallel = new ParallelClassifier(SmtpFailureClassifier.Default, workers);
        try
        {
            await foreach (var result in parallel.ClassifyAsync(input, cancel.Token))
            {
                output.Write(result.Kind.ToString());
                output.Write(result.IsRelayBlock ? "\ttrue\n" : "\tfalse\n");
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return 130;
        }

        return 0;
    }
}
