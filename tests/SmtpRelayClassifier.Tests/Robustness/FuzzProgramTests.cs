using System;
using System.IO;
using SmtpRelayClassifier.Fuzz;
using Xunit;

namespace SmtpRelayClassifier.Tests.Robustness;

/// <summary>smtp-fuzz outside the fuzzer: listing the targets and replaying inputs from files.</summary>
public sealed class FuzzProgramTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = FuzzProgram.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Corpus(string folder) => Path.Combine(AppContext.BaseDirectory, "Corpus", folder);

    [Fact]
    public void List_PrintsEveryTargetWithItsSeedFolder()
    {
        var (exit, output, _) = Run("list");

        Assert.Equal(0, exit);
        foreach (var target in FuzzTargets.All)
            Assert.Contains($"{target.Name}\tCorpus/{target.Corpus}\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_SeedDirectory_RunsEveryFileAndExitsZero()
    {
        int files = Directory.GetFiles(Corpus("dialogs")).Length;

        var (exit, output, _) = Run("outlook-dialog", Corpus("dialogs"));

        Assert.Equal(0, exit);
        Assert.Contains($"outlook-dialog: {files} inputs, 0 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_OneFile_RunsIt()
    {
        var (exit, output, _) = Run("bounce-reader", Path.Combine(Corpus("bounces"), "postfix-relay-denied.eml"));

        Assert.Equal(0, exit);
        Assert.Contains("bounce-reader: 1 inputs, 0 failed", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "usage: smtp-fuzz")]
    [InlineData(new[] { "parser" }, "No fuzz target is named 'parser'")]
    [InlineData(new[] { "parser-chars", "/nonexistent/input" }, "no such file or directory: /nonexistent/input")]
    public void Run_BadCommandLine_ExitsTwoWithAMessage(string[] args, string message)
    {
        var (exit, _, error) = Run(args);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
