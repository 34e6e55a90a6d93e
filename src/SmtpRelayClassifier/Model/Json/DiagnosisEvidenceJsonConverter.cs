#if NET
using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmtpRelayClassifier;

/// <summary>
/// Writes a <see cref="DiagnosisEvidence"/> as a JSON object and reads it back: enums as their names, each range as an
/// offset and a length (<c>phraseOffset</c>/<c>phraseLength</c>, <c>replyCodeOffset</c>/<c>replyCodeLength</c>,
/// <c>enhancedCodeOffset</c>/<c>enhancedCodeLength</c>, <c>retryAfterOffset</c>/<c>retryAfterLength</c>, left out for the default range), absent values left out.
/// Unknown properties are skipped. Thread-safe.
/// </summary>
internal sealed class DiagnosisEvidenceJsonConverter : JsonConverter<DiagnosisEvidence>
{
    private const string Where = "the evidence";

    private static readonly JsonEncodedText[] Names =
    [
        JsonEncodedText.Encode("strength"),
        JsonEncodedText.Encode("phrase"),
        JsonEncodedText.Encode("phraseOffset"),
        JsonEncodedText.Encode("phraseLength"),
        JsonEncodedText.Encode("usedReplyCode"),
        JsonEncodedText.Encode("usedEnhancedCode"),
        JsonEncodedText.Encode("usedStage"),
        JsonEncodedText.Encode("support"),
        JsonEncodedText.Encode("contradictingKind"),
        JsonEncodedText.Encode("contradictingRuleId"),
        JsonEncodedText.Encode("contradictingStrength"),
        JsonEncodedText.Encode("replyCodeOffset"),
        JsonEncodedText.Encode("replyCodeLength"),
        JsonEncodedText.Encode("enhancedCodeOffset"),
        JsonEncodedText.Encode("enhancedCodeLength"),
        JsonEncodedText.Encode("retryAfterOffset"),
        JsonEncodedText.Encode("retryAfterLength"),
    ];

    /// <inheritdoc />
    public override DiagnosisEvidence Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadValue(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DiagnosisEvidence value, JsonSerializerOptions options) =>
        WriteValue(writer, value);

    /// <summary>Writes the evidence as an object value.</summary>
    internal static void WriteValue(Utf8JsonWriter writer, in DiagnosisEvidence e)
    {
        writer.WriteStartObject();
        JsonEnumNames<EvidenceStrength>.Write(writer, Names[0], e.Strength);
        if (e.Phrase is not null)
            writer.WriteString(Names[1], e.Phrase);
        WriteRange(writer, Names[2], Names[3], e.PhraseRange);
        writer.WriteBoolean(Names[4], e.UsedReplyCode);
        writer.WriteBoolean(Names[5], e.UsedEnhancedCode);
        writer.WriteBoolean(Names[6], e.UsedStage);
        writer.WriteNumber(Names[7], e.Support);
        if (e.ContradictingKind is { } kind)
            JsonEnumNames<SmtpFailureKind>.Write(writer, Names[8], kind);
        if (e.ContradictingRuleId is not null)
            writer.WriteString(Names[9], e.ContradictingRuleId);
        if (e.ContradictingStrength != EvidenceStrength.None)
            JsonEnumNames<EvidenceStrength>.Write(writer, Names[10], e.ContradictingStrength);
        WriteRange(writer, Names[11], Names[12], e.ReplyCodeRange);
        WriteRange(writer, Names[13], Names[14], e.EnhancedCodeRange);
        WriteRange(writer, Names[15], Names[16], e.RetryAfterRange);
        writer.WriteEndObject();
    }

    /// <summary>Reads the evidence object the reader stands on.</summary>
    /// <exception cref="JsonException">The JSON is not such an object.</exception>
    internal static DiagnosisEvidence ReadValue(ref Utf8JsonReader reader)
    {
        JsonRead.StartObject(ref reader, "The property 'evidence'");
        var e = default(DiagnosisEvidence);
        int phraseOffset = 0, phraseLength = 0, replyOffset = 0, replyLength = 0, enhancedOffset = 0, enhancedLength = 0, retryOffset = 0, retryLength = 0;
        while (true)
        {
            JsonRead.Next(ref reader, "evidence");
            if (reader.TokenType == JsonTokenType.EndObject)
                break;
            int index = JsonRead.PropertyIndex(ref reader, Names);
            if (index < 0)
            {
                JsonRead.SkipValue(ref reader, Where);
                continue;
            }

            string name = Names[index].Value;
            JsonRead.Next(ref reader, name);
            switch (index)
            {
                case 0: e = e with { Strength = JsonEnumNames<EvidenceStrength>.Read(ref reader, name) }; break;
                case 1: e = e with { Phrase = JsonRead.StringOrNull(ref reader, name) }; break;
                case 2: phraseOffset = JsonRead.Offset(ref reader, name); break;
                case 3: phraseLength = JsonRead.Offset(ref reader, name); break;
                case 4: e = e with { UsedReplyCode = JsonRead.Boolean(ref reader, name) }; break;
                case 5: e = e with { UsedEnhancedCode = JsonRead.Boolean(ref reader, name) }; break;
                case 6: e = e with { UsedStage = JsonRead.Boolean(ref reader, name) }; break;
                case 7: e = e with { Support = JsonRead.Int32(ref reader, name) }; break;
                case 8:
                    e = e with
                    {
                        ContradictingKind = reader.TokenType == JsonTokenType.Null ? null : JsonEnumNames<SmtpFailureKind>.Read(ref reader, name),
                    };
                    break;
                case 9: e = e with { ContradictingRuleId = JsonRead.StringOrNull(ref reader, name) }; break;
                case 10: e = e with { ContradictingStrength = JsonEnumNames<EvidenceStrength>.Read(ref reader, name) }; break;
                case 11: replyOffset = JsonRead.Offset(ref reader, name); break;
                case 12: replyLength = JsonRead.Offset(ref reader, name); break;
                case 13: enhancedOffset = JsonRead.Offset(ref reader, name); break;
                case 14: enhancedLength = JsonRead.Offset(ref reader, name); break;
                case 15: retryOffset = JsonRead.Offset(ref reader, name); break;
                default: retryLength = JsonRead.Offset(ref reader, name); break;
            }
        }

        return e with
        {
            PhraseRange = ToRange(phraseOffset, phraseLength, "phraseLength"),
            ReplyCodeRange = ToRange(replyOffset, replyLength, "replyCodeLength"),
            EnhancedCodeRange = ToRange(enhancedOffset, enhancedLength, "enhancedCodeLength"),
            RetryAfterRange = ToRange(retryOffset, retryLength, "retryAfterLength"),
        };
    }

    private static void WriteRange(Utf8JsonWriter writer, JsonEncodedText offset, JsonEncodedText length, Range range)
    {
        if (range.Equals(default))
            return;
        writer.WriteNumber(offset, range.Start.Value);
        writer.WriteNumber(length, range.End.Value - range.Start.Value);
    }

    private static Range ToRange(int offset, int length, string property) =>
        (long)offset + length <= int.MaxValue
            ? new Range(offset, offset + length)
            : throw new JsonException($"The property '{property}' reaches past the largest offset.");
}
#endif
