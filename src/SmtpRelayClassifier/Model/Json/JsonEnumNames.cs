#if NET
using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace SmtpRelayClassifier;

/// <summary>
/// The names of an enum's values for JSON, encoded once: written by a table lookup, read case-insensitively. A value
/// with no name is written as its decimal number in a string, and such a string reads back to the same value. Thread-safe.
/// </summary>
internal static class JsonEnumNames<T>
    where T : struct, Enum
{
    private static readonly string[] Names = Enum.GetNames<T>();
    private static readonly T[] Values = Enum.GetValues<T>();
    private static readonly JsonEncodedText[] ByValue = Table();

    /// <summary>Writes <paramref name="value"/> as its name under <paramref name="property"/>.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText property, T value)
    {
        int index = ToInt32(value);
        if ((uint)index < (uint)ByValue.Length && ByValue[index].EncodedUtf8Bytes.Length > 0)
            writer.WriteString(property, ByValue[index]);
        else
            writer.WriteString(property, index.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes <paramref name="value"/> as its name, as an array element.</summary>
    public static void WriteValue(Utf8JsonWriter writer, T value)
    {
        int index = ToInt32(value);
        if ((uint)index < (uint)ByValue.Length && ByValue[index].EncodedUtf8Bytes.Length > 0)
            writer.WriteStringValue(ByValue[index]);
        else
            writer.WriteStringValue(index.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Reads the string at the reader's position as a value's name, in any case.</summary>
    /// <exception cref="JsonException">The token is not a string, or not the name of a value.</exception>
    public static T Read(ref Utf8JsonReader reader, string property)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw JsonRead.Invalid(property, $"a {typeof(T).Name} name in a string", reader.TokenType);
        string text = reader.GetString()!;
        for (int i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], text, StringComparison.OrdinalIgnoreCase))
                return Values[i];
        }

        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == '-') &&
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
            return Unsafe.As<int, T>(ref number);
        throw new JsonException($"The property '{property}' holds '{text}', which is not a {typeof(T).Name} name.");
    }

    private static int ToInt32(T value) => Unsafe.As<T, int>(ref value);

    // Index = value: every enum of the model numbers its values from 0 with no gap; a gap is left as a default entry.
    private static JsonEncodedText[] Table()
    {
        if (Enum.GetUnderlyingType(typeof(T)) != typeof(int))
            throw new InvalidOperationException($"{typeof(T).Name} is not an int enum.");
        int max = -1;
        foreach (var value in Values)
            max = Math.Max(max, ToInt32(value));
        var table = new JsonEncodedText[max + 1];
        for (int i = 0; i < Values.Length; i++)
        {
            int index = ToInt32(Values[i]);
            if (index >= 0)
                table[index] = JsonEncodedText.Encode(Names[i]);
        }

        return table;
    }
}
#endif
