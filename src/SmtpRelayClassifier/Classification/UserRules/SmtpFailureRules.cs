using System;
using System.Collections.Generic;
#if NET
using System.IO;
using System.Text;
#endif

namespace SmtpRelayClassifier;

/// <summary>
/// The built-in rules in the public form, and rule files: JSON that holds one's own rules, the built-in ones to turn off,
/// and whether the built-in ones are used at all (<c>schemas/smtp-rules.schema.json</c>). Loading and exporting are on
/// the .NET builds only (the netstandard2.0 build has no System.Text.Json); rules built in code work on every build.
/// Thread-safe.
/// </summary>
public static class SmtpFailureRules
{
    /// <summary>Every built-in rule, in the order it is declared (tried by strength, then in this order). Immutable.</summary>
    public static IReadOnlyList<SmtpFailureRuleDefinition> BuiltIn => RuleDefinitions.BuiltIn;

#if NET
    /// <summary>Reads a rule file.</summary>
    /// <param name="path">The file's path, named in every error.</param>
    /// <returns>The options the file holds, for <see cref="SmtpFailureClassifier.Create(SmtpFailureClassifierOptions)"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="SmtpRuleFileException">The file is not JSON, or holds errors: all of them are listed.</exception>
    public static SmtpFailureClassifierOptions Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return RuleFileReader.Read(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a rule file from a stream, to its end.</summary>
    /// <param name="stream">The file's UTF-8 bytes.</param>
    /// <param name="fileName">The name to give the file in errors.</param>
    /// <returns>The options the file holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="SmtpRuleFileException">The file is not JSON, or holds errors: all of them are listed.</exception>
    public static SmtpFailureClassifierOptions Load(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return RuleFileReader.Read(buffer.ToArray(), fileName);
    }

    /// <summary>Reads a rule file's text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The name to give the file in errors.</param>
    /// <returns>The options the text holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="SmtpRuleFileException">The text is not JSON, or holds errors: all of them are listed.</exception>
    public static SmtpFailureClassifierOptions Parse(string json, string fileName = "(rules)")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        return RuleFileReader.Read(Encoding.UTF8.GetBytes(json), fileName);
    }

    /// <summary>
    /// Writes options as a rule file (indented UTF-8 JSON) that <see cref="Load(Stream, string)"/> reads back to the same
    /// rules; without options, every built-in rule, in a file that replaces the built-in rules
    /// (<c>"includeBuiltInRules": false</c>): a start for one's own, which gives the built-in answers as it is.
    /// </summary>
    /// <param name="destination">Where to write; left open.</param>
    /// <param name="options">The rules to write; null: the built-in ones.</param>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException">The options hold errors (as <see cref="SmtpFailureClassifier.Create(SmtpFailureClassifierOptions)"/> finds them).</exception>
    public static void Export(Stream destination, SmtpFailureClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        options ??= new SmtpFailureClassifierOptions { Rules = BuiltIn, IncludeBuiltInRules = false };
        RuleDefinitions.ThrowIfInvalid(options);
        RuleFileWriter.Write(destination, options);
    }

    /// <summary>As <see cref="Export(Stream, SmtpFailureClassifierOptions?)"/>, into a string.</summary>
    /// <param name="options">The rules to write; null: the built-in ones.</param>
    /// <returns>The rule file's text.</returns>
    /// <exception cref="ArgumentException">The options hold errors.</exception>
    public static string Export(SmtpFailureClassifierOptions? options = null)
    {
        using var buffer = new MemoryStream();
        Export(buffer, options);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
#endif
}
