using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// Writes the <c>why</c> array of <c>classify --why --json</c>: one object per rule weighed, strongest first, in the
/// shape of <c>$defs/RuleCandidate</c> of <c>schemas/relay-block-diagnosis.schema.json</c>. Offsets count characters
/// of the input, as the diagnosis's evidence does.
/// </summary>
internal static class WhyJsonWriter
{
    private static readonly JsonEncodedText Why = JsonEncodedText.Encode("why");
    private static readonly JsonEncodedText RuleId = JsonEncodedText.Encode("ruleId");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Strength = JsonEncodedText.Encode("strength");
    private static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText Phrases = JsonEncodedText.Encode("phrases");
    private static readonly JsonEncodedText Phrase = JsonEncodedText.Encode("phrase");
    private static readonly JsonEncodedText Offset = JsonEncodedText.Encode("offset");
    private static readonly JsonEncodedText Length = JsonEncodedText.Encode("length");
    private static readonly JsonEncodedText UsedReplyCode = JsonEncodedText.Encode("usedReplyCode");
    private static readonly JsonEncodedText UsedEnhancedCode = JsonEncodedText.Encode("usedEnhancedCode");
    private static readonly JsonEncodedText UsedStage = JsonEncodedText.Encode("usedStage");

    public static void Write(Utf8JsonWriter writer, IReadOnlyList<RuleCandidate> candidates)
    {
        writer.WriteStartArray(Why);
        foreach (var c in candidates)
        {
            writer.WriteStartObject();
            writer.WriteString(RuleId, c.RuleId);
            writer.WriteString(Kind, c.Kind.ToString());
            writer.WriteString(Strength, c.Strength.ToString());
            writer.WriteString(Outcome, c.Outcome.ToString());
            writer.WriteStartArray(Phrases);
            foreach (var p in c.Phrases)
            {
                writer.WriteStartObject();
                writer.WriteString(Phrase, p.Phrase);
                var (start, end) = (p.Range.Start.Value, p.Range.End.Value);
                if (end > start)
                {
                    writer.WriteNumber(Offset, start);
                    writer.WriteNumber(Length, end - start);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteBoolean(UsedReplyCode, c.UsedReplyCode);
            writer.WriteBoolean(UsedEnhancedCode, c.UsedEnhancedCode);
            writer.WriteBoolean(UsedStage, c.UsedStage);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
