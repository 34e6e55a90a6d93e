using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using SharpFuzz;

namespace SmtpRelayClassifier.Fuzz;

/// <summary>
/// smtp-fuzz: <c>smtp-fuzz TARGET</c> runs under afl-fuzz (SharpFuzz's fork server) and, outside it, feeds standard
/// input once; <c>smtp-fuzz TARGET PATH...</c> replays files, or every file under directories (a crash, a hang, the
/// seed corpus); <c>smtp-fuzz list</c> prints the targets and the seed folder of each.
/// </summary>
public static class FuzzProgram
{
    /// <summary>Runs the program.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>0, 1 when a replayed input failed, 2 for a bad command line.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            error.WriteLine("usage: smtp-fuzz TARGET [PATH...] | smtp-fuzz list");
            error.WriteLine("targets: " + string.Join(", ", FuzzTargets.All.Select(t => t.Name)));
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "list")
        {
            foreach (var t in FuzzTargets.All)
                output.WriteLine($"{t.Name}\tCorpus/{t.Corpus}");
            return 0;
        }

        FuzzTarget target;
        try
        {
            target = FuzzTargets.Find(args[0]);
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }

        if (args.Length == 1)
        {
            var buffer = new MemoryStream();
            Fuzzer.Run(stream =>
            {
                buffer.SetLength(0);
                stream.CopyTo(buffer);
                target.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            });
            return 0;
        }

        int inputs = 0, failed = 0;
        foreach (string path in args.Skip(1))
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                error.WriteLine($"no such file or directory: {path}");
                return 2;
            }
            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)
                : new[] { path }.AsEnumerable();
            foreach (string file in files)
            {
                inputs++;
                var clock = Stopwatch.StartNew();
                try
                {
                    target.Run(File.ReadAllBytes(file));
                }
                catch (Exception e)
                {
                    failed++;
                    output.WriteLine($"FAIL {file}: {e}");
                }
                if (clock.Elapsed > TimeSpan.FromSeconds(1))
                    output.WriteLine($"SLOW {file}: {clock.Elapsed.TotalMilliseconds:F0} ms");
            }
        }
        output.WriteLine($"{target.Name}: {inputs} inputs, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
