using System.IO;
using PublicApiGenerator;
using Xunit;

namespace SmtpRelayClassifier.Tests;

/// <summary>
/// Pins the package's public surface. A change writes <c>PublicApi.received.txt</c> beside this file and fails; if
/// the change is intended, copy it over <c>PublicApi.approved.txt</c>.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void PublicApi_HasNotChangedUnnoticed()
    {
        string api = typeof(SmtpFailureClassifier).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }).ReplaceLineEndings("\n");

        string directory = Directory();
        string approvedPath = Path.Combine(directory, "PublicApi.approved.txt");
        string receivedPath = Path.Combine(directory, "PublicApi.received.txt");
        string approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;

        if (api != approved)
        {
            File.WriteAllText(receivedPath, api);
            Assert.Fail($"The public API changed. Compare {receivedPath} with {approvedPath} and copy it over if the change is intended.");
        }

        File.Delete(receivedPath);
    }

    // The project folder, found from the test assembly (source paths are mapped to /_/ in CI's deterministic builds).
    private static string Directory()
    {
        for (var dir = new DirectoryInfo(System.AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmtpRelayClassifier.Tests.csproj")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("The SmtpRelayClassifier.Tests project folder was not found above " + System.AppContext.BaseDirectory);
    }
}
