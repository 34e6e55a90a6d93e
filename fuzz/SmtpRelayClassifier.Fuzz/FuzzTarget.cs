namespace SmtpRelayClassifier.Fuzz;

/// <summary>One fuzz target: a name, the seed corpus folder it starts from, and the code that takes one input.</summary>
/// <param name="Name">The name given on the command line (<c>parser-chars</c>, ...).</param>
/// <param name="Corpus">The folder under <c>Corpus/</c> that holds its seeds.</param>
/// <param name="Run">Feeds one input; throws only when the library misbehaves.</param>
public sealed record FuzzTarget(string Name, string Corpus, FuzzInput Run);
