using Xunit;

namespace SmtpRelayClassifier.Tests.Logging;

/// <summary>Tests that listen to the package's meter run alone, so they count only what they log themselves.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeterListenerCollection
{
    public const string Name = "Meter listeners";
}
