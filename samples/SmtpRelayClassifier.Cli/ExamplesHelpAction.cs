using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// <c>--help</c>: the parser's help for the command asked about, then its examples and its exit codes.
/// </summary>
internal sealed class ExamplesHelpAction(HelpAction help, IReadOnlyDictionary<Command, string> examples) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        int exit = help.Invoke(parseResult);
        var command = parseResult.CommandResult.Command;
        var output = parseResult.InvocationConfiguration.Output;
        if (examples.TryGetValue(command, out string? example))
        {
            output.WriteLine("Examples:");
            foreach (string line in example.Split('\n'))
                output.WriteLine($"  {line}");
            output.WriteLine();
        }

        output.WriteLine(command.Name == "probe" ? CliCommands.ProbeExitCodes : CliCommands.ExitCodes);
        return exit;
    }
}
