using System;
using System.Collections.Generic;

namespace SmtpRelayClassifier;

/// <summary>
/// A rule file that cannot be used: not JSON, or JSON with errors in its rules. <see cref="Errors"/> lists every error,
/// not only the first, each as <c>file(line,column): rule #n 'id', field 'name': what is wrong</c>; the message holds
/// them all. Immutable; thread-safe.
/// </summary>
public sealed class SmtpRuleFileException : FormatException
{
    internal SmtpRuleFileException(string fileName, IReadOnlyList<string> errors)
        : base($"The rule file '{fileName}' has {RuleDefinitions.Count(errors.Count)}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
    {
        FileName = fileName;
        Errors = errors;
    }

    /// <summary>The file's name as it was given (a path, or the name given with a stream or a string).</summary>
    public string FileName { get; }

    /// <summary>Every error found, in file order, each with the file, line and column, the rule and the field.</summary>
    public IReadOnlyList<string> Errors { get; }
}
