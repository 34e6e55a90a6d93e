using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using SmtpRelayClassifier.Fuzz;
using SmtpRelayClassifier.Parsing;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SmtpRelayClassifier.Tests.Robustness;

/// <summary>
/// The fuzz smoke that CI runs: every fuzz target gets its seed corpus and a fixed number of inputs mutated from it
/// with a fixed seed, and must neither throw nor hang. The real fuzzer (fuzz/run.sh, AFL++) searches further; this
/// keeps what it covers from regressing.
/// </summary>
public sealed class FuzzTargetsTests(ITestOutputHelper output)
{
    private const int Seed = 20261201;

    // Open defects that the fixed seed meets, each reproduced by a skipped test in FuzzFindingsTests. An input that
    // hits one is counted and not run (Promise null: it would hang), or the one promise it breaks is tolerated.
    // Remove the entry with the fix: the smoke then holds the fix too.
    private static readonly KnownDefect[] KnownDefects = [];

    private sealed record KnownDefect(string Target, string Reproduction, string? Promise, Func<byte[], bool> Hits);

    // How long one input may take before it counts as a hang (the slowest take about a second on a busy machine).
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(10);

    // Inputs per target: 40 to 50 s for the six together on the project's 2-core machine while others build on it.
    public static TheoryData<string, int> Targets => new()
    {
        { "parser-chars", 60_000 },
        { "parser-bytes", 60_000 },
        { "classifier", 5_000 },
        { "outlook-dialog", 10_000 },
        { "log-reader", 10_000 },
        { "bounce-reader", 3_000 },
    };

    [Fact]
    public void Targets_TheSmokeCoversEveryTarget()
    {
        Assert.Equal(FuzzTargets.All.Select(t => t.Name), Targets.Select(row => (string)row[0]));
    }

    [Fact]
    public void Find_UnknownName_ThrowsNamingTheTargets()
    {
        var e = Assert.Throws<ArgumentException>(() => FuzzTargets.Find("parser"));

        Assert.Contains("'parser'", e.Message, StringComparison.Ordinal);
        Assert.Contains("bounce-reader", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Target_SeedCorpus_NeitherThrowsNorHangs(string name, int inputs)
    {
        _ = inputs;
        var target = FuzzTargets.Find(name);
        var seeds = SeedsOf(target);

        Assert.NotEmpty(seeds);
        AssertNoFailure(target, seeds, seeds.Count);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Target_SeededRandomAndMutatedInputs_NeitherThrowNorHang(string name, int inputs)
    {
        var target = FuzzTargets.Find(name);
        var mutator = new InputMutator(Seed + name.Length, SeedsOf(target));

        AssertNoFailure(target, Enumerable.Range(0, inputs).Select(_ => mutator.Next()), inputs);
    }

    internal static IReadOnlyList<byte[]> SeedsOf(FuzzTarget target) =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus", target.Corpus)).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];

    // Runs the inputs on a thread of their own so that a hang fails the test instead of stopping the run; a failing
    // input is saved to a file that `smtp-fuzz TARGET FILE` replays.
    private void AssertNoFailure(FuzzTarget target, IEnumerable<byte[]> inputs, int expected)
    {
        var defects = KnownDefects.Where(d => d.Target == target.Name).ToArray();
        var tolerated = new int[defects.Length];
        byte[]? current = null;
        long started = 0;
        int done = 0;
        TimeSpan slowest = default;
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                foreach (var input in inputs)
                {
                    int defect = Array.FindIndex(defects, d => d.Hits(input));
                    if (defect >= 0 && defects[defect].Promise is null)
                    {
                        tolerated[defect]++;
                        Interlocked.Increment(ref done);
                        continue;
                    }

                    long start = Stopwatch.GetTimestamp();
                    Volatile.Write(ref started, start);
                    Volatile.Write(ref current, input);
                    try
                    {
                        target.Run(input);
                    }
                    catch (InvalidOperationException e) when (defect >= 0 && e.Message.Contains(defects[defect].Promise!, StringComparison.Ordinal))
                    {
                        tolerated[defect]++;
                    }
                    var elapsed = Stopwatch.GetElapsedTime(start);
                    if (elapsed > slowest)
                        slowest = elapsed;
                    Interlocked.Increment(ref done);
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, maxStackSize: 16 * 1024 * 1024) { IsBackground = true, Name = "fuzz " + target.Name };

        worker.Start();
        while (!worker.Join(TimeSpan.FromMilliseconds(200)))
        {
            if (Stopwatch.GetElapsedTime(Volatile.Read(ref started)) > HangAfter && Volatile.Read(ref current) is { } stuck)
                Assert.Fail($"{target.Name} hangs on input {Volatile.Read(ref done)}: {Save(target, stuck)}");
        }

        if (failure is not null)
            Assert.Fail($"{target.Name} failed on input {done}: {Save(target, current!)}\n{failure}");
        Assert.Equal(expected, done);
        output.WriteLine($"{target.Name}: {done} inputs, the slowest {slowest.TotalMilliseconds:F1} ms");
        for (int i = 0; i < defects.Length; i++)
            output.WriteLine($"  {tolerated[i]} hit the known defect of {defects[i].Reproduction}");
    }

    private static string Save(FuzzTarget target, byte[] input)
    {
        string file = Path.Combine(Path.GetTempPath(), $"smtp-fuzz-{target.Name}-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(input))[..16]}.bin");
        File.WriteAllBytes(file, input);
        string preview = Encoding.Latin1.GetString(input.AsSpan(0, Math.Min(input.Length, 300)));
        return $"{input.Length} bytes saved to {file}, starting {Escape(preview)}";
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
            sb.Append(c is >= ' ' and < '\x7f' ? c.ToString() : $"\\x{(int)c:x2}");
        return sb.ToString();
    }
}
