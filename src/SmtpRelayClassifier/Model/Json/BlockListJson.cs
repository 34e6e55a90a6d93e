#if NET
using System;
using System.Text.Json;

namespace SmtpRelayClassifier;

/// <summary>
/// A block list in the diagnosis JSON: <c>{"name", "lists", "zone", "delistingPage"}</c>, <c>zone</c> left out when
/// null. Every error is a <see cref="JsonException"/> that names the property. Thread-safe.
/// </summary>
internal static class BlockListJson
{
    private const string Where = "a blockList object";

    private static readonly JsonEncodedText[] Names =
        [JsonEncodedText.Encode("name"), JsonEncodedText.Encode("lists"), JsonEncodedText.Encode("zone"), JsonEncodedText.Encode("delistingPage")];

    public static void Write(Utf8JsonWriter writer, JsonEncodedText property, BlockList list)
    {
        writer.WriteStartObject(property);
        writer.WriteString(Names[0], list.Name);
        JsonEnumNames<BlockListKind>.Write(writer, Names[1], list.Lists);
        if (list.Zone is not null)
            writer.WriteString(Names[2], list.Zone);
        writer.WriteString(Names[3], list.DelistingPage.OriginalString);
        writer.WriteEndObject();
    }

    public static BlockList Read(ref Utf8JsonReader reader)
    {
        JsonRead.StartObject(ref reader, "A blockList");
        string? name = null, zone = null;
        Uri? page = null;
        var lists = BlockListKind.Ip;
        while (true)
        {
            JsonRead.Next(ref reader, Where);
            if (reader.TokenType == JsonTokenType.EndObject)
                break;
            int index = JsonRead.PropertyIndex(ref reader, Names);
            if (index < 0)
            {
                JsonRead.SkipValue(ref reader, Where);
                continue;
            }

            string property = "blockList." + Names[index].Value;
            JsonRead.Next(ref reader, property);
            switch (index)
            {
                case 0: name = JsonRead.String(ref reader, property); break;
                case 1: lists = JsonEnumNames<BlockListKind>.Read(ref reader, property); break;
                case 2: zone = JsonRead.StringOrNull(ref reader, property); break;
                default: page = Link(ref reader, property); break;
            }
        }

        return new BlockList(
            name ?? throw new JsonException("The required property 'blockList.name' is missing."),
            lists,
            zone,
            page ?? throw new JsonException("The required property 'blockList.delistingPage' is missing."));
    }

    /// <summary>An absolute http or https address.</summary>
    public static Uri Link(ref Utf8JsonReader reader, string property) =>
        reader.TokenType == JsonTokenType.String && Uri.TryCreate(reader.GetString(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw JsonRead.Invalid(property, "an absolute http or https address", reader.TokenType);
}
#endif
