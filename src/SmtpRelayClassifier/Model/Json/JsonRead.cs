#if NET
using System;
using System.Text.Json;

namespace SmtpRelayClassifier;

/// <summary>Reads the scalar values of the diagnosis JSON; every failure is a <see cref="JsonException"/> that names the property. Thread-safe.</summary>
internal static class JsonRead
{
    /// <summary>The exception for a token of the wrong type.</summary>
    public static JsonException Invalid(string property, string expected, JsonTokenType found) =>
        new($"The property '{property}' must be {expected}; it is a JSON {Describe(found)}.");

    /// <summary>Moves to the next token; a JSON text that ends there is an error.</summary>
    public static void Next(ref Utf8JsonReader reader, string property)
    {
        if (!reader.Read())
            throw new JsonException($"The JSON ends inside the property '{property}'.");
    }

    /// <summary>A string, or null for a JSON null.</summary>
    public static string? StringOrNull(ref Utf8JsonReader reader, string property) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Invalid(property, "a string or null", reader.TokenType),
    };

    /// <summary>A string that may not be null.</summary>
    public static string String(ref Utf8JsonReader reader, string property) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Invalid(property, "a string", reader.TokenType);

    /// <summary>true or false.</summary>
    public static bool Boolean(ref Utf8JsonReader reader, string property) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Invalid(property, "true or false", reader.TokenType),
    };

    /// <summary>A whole number that fits an <see cref="int"/>.</summary>
    public static int Int32(ref Utf8JsonReader reader, string property)
    {
        if (reader.TokenType != JsonTokenType.Number)
            throw Invalid(property, "a whole number", reader.TokenType);
        if (!reader.TryGetInt32(out int value))
            throw new JsonException($"The property '{property}' must be a whole number of 32 bits.");
        return value;
    }

    /// <summary>A whole number of 0 or more.</summary>
    public static int Offset(ref Utf8JsonReader reader, string property)
    {
        int value = Int32(ref reader, property);
        return value >= 0 ? value : throw new JsonException($"The property '{property}' must be 0 or more; it is {value}.");
    }

    /// <summary>A whole number, or null for a JSON null.</summary>
    public static int? Int32OrNull(ref Utf8JsonReader reader, string property) =>
        reader.TokenType == JsonTokenType.Null ? null : Int32(ref reader, property);

    /// <summary>Checks that the reader stands on the start of an object.</summary>
    public static void StartObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"{what} must be a JSON object; it is a JSON {Describe(reader.TokenType)}.");
    }

    /// <summary>The index of the property name the reader stands on in <paramref name="names"/>, or -1 for a name not there.</summary>
    public static int PropertyIndex(ref Utf8JsonReader reader, ReadOnlySpan<JsonEncodedText> names)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i].EncodedUtf8Bytes))
                return i;
        }

        return -1;
    }

    /// <summary>Skips the value of a property this reader does not know, with everything nested in it.</summary>
    public static void SkipValue(ref Utf8JsonReader reader, string where)
    {
        if (!reader.TrySkip())
            throw new JsonException($"The JSON ends inside {where}.");
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
#endif
