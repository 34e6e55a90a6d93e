#if NET
using System;
using System.Collections.Generic;
using System.Text.Json;
using N = SmtpRelayClassifier.RuleFileNames;

namespace SmtpRelayClassifier;

/// <summary>
/// Reads a rule file into <see cref="SmtpFailureClassifierOptions"/>, collecting every error with its line and column:
/// unknown fields, wrong types and unknown names here, the rules' own checks (<see cref="RuleDefinitions"/>) on what was
/// read. JSON that is not well formed stops the reading at the first fault. One instance per file; not thread-safe.
/// </summary>
internal sealed partial class RuleFileReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly byte[] _json;
    private readonly string _name;
    private int _bom;
    private readonly List<(long Offset, string Text)> _errors = [];
    private readonly List<int> _lineStarts = [0];

    // The rule being read: its errors (where, field, text) until its id is known, and where each field's value starts.
    private readonly List<(long Offset, string Field, string Text)> _pending = [];
    private readonly Dictionary<string, long> _fields = new(StringComparer.Ordinal);

    private RuleFileReader(byte[] json, string name)
    {
        _json = json;
        _name = name;
        for (int i = 0; i < json.Length; i++)
        {
            if (json[i] == '\n')
                _lineStarts.Add(i + 1);
        }
    }

    /// <summary>Reads a whole file.</summary>
    /// <exception cref="SmtpRuleFileException">The file holds errors.</exception>
    public static SmtpFailureClassifierOptions Read(byte[] json, string name) => new RuleFileReader(json, name).Read();

    private SmtpFailureClassifierOptions Read()
    {
        var rules = new List<SmtpFailureRuleDefinition>();
        var ruleOffsets = new List<(int Index, long Id)>();
        var disabled = new List<string>();
        var disabledOffsets = new List<long>();
        bool includeBuiltIns = true;
        long includeOffset = 0;
        var span = _json.AsSpan();
        if (span.StartsWith("\uFEFF"u8))
            span = span[3..];
        _bom = _json.Length - span.Length;
        if (span.Trim(" \t\r\n"u8).IsEmpty)
            throw new SmtpRuleFileException(_name, [$"{_name}: the file is empty; a rule file is a JSON object with \"rules\""]);
        var reader = new Utf8JsonReader(span, Options);
        try
        {
            Next(ref reader);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Add(_bom + reader.TokenStartIndex, "a rule file is a JSON object with \"rules\"");
                reader.Skip();
            }
            else
            {
                while (Next(ref reader) == JsonTokenType.PropertyName)
                {
                    long at = _bom + reader.TokenStartIndex;
                    int field = JsonRead.PropertyIndex(ref reader, N.File);
                    string name = reader.GetString()!;
                    Next(ref reader);
                    long value = _bom + reader.TokenStartIndex;
                    switch (field)
                    {
                        case N.Schema when reader.TokenType == JsonTokenType.String:
                            break;
                        case N.IncludeBuiltInRules when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                            includeBuiltIns = reader.GetBoolean();
                            includeOffset = value;
                            break;
                        case N.Disable when reader.TokenType == JsonTokenType.StartArray:
                            while (Next(ref reader) != JsonTokenType.EndArray)
                            {
                                if (reader.TokenType == JsonTokenType.String)
                                {
                                    disabled.Add(reader.GetString()!);
                                    disabledOffsets.Add(_bom + reader.TokenStartIndex);
                                }
                                else
                                {
                                    Add(_bom + reader.TokenStartIndex, $"field 'disable' #{disabled.Count + 1}: must be a rule id in a string");
                                    reader.Skip();
                                }
                            }

                            break;
                        case N.Rules when reader.TokenType == JsonTokenType.StartArray:
                            for (int index = 0; Next(ref reader) != JsonTokenType.EndArray; index++)
                            {
                                if (ReadRule(ref reader, index) is { } rule)
                                {
                                    rules.Add(rule);
                                    ruleOffsets.Add((index, _fields.TryGetValue("id", out long id) ? id : _bom + reader.TokenStartIndex));
                                }
                            }

                            break;
                        case < 0:
                            Add(at, $"'{name}' is not a field of a rule file ({N.List(N.File)})");
                            reader.Skip();
                            break;
                        default:
                            Add(value, $"field '{name}' must be {(field == N.Schema ? "a string" : field == N.IncludeBuiltInRules ? "true or false" : "a JSON array")}");
                            reader.Skip();
                            break;
                    }
                }
            }
        }
        catch (JsonException e) when (e.LineNumber is { } line)
        {
            // Not well formed: nothing after the fault can be read.
            _errors.Add((long.MaxValue, $"{_name}({line + 1},{(e.BytePositionInLine ?? 0) + 1}): not well-formed JSON: {FirstSentence(e.Message)}"));
            throw new SmtpRuleFileException(_name, Texts());
        }

        var options = new SmtpFailureClassifierOptions { Rules = rules, DisabledRuleIds = disabled, IncludeBuiltInRules = includeBuiltIns };
        RuleDefinitions.CheckSet(options, (rule, disable, field, message) =>
        {
            long at = rule >= 0 ? ruleOffsets[rule].Id : disable >= 0 ? disabledOffsets[disable] : includeOffset;
            string what = rule >= 0 ? $"rule #{ruleOffsets[rule].Index + 1}{IdOf(rules[rule].Id)}, field '{field}'" : $"field '{field}'{(disable >= 0 ? $" #{disable + 1}" : string.Empty)}";
            Add(at, $"{what}: {message}");
        }, checkRules: false);
        if (_errors.Count > 0)
            throw new SmtpRuleFileException(_name, Texts());
        return options;
    }

    private static string IdOf(string? id) => string.IsNullOrWhiteSpace(id) ? string.Empty : $" '{id}'";

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw new JsonException("The JSON ends too early.", null, 0, 0);
        return reader.TokenType;
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).Trim();
    }

    private void Add(long offset, string text) => _errors.Add((offset, text));

    // The errors in file order, each with the file, line and column.
    private List<string> Texts()
    {
        _errors.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        var texts = new List<string>(_errors.Count);
        foreach (var (offset, text) in _errors)
            texts.Add(offset == long.MaxValue ? text : $"{_name}{Where(offset)}: {text}");
        return texts;
    }

    private string Where(long offset)
    {
        int line = _lineStarts.BinarySearch((int)offset);
        if (line < 0)
            line = ~line - 1;
        return $"({line + 1},{offset - _lineStarts[line] + 1})";
    }
}
#endif
