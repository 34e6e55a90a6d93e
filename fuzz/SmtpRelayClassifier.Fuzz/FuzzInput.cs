using System;

namespace SmtpRelayClassifier.Fuzz;

/// <summary>Takes one input of a fuzz target.</summary>
/// <param name="input">The bytes the fuzzer made.</param>
public delegate void FuzzInput(ReadOnlySpan<byte> input);
