#if NET
using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmtpRelayClassifier;

/// <summary>
/// The <see cref="JsonSerializer"/> converter of <see cref="RelayBlockDiagnosis"/>: the shape of
/// <see cref="RelayBlockDiagnosisJson"/>, whatever the options. Thread-safe.
/// </summary>
internal sealed class RelayBlockDiagnosisJsonConverter : JsonConverter<RelayBlockDiagnosis>
{
    /// <inheritdoc />
    public override RelayBlockDiagnosis Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RelayBlockDiagnosisJsonReader.Read(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, RelayBlockDiagnosis value, JsonSerializerOptions options) =>
        RelayBlockDiagnosisJson.Write(writer, value);
}
#endif
