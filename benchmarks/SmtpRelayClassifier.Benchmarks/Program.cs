using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace SmtpRelayClassifier.Benchmarks;

/// <summary>Runs the suites chosen on the command line (BenchmarkSwitcher); a failed benchmark makes the exit code non-zero.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        if (failed)
            Console.Error.WriteLine("A benchmark failed.");
        return failed ? 1 : 0;
    }
}
