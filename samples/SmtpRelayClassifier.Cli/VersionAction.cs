using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace SmtpRelayClassifier.Cli;

/// <summary><c>--version</c>: the informational version of the tool (that of the package, and the commit it was built from).</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Version { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return Program.Ok;
    }
}
