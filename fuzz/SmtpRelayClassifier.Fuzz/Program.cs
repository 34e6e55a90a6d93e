using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using SharpFuzz;
using SmtpRelayClassifier.Fuzz;

// smtp-fuzz TARGET            runs under afl-fuzz (SharpFuzz's fork server); outside it, feeds standard input once
// smtp-fuzz TARGET PATH...    replays files, or every file under directories: a crash, a hang, the seed corpus
// smtp-fuzz list              the targets and the seed folder each starts from
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: smtp-fuzz TARGET [PATH...] | smtp-fuzz list");
    Console.Error.WriteLine("targets: " + string.Join(", ", FuzzTargets.All.Select(t => t.Name)));
    return args.Length == 0 ? 2 : 0;
}

if (args[0] == "list")
{
    foreach (var t in FuzzTargets.All)
        Console.WriteLine($"{t.Name}\tCorpus/{t.Corpus}");
    return 0;
}

FuzzTarget target;
try
{
    target = FuzzTargets.Find(args[0]);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
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
        Console.Error.WriteLine($"no such file or directory: {path}");
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
            Console.WriteLine($"FAIL {file}: {e}");
        }
        if (clock.Elapsed > TimeSpan.FromSeconds(1))
            Console.WriteLine($"SLOW {file}: {clock.Elapsed.TotalMilliseconds:F0} ms");
    }
}
Console.WriteLine($"{target.Name}: {inputs} inputs, {failed} failed");
return failed == 0 ? 0 : 1;
