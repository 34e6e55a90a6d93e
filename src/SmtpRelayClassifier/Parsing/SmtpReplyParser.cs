using System;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Parsing;

/// <summary>
/// Parses SMTP server replies as they reach an application: raw replies (single or multi-line, with CRLF, bare LF or
/// the two characters <c>\n</c> between lines), MailKit's exception text, and replies quoted inside DSN, Postfix,
/// Exim, Exchange, System.Net.Mail and Outlook wrappers. Stateless and thread-safe; never throws, never allocates.
/// </summary>
public static class SmtpReplyParser
{
    /// <summary>Parses a reply from text.</summary>
    /// <param name="input">The text; may be empty or hold anything.</param>
    /// <param name="reply">What was found. When the method returns false, its <see cref="SmtpReply.Text"/> covers the trimmed input.</param>
    /// <returns>True when the input held a reply code or an enhanced status code; false for "not a reply".</returns>
    public static bool TryParse(ReadOnlySpan<char> input, out SmtpReply reply)
    {
        reply = ReplyScanner.Scan(input);
        return reply.IsReply;
    }

    /// <summary>
    /// Parses a reply from the bytes a server sent. The structure is ASCII in every case; the ranges of the result are
    /// byte offsets. To read the text, decode as MailKit does: UTF-8, or Latin-1 when the bytes are not valid UTF-8
    /// (see <see cref="DecodeText(ReadOnlySpan{byte})"/>).
    /// </summary>
    /// <param name="input">The bytes; may be empty or hold anything.</param>
    /// <param name="reply">What was found; ranges are byte offsets into <paramref name="input"/>.</param>
    /// <returns>True when the input held a reply code or an enhanced status code; false for "not a reply".</returns>
    public static bool TryParse(ReadOnlySpan<byte> input, out SmtpReply reply)
    {
        reply = ReplyScanner.Scan(input);
        return reply.IsReply;
    }

    /// <summary>Decodes reply bytes the way MailKit does: strict UTF-8, falling back to Latin-1 (ISO-8859-1) for the whole reply.</summary>
    /// <param name="input">The bytes.</param>
    /// <returns>The decoded text.</returns>
    public static string DecodeText(ReadOnlySpan<byte> input) => ReplyEncoding.Decode(input);
}
