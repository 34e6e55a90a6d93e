using System;

namespace SmtpRelayClassifier.Cli;

/// <summary>A bad command line: the tool prints the message and exits with code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
