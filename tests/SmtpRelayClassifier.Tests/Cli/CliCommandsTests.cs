using System;
using System.Reflection;
using SmtpRelayClassifier.Cli;
using Xunit;

namespace SmtpRelayClassifier.Tests.Cli;

/// <summary>The command line of smtp-classify: help per command, the version, usage errors, completions.</summary>
public class CliCommandsTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => CliRunner.Run(string.Empty, args);

    [Fact]
    public void Version_PrintsTheInformationalVersionWhichIsTheLibrarysAndExits0()
    {
        var (exit, output, _) = Run("--version");

        Assert.Equal(0, exit);
        string expected = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(expected, output.TrimEnd());
        string library = typeof(SmtpFailureClassifier).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(library.Split('+')[0], output.TrimEnd().Split('+')[0]);
    }

    [Theory]
    [InlineData("classify", "--format <text|json|tsv>")]
    [InlineData("hresult", "<number>")]
    [InlineData("outlook", "<file>")]
    [InlineData("scan", "--summary")]
    [InlineData("eval", "--misses")]
    [InlineData("probe", "--allow-plaintext-auth")]
    public void CommandHelp_ShowsThatCommandsUsageOptionsExamplesAndExitCodes(string command, string option)
    {
        var (exit, output, error) = Run(command, "--help");

        Assert.True(exit == 0, error);
        Assert.Contains($"Usage:\n  smtp-classify {command} ", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(option, output, StringComparison.Ordinal);
        Assert.Contains($"Examples:\n  smtp-classify {command} ", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Exit codes:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Commands:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassifyHelp_NamesEveryOptionOfClassify()
    {
        var (exit, output, _) = Run("classify", "--help");

        Assert.Equal(0, exit);
        Assert.All(["--json", "--format", "--stage <stage>", "--port <port>", "--lang <en|fr|de|es>", "--show-addresses"],
            option => Assert.Contains(option, output, StringComparison.Ordinal));
        Assert.DoesNotContain("--host", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RootHelp_ListsEveryCommandAndTheExitCodes()
    {
        var (exit, output, _) = Run("--help");

        Assert.Equal(0, exit);
        string commands = output[output.IndexOf("Commands:", StringComparison.Ordinal)..];
        Assert.All(["classify <reply>", "hresult <number>", "outlook <file>", "scan <input>", "eval <corpus>", "probe "],
            command => Assert.Contains("\n  " + command, commands.ReplaceLineEndings("\n"), StringComparison.Ordinal));
        Assert.Contains("2  usage error", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ProbeHelp_WithoutItsRequiredOptions_ShowsHelpAndTheProbeExitCodes()
    {
        var (exit, output, error) = Run("probe", "--help");

        Assert.True(exit == 0, error);
        Assert.Contains("--host <host> (REQUIRED)", output, StringComparison.Ordinal);
        Assert.Contains("3  open relay", output, StringComparison.Ordinal);
        Assert.Contains("4  not decided", output, StringComparison.Ordinal);
        Assert.Contains("5  not decided: the login", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_IsNoCommand_TheToolWithoutOneExplainsTheKbExample()
    {
        var (exit, output, error) = Run("explain");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("Unrecognized command or argument 'explain'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tsv")]
    [InlineData("text")]
    public void JsonWithAnotherFormat_IsAUsageErrorNamingBoth(string format)
    {
        var (exit, output, error) = Run("classify", "--json", "--format", format, "550 5.7.1 Relaying denied");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains($"--json and --format {format} exclude each other", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WhyWithFormatTsv_IsAUsageErrorNamingBoth()
    {
        var (exit, output, error) = Run("classify", "--why", "--format", "tsv", "550 5.7.1 Relaying denied");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("--why and --format tsv exclude each other", error, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonWithFormatJson_SayTheSameAndAreAccepted()
    {
        var (exit, output, _) = Run("classify", "--json", "--format", "json", "550 5.7.1 Relaying denied");

        Assert.Equal(0, exit);
        Assert.StartsWith("{", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'--bogus'", "classify", "--bogus")]
    [InlineData("'--bogus'", "classify", "--bogus", "550 x")]
    [InlineData("'--x'", "scan", "--x", "-")]
    [InlineData("'--format'", "hresult", "--format", "tsv", "0x800CCC79")]
    [InlineData("'--nope'", "probe", "--host", "h", "--from", "a@example.org", "--to", "b@example.com", "--nope")]
    [InlineData("'--bogus'", "--bogus")]
    public void UnknownOption_IsAUsageErrorWithTheParsersMessage(string named, params string[] args)
    {
        var (exit, output, error) = Run(args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains($"Unrecognized command or argument {named}.", error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--lang xx", "--lang: 'xx' is not a supported language")]
    [InlineData("--port 0", "--port: '0' is not a port number")]
    [InlineData("--stage nowhere", "--stage: 'nowhere' is not a stage")]
    public void SharedOption_MeansTheSameOnEveryCommandThatHasIt(string option, string message)
    {
        foreach (string command in new[] { "classify", "hresult", "probe" })
        {
            if (command == "probe" && option.StartsWith("--stage", StringComparison.Ordinal))
                continue;
            string[] args = [command, .. option.Split(' '), .. command == "probe" ? new[] { "--host", "h", "--from", "a@example.org", "--to", "b@example.com" } : ["0x800CCC79"]];

            var (exit, _, error) = Run(args);

            Assert.True(exit == 2, command);
            Assert.Contains(message, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Probe_PasswordEnvWithoutUser_IsAUsageError()
    {
        var (exit, _, error) = Run("probe", "--host", "h", "--from", "a@example.org", "--to", "b@example.com", "--password-env", "X");

        Assert.Equal(2, exit);
        Assert.Contains("--password-env needs --user", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_PasswordOnTheCommandLine_IsRefusedWithTheReason()
    {
        var (exit, _, error) = Run("probe", "--host", "h", "--from", "a@example.org", "--to", "b@example.com", "--password", "secret");

        Assert.Equal(2, exit);
        Assert.Contains("visible to every user of the machine", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DoubleDash_PassesARepliesThatStartsWithADashThrough()
    {
        // POP3's negative reply, pasted where an SMTP reply was expected (RFC 1939 section 3).
        var (exit, output, error) = Run("classify", "--", "-ERR authentication failed");

        Assert.True(exit == 0, error);
        Assert.Contains("Input:              -ERR authentication failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplyStartingWithAt_IsAReplyNotAResponseFile()
    {
        var (exit, output, error) = Run("classify", "@replies.txt");

        Assert.True(exit == 0, error);
        Assert.Contains("Input:              @replies.txt", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--stage", "classify --st")]
    [InlineData("--show-addresses", "scan --s")]
    [InlineData("probe", "pro")]
    public void SuggestDirective_CompletesCommandsAndOptionNames(string expected, string line)
    {
        // What dotnet-suggest sends: the directive with the cursor position, then the command line as one argument.
        var (exit, output, _) = Run($"[suggest:{line.Length}]", line);

        Assert.Equal(0, exit);
        Assert.Contains(expected, output.Split('\n', StringSplitOptions.TrimEntries));
    }
}
