using System;
using System.IO;

namespace SmtpRelayClassifier.Tests.Cli;

/// <summary>A directory of its own under the temporary directory, deleted with what it holds.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("smtp-classify-scan-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
