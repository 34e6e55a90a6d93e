using System;

namespace SmtpRelayClassifier.Parsing;

/// <summary>
/// Finds the first <c>http://</c> or <c>https://</c> link in reply text: from the scheme up to a blank, a closing
/// bracket or a quote, with the sentence's trailing punctuation trimmed. Allocation-free.
/// </summary>
internal static class UrlScanner
{
    /// <summary>Finds the first link; returns false when the text has none.</summary>
    public static bool TryFind(ReadOnlySpan<char> text, out Range range)
    {
        for (int from = 0; from < text.Length;)
        {
            int at = text[from..].IndexOf("http", StringComparison.OrdinalIgnoreCase);
            if (at < 0)
                break;
            at += from;
            from = at + 4;
            int afterScheme = SchemeEnd(text, at);
            if (afterScheme < 0 || (at > 0 && char.IsAsciiLetterOrDigit(text[at - 1])))
                continue;
            int end = afterScheme;
            while (end < text.Length && !EndsUrl(text[end]))
                end++;
            while (end > afterScheme && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?')
                end--;
            if (end > afterScheme && char.IsAsciiLetterOrDigit(text[afterScheme]))
            {
                range = new Range(at, end);
                return true;
            }
        }

        range = default;
        return false;
    }

    // Where the host starts after "http://" or "https://" at this offset, or -1.
    private static int SchemeEnd(ReadOnlySpan<char> text, int at)
    {
        var rest = text[(at + 4)..];
        if (rest.StartsWith("://", StringComparison.Ordinal))
            return at + 7;
        if (rest.StartsWith("s://", StringComparison.OrdinalIgnoreCase))
            return at + 8;
        return -1;
    }

    private static bool EndsUrl(char c) =>
        c <= ' ' || c is '<' or '>' or '"' or '\'' or ')' or ']' or '}' or '`' or '\u201D' or '\u2019' or '\u00BB';
}
