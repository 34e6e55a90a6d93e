using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace SmtpRelayClassifier.Tests.Cli;

/// <summary>Standard output of the real smtp-classify process.</summary>
public class GuardedOutputTests
{
    [Fact]
    public void OutputToAFileTheShellAlsoWrites_KeepsWhatCameBeforeAndAfter()
    {
        if (OperatingSystem.IsWindows())
            return;
        string file = Path.Combine(Path.GetTempPath(), $"smtp-classify-{Guid.NewGuid():N}.txt");
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("(echo before; \"$1\" \"$2\" --version; echo after) > \"$3\"");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "smtp-classify.dll"));
        start.ArgumentList.Add(file);
        try
        {
            using var process = Process.Start(start)!;
            string error = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "smtp-classify --version did not end");

            string[] lines = File.ReadAllText(file).Split('\n');

            Assert.True(lines.Length == 4, error + File.ReadAllText(file));
            Assert.Equal("before", lines[0]);
            Assert.StartsWith("0.", lines[1], StringComparison.Ordinal);
            Assert.Equal("after", lines[2]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
