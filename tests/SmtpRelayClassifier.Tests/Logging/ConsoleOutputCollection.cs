using Xunit;

namespace SmtpRelayClassifier.Tests.Logging;

/// <summary>Tests that swap the process's standard output run alone, so no other test writes into what they read.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleOutputCollection
{
    public const string Name = "Console output";
}
