#if NET
using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmtpRelayClassifier;

/// <summary>
/// Writes an <see cref="EnhancedStatusCode"/> as the string <c>"5.7.1"</c> (the empty code as <c>""</c>) and reads it
/// back. Thread-safe.
/// </summary>
internal sealed class EnhancedStatusCodeJsonConverter : JsonConverter<EnhancedStatusCode>
{
    /// <summary>The longest code, <c>5.999.999</c>, in UTF-8 bytes.</summary>
    internal const int MaxLength = 9;

    /// <inheritdoc />
    public override EnhancedStatusCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadValue(ref reader, "enhancedStatusCode");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, EnhancedStatusCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value, stackalloc byte[MaxLength]));

    /// <summary>The code as UTF-8 text in <paramref name="buffer"/> (at least <see cref="MaxLength"/> bytes); empty for the empty code.</summary>
    internal static ReadOnlySpan<byte> Format(EnhancedStatusCode code, Span<byte> buffer)
    {
        if (code.IsEmpty)
            return [];
        int at = 0;
        buffer[at++] = (byte)('0' + code.Class);
        buffer[at++] = (byte)'.';
        code.Subject.TryFormat(buffer[at..], out int written, default, System.Globalization.CultureInfo.InvariantCulture);
        at += written;
        buffer[at++] = (byte)'.';
        code.Detail.TryFormat(buffer[at..], out written, default, System.Globalization.CultureInfo.InvariantCulture);
        return buffer[..(at + written)];
    }

    /// <summary>Reads a code written as a string; <c>""</c> is the empty code.</summary>
    /// <exception cref="JsonException">The token is not a string holding a code.</exception>
    internal static EnhancedStatusCode ReadValue(ref Utf8JsonReader reader, string property)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw JsonRead.Invalid(property, "an enhanced status code in a string, such as \"5.7.1\"", reader.TokenType);
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var utf8 = reader.ValueSpan;
            if (utf8.IsEmpty)
                return default;
            if (EnhancedStatusCode.TryRead(utf8, 0, out var code, out int length) && length == utf8.Length)
                return code;
        }
        else
        {
            string text = reader.GetString()!;
            if (text.Length == 0)
                return default;
            if (EnhancedStatusCode.TryParse(text, out var code))
                return code;
        }

        throw new JsonException($"The property '{property}' holds '{reader.GetString()}', which is not an enhanced status code such as \"5.7.1\".");
    }
}
#endif
