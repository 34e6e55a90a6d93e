using System.IO;
using System.Text;
using SmtpRelayClassifier.Cli;

namespace SmtpRelayClassifier.Tests.Cli;

/// <summary>Runs smtp-classify in-process with the given standard input, and returns its exit code and outputs.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(string stdin, params string[] args)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        using var output = new MemoryStream();
        using var error = new StringWriter();
        int exit = Program.Run(args, input, output, error);
        return (exit, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}
