using System;
using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SmtpRelayClassifier.Parsing;

/// <summary>Decodes reply bytes as MailKit does: strict UTF-8, else Latin-1 for the whole reply.</summary>
internal static class ReplyEncoding
{
    public static string Decode(ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);

    /// <summary>The number of chars <see cref="DecodeInto"/> needs at most.</summary>
    public static int MaxCharCount(int byteCount) => byteCount;

    /// <summary>Decodes into a caller's buffer of at least <see cref="MaxCharCount"/> chars; returns the count written.</summary>
    public static int DecodeInto(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        if (Utf8.ToUtf16(bytes, destination, out _, out int written, replaceInvalidSequences: false) == OperationStatus.Done)
            return written;
        return Encoding.Latin1.GetChars(bytes, destination);
    }
}
