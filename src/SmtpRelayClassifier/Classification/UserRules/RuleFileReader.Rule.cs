#if NET
using System;
using System.Collections.Generic;
using System.Text.Json;
using N = SmtpRelayClassifier.RuleFileNames;

namespace SmtpRelayClassifier;

/// <summary>One rule of a rule file: its fields in any order, each read on its own so that one bad field does not hide the others.</summary>
internal sealed partial class RuleFileReader
{
    private SmtpFailureRuleDefinition? ReadRule(ref Utf8JsonReader reader, int index)
    {
        long start = _bom + reader.TokenStartIndex;
        _pending.Clear();
        _fields.Clear();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Add(start, $"rule #{index + 1}: must be a JSON object");
            reader.Skip();
            return null;
        }

        var rule = new SmtpFailureRuleDefinition { Id = string.Empty, Kind = SmtpFailureKind.Unknown };
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            long at = _bom + reader.TokenStartIndex;
            int field = JsonRead.PropertyIndex(ref reader, N.Rule);
            string name = reader.GetString()!;
            Next(ref reader);
            long value = _bom + reader.TokenStartIndex;
            if (field < 0)
            {
                _pending.Add((at, name, $"is not a field of a rule ({N.List(N.Rule)})"));
                reader.Skip();
                continue;
            }

            if (!_fields.TryAdd(name, value))
            {
                _pending.Add((at, name, "is given twice"));
                reader.Skip();
                continue;
            }

            try
            {
                rule = Field(ref reader, rule, field, name);
            }
            catch (JsonException e) when (e.LineNumber is null)
            {
                Recover(ref reader, value, name, e);
            }
        }

        foreach (string required in (ReadOnlySpan<string>)["id", "kind"])
        {
            if (!_fields.ContainsKey(required))
                _pending.Add((start, required, "is required"));
        }

        // The rule's own checks, on the fields that were read without error.
        RuleDefinitions.Check(rule, (field, message) =>
        {
            if (_fields.TryGetValue(field, out long offset) && !_pending.Exists(p => p.Field == field))
                _pending.Add((offset, field, message));
        });
        string what = $"rule #{index + 1}{IdOf(rule.Id)}";
        foreach (var (offset, field, text) in _pending)
            Add(offset, $"{what}, field '{field}': {text}");
        return rule;
    }

    private SmtpFailureRuleDefinition Field(ref Utf8JsonReader reader, SmtpFailureRuleDefinition rule, int field, string name) => field switch
    {
        N.Id => rule with { Id = JsonRead.String(ref reader, name) },
        N.Kind => rule with { Kind = JsonEnumNames<SmtpFailureKind>.Read(ref reader, name) },
        N.Strength => rule with { Strength = JsonEnumNames<EvidenceStrength>.Read(ref reader, name) },
        N.Vendor => rule with { Vendor = JsonRead.StringOrNull(ref reader, name) },
        N.Phrases => rule with { Phrases = Array(ref reader, name, "strings", JsonRead.String) },
        N.AllPhrases => rule with { AllPhrases = Array(ref reader, name, "strings", JsonRead.String) },
        N.NotPhrases => rule with { NotPhrases = Array(ref reader, name, "strings", JsonRead.String) },
        N.Stages => rule with { Stages = Array(ref reader, name, "SmtpStage names", JsonEnumNames<SmtpStage>.Read) },
        N.StageRequired => rule with { StageRequired = JsonRead.Boolean(ref reader, name) },
        N.Codes => rule with { Codes = Array(ref reader, name, "whole numbers", JsonRead.Int32) },
        N.CodeClass => rule with { CodeClass = JsonRead.Int32(ref reader, name) },
        N.EnhancedCodes => rule with { EnhancedCodes = Array(ref reader, name, "strings", JsonRead.String) },
        N.Causes => rule with { Causes = Array(ref reader, name, "FailureCause names", JsonEnumNames<FailureCause>.Read) },
        N.Remedies => rule with { Remedies = Array(ref reader, name, "FailureRemedy names", JsonEnumNames<FailureRemedy>.Read) },
        N.Responsible => rule with { Responsible = JsonEnumNames<ResponsibleParty>.Read(ref reader, name) },
        N.Confidence => rule with { Confidence = JsonEnumNames<DiagnosisConfidence>.Read(ref reader, name) },
        N.Transience => rule with { Transience = JsonEnumNames<SmtpFailureRuleTransience>.Read(ref reader, name) },
        N.Action => rule with { Action = JsonEnumNames<RecipientAction>.Read(ref reader, name) },
        N.HelpLink => rule with { HelpLink = Link(JsonRead.String(ref reader, name), name) },
        _ => rule with { Summary = JsonRead.String(ref reader, name) },
    };

    private static Uri Link(string text, string name) =>
        Uri.TryCreate(text, UriKind.Absolute, out var link) ? link : throw new JsonException($"'{text}' is not an absolute address (field '{name}')");

    // Each element on its own: every bad element of the list is reported.
    private T[] Array<T>(ref Utf8JsonReader reader, string name, string of, ReadValue<T> read)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw JsonRead.Invalid(name, $"an array of {of}", reader.TokenType);
        var values = new List<T>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            long at = _bom + reader.TokenStartIndex;
            try
            {
                values.Add(read(ref reader, name));
            }
            catch (JsonException e) when (e.LineNumber is null)
            {
                Recover(ref reader, at, name, e);
            }
        }

        return [.. values];
    }

    // A value that could not be read: its error is kept, and the reader moves past the value.
    private void Recover(ref Utf8JsonReader reader, long at, string name, JsonException e)
    {
        _pending.Add((at, name, e.Message));
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            reader.Skip();
    }

    private delegate T ReadValue<T>(ref Utf8JsonReader reader, string name);
}
#endif
