#if NET
using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using N = SmtpRelayClassifier.RuleFileNames;

namespace SmtpRelayClassifier;

/// <summary>
/// Writes options as a rule file: indented, the file's fields then each rule's in <see cref="RuleFileNames.Rule"/> order,
/// a field left out when it holds its default (a null list of causes or remedies is left out; an empty one is written,
/// as it means "none"). Thread-safe.
/// </summary>
internal static class RuleFileWriter
{
    /// <summary>The address of the rule file's schema, written as <c>$schema</c>.</summary>
    public const string SchemaUrl = "https://github.com/smtp-relay-classifier/SmtpRelayClassifier/blob/main/schemas/smtp-rules.schema.json";

    // Phrases and summaries are written as they read ("can't", "<"): the file is for people to edit, not for a web page.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream destination, SmtpFailureClassifierOptions options)
    {
        using var writer = new Utf8JsonWriter(destination, Options);
        writer.WriteStartObject();
        writer.WriteString(N.File[N.Schema], SchemaUrl);
        writer.WriteBoolean(N.File[N.IncludeBuiltInRules], options.IncludeBuiltInRules);
        if (options.DisabledRuleIds.Count > 0)
            Strings(writer, N.File[N.Disable], options.DisabledRuleIds);
        writer.WriteStartArray(N.File[N.Rules]);
        foreach (var rule in options.Rules)
            Write(writer, rule);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        destination.Write("\n"u8);
    }

    private static void Write(Utf8JsonWriter writer, SmtpFailureRuleDefinition rule)
    {
        var f = N.Rule;
        writer.WriteStartObject();
        writer.WriteString(f[N.Id], rule.Id);
        JsonEnumNames<SmtpFailureKind>.Write(writer, f[N.Kind], rule.Kind);
        JsonEnumNames<EvidenceStrength>.Write(writer, f[N.Strength], rule.Strength);
        if (rule.Vendor is { } vendor)
            writer.WriteString(f[N.Vendor], vendor);
        Strings(writer, f[N.Phrases], rule.Phrases);
        Strings(writer, f[N.AllPhrases], rule.AllPhrases);
        Strings(writer, f[N.NotPhrases], rule.NotPhrases);
        Names(writer, f[N.Stages], rule.Stages, omitEmpty: true);
        if (rule.StageRequired)
            writer.WriteBoolean(f[N.StageRequired], true);
        if (rule.Codes.Count > 0)
        {
            writer.WriteStartArray(f[N.Codes]);
            foreach (int code in rule.Codes)
                writer.WriteNumberValue(code);
            writer.WriteEndArray();
        }

        if (rule.CodeClass != 0)
            writer.WriteNumber(f[N.CodeClass], rule.CodeClass);
        Strings(writer, f[N.EnhancedCodes], rule.EnhancedCodes);
        if (rule.Causes is { } causes)
            Names(writer, f[N.Causes], causes, omitEmpty: false);
        if (rule.Remedies is { } remedies)
            Names(writer, f[N.Remedies], remedies, omitEmpty: false);
        if (rule.Responsible is { } responsible)
            JsonEnumNames<ResponsibleParty>.Write(writer, f[N.Responsible], responsible);
        if (rule.Confidence is { } confidence)
            JsonEnumNames<DiagnosisConfidence>.Write(writer, f[N.Confidence], confidence);
        if (rule.Transience != SmtpFailureRuleTransience.KindDefault)
            JsonEnumNames<SmtpFailureRuleTransience>.Write(writer, f[N.Transience], rule.Transience);
        if (rule.Action is { } action)
            JsonEnumNames<RecipientAction>.Write(writer, f[N.Action], action);
        if (rule.HelpLink is { } link)
            writer.WriteString(f[N.HelpLink], link.OriginalString);
        if (rule.Summary is { } summary)
            writer.WriteString(f[N.Summary], summary);
        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
            return;
        writer.WriteStartArray(name);
        foreach (string value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private static void Names<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T> values, bool omitEmpty)
        where T : struct, Enum
    {
        if (omitEmpty && values.Count == 0)
            return;
        writer.WriteStartArray(name);
        foreach (var value in values)
            JsonEnumNames<T>.WriteValue(writer, value);
        writer.WriteEndArray();
    }
}
#endif
