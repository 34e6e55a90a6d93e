using System;
using System.Collections.Generic;
using System.IO;

namespace SmtpRelayClassifier.Cli.Evaluation;

/// <summary>
/// Reads a corpus file: UTF-8, tab-separated, the header <c>reply stage kind alternatives relay source</c>, one labelled
/// reply a line; a multi-line reply has its lines joined by the two characters <c>\n</c>.
/// </summary>
internal static class CorpusReader
{
    public const string Header = "reply\tstage\tkind\talternatives\trelay\tsource";

    /// <summary>Reads every entry of a corpus file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The entries, in file order.</returns>
    /// <exception cref="FormatException">A line is not a valid corpus line; the message names the file and line.</exception>
    public static List<CorpusEntry> Read(string path)
    {
        string name = Path.GetFileName(path);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        string? header = reader.ReadLine();
        if (header != Header)
            throw new FormatException($"{name}:1: the header must be '{Header.Replace("\t", "<TAB>", StringComparison.Ordinal)}'");

        var entries = new List<CorpusEntry>();
        int number = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (line.Length == 0)
                continue;
            entries.Add(Parse(name, number, line));
        }

        return entries;
    }

    private static CorpusEntry Parse(string file, int number, string line)
    {
        string[] fields = line.Split('\t');
        if (fields.Length != 6)
            throw new FormatException($"{file}:{number}: {fields.Length} fields, expected 6 (reply, stage, kind, alternatives, relay, source)");
        if (fields[0].Length == 0)
            throw new FormatException($"{file}:{number}: the reply is empty");

        var alternatives = new List<SmtpFailureKind>();
        foreach (string alternative in fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            alternatives.Add(ParseKind(file, number, alternative));

        return new CorpusEntry(
            file,
            number,
            fields[0].Replace("\\n", "\r\n", StringComparison.Ordinal),
            ParseStage(file, number, fields[1]),
            ParseKind(file, number, fields[2]),
            alternatives,
            fields[4] switch
            {
                "true" => true,
                "false" => false,
                _ => throw new FormatException($"{file}:{number}: relay is '{fields[4]}', expected true or false"),
            },
            fields[5]);
    }

    private static SmtpFailureKind ParseKind(string file, int number, string text) =>
        Enum.TryParse(text, ignoreCase: false, out SmtpFailureKind kind) && Enum.IsDefined(kind) && !char.IsDigit(text[0])
            ? kind
            : throw new FormatException($"{file}:{number}: '{text}' is not a kind");

    private static SmtpStage ParseStage(string file, int number, string text) =>
        text.Length == 0 ? SmtpStage.Unknown
        : Enum.TryParse(text, ignoreCase: false, out SmtpStage stage) && Enum.IsDefined(stage) && !char.IsDigit(text[0]) ? stage
        : throw new FormatException($"{file}:{number}: '{text}' is not a stage");
}
