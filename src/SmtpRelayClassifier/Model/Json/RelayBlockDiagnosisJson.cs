#if NET
using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SmtpRelayClassifier;

/// <summary>
/// Writes a <see cref="RelayBlockDiagnosis"/> as JSON and reads it back, without reflection: the shape that
/// <c>JsonSerializer.Serialize(diagnosis)</c> gives with default options, for callers that hold a
/// <see cref="Utf8JsonWriter"/> or a <see cref="Utf8JsonReader"/> and write or read one diagnosis after another.
/// Property names are camelCase; enums are written as their names and read in any case; the enhanced status code is a
/// string such as <c>"5.7.1"</c> and the Outlook error number a string such as <c>"0x800CCC79"</c>. Every value is
/// written as it is (addresses are not masked), so a diagnosis read back equals the one written. Thread-safe.
/// </summary>
public static class RelayBlockDiagnosisJson
{
    /// <summary>Writes the diagnosis as a JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="diagnosis"/> is null.</exception>
    public static void Write(Utf8JsonWriter writer, RelayBlockDiagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnosis);
        writer.WriteStartObject();
        RelayBlockDiagnosisJsonWriter.WriteProperties(writer, diagnosis);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the diagnosis's properties into the object the writer is in, so that a caller can put its own properties
    /// beside them in one flat object.
    /// </summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="diagnosis"/> is null.</exception>
    public static void WriteProperties(Utf8JsonWriter writer, RelayBlockDiagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnosis);
        RelayBlockDiagnosisJsonWriter.WriteProperties(writer, diagnosis);
    }

    /// <summary>
    /// Reads a diagnosis object. The reader stands on the object's start, or before the first token of the JSON text;
    /// afterwards it stands on the object's end. Unknown properties are skipped; <c>kind</c>, <c>ruleId</c> and
    /// <c>summary</c> are required, every other property may be absent or null.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The diagnosis.</returns>
    /// <exception cref="JsonException">The JSON is not a diagnosis object; the message names the property at fault.</exception>
    public static RelayBlockDiagnosis Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.None && !reader.Read())
            throw new JsonException("The JSON text is empty: a RelayBlockDiagnosis object was expected.");
        return RelayBlockDiagnosisJsonReader.Read(ref reader);
    }
}
#endif
