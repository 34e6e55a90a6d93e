#if NET
using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmtpRelayClassifier;

/// <summary>
/// Writes an <see cref="OutlookHResult"/> as Outlook prints it, the string <c>"0x800CCC79"</c>, and reads it back (also
/// the other forms <see cref="OutlookHResult.TryParse"/> takes, and a JSON number); the name and the description come
/// back from the library's table. Thread-safe.
/// </summary>
internal sealed class OutlookHResultJsonConverter : JsonConverter<OutlookHResult>
{
    /// <summary>The length of <c>0x800CCC79</c> in UTF-8 bytes.</summary>
    internal const int Length = 10;

    /// <inheritdoc />
    public override OutlookHResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadValue(ref reader, "hresult");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, OutlookHResult value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value, stackalloc byte[Length]));

    /// <summary>The number as <c>0x800CCC79</c> in UTF-8 bytes, in <paramref name="buffer"/> (at least <see cref="Length"/> bytes).</summary>
    internal static ReadOnlySpan<byte> Format(OutlookHResult value, Span<byte> buffer)
    {
        buffer[0] = (byte)'0';
        buffer[1] = (byte)'x';
        value.Value.TryFormat(buffer[2..], out int written, "X8", CultureInfo.InvariantCulture);
        return buffer[..(2 + written)];
    }

    /// <summary>Reads an error number written as a string (<c>"0x800CCC79"</c>) or a number.</summary>
    /// <exception cref="JsonException">The token is neither, or the string is not an error number.</exception>
    internal static OutlookHResult ReadValue(ref Utf8JsonReader reader, string property)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetUInt32(out uint unsigned))
                return OutlookHResult.FromValue(unsigned);
            if (reader.TryGetInt32(out int signed))
                return OutlookHResult.FromValue(signed);
            throw new JsonException($"The property '{property}' must be an error number of 32 bits.");
        }

        if (reader.TokenType != JsonTokenType.String)
            throw JsonRead.Invalid(property, "an error number in a string, such as \"0x800CCC79\"", reader.TokenType);
        string text = reader.GetString()!;
        return OutlookHResult.TryParse(text, out var result)
            ? result
            : throw new JsonException($"The property '{property}' holds '{text}', which is not an error number such as \"0x800CCC79\".");
    }
}
#endif
