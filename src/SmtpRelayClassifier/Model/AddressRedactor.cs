using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace SmtpRelayClassifier;

/// <summary>
/// Masks e-mail addresses, which are personal data: <c>bob@example.org</c> becomes <c>b***@example.org</c> and
/// <c>"erin x"@example.org</c> becomes <c>"e***"@example.org</c>. The domain stays, because it tells which side of the
/// mail flow an address belongs to. Every form of RFC 5321 §4.1.2 is found: dot-string local parts with any atext
/// character, quoted-string local parts (with quoted pairs), domain names, IPv4, IPv6 and general address literals,
/// and UTF-8 local parts and domains (RFC 6531). One pass over the text: each character is looked at a bounded number
/// of times, so the cost is linear in the length of the text.
/// </summary>
internal static class AddressRedactor
{
    /// <summary>RFC 5321 §4.5.3.1.1: 64 octets; a UTF-16 length is never longer than the UTF-8 one.</summary>
    private const int MaxLocalPart = 64;

    /// <summary>RFC 5321 §4.5.3.1.2: 255 octets.</summary>
    private const int MaxDomain = 255;

    private const string Stars = "***";

    /// <summary>Masks one address; a text that is not an address is masked whole, apart from what follows its last '@'.</summary>
    public static string Mask(string address)
    {
        if (Find(address, 0, out var match) && match.Start == 0 && match.End == address.Length)
            return Masked(address, match);

        int at = address.LastIndexOf('@');
        if (at <= 0)
            return at == 0 ? address : Stars;
        return string.Concat(FirstCharacter(address.AsSpan(0, at)), Stars, address.AsSpan(at));
    }

    /// <summary>Masks an address that may be absent.</summary>
    [return: NotNullIfNotNull(nameof(address))]
    public static string? MaskOrNull(string? address) => address is null ? null : Mask(address);

    /// <summary>The diagnosis with its mailbox and the addresses in its reply text masked.</summary>
    public static RelayBlockDiagnosis Redact(RelayBlockDiagnosis diagnosis) => diagnosis with
    {
        Mailbox = MaskOrNull(diagnosis.Mailbox),
        ReplyText = diagnosis.ReplyText is null ? null : MaskAll(diagnosis.ReplyText),
    };

    /// <summary>Masks the local part of every address in a text; a text without an address is returned as is.</summary>
    public static string MaskAll(string text)
    {
        if (!Find(text, 0, out var match))
            return text;

        var builder = new StringBuilder(text.Length);
        int copied = 0;
        do
        {
            builder.Append(text, copied, match.Start - copied).Append(Masked(text, match));
            copied = match.End;
        }
        while (Find(text, copied, out match));

        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// Finds the first address that starts at or after <paramref name="from"/>. A '"' may open a quoted local part;
    /// an '@' may close a dot-string one. A quoted local part is read forward at most <see cref="MaxLocalPart"/>
    /// characters, and no '"' it read past is tried again as an opening; each '@' is read backward over its dot-string
    /// (which stops at the previous '@') and forward over its domain (which stops before the next '@', or after
    /// <see cref="MaxDomain"/> characters of a literal).
    /// </summary>
    private static bool Find(string text, int from, out Match match)
    {
        int i = from;
        int quotedFrom = from;
        while (i < text.Length)
        {
            int next = text.AsSpan(i).IndexOfAny('"', '@');
            if (next < 0)
                break;
            next += i;
            if (text[next] == '"')
            {
                if (next >= quotedFrom)
                {
                    int? close = QuotedLocalPart(text, next, out quotedFrom);
                    if (close is int c && Domain(text, c + 2) is int quotedEnd)
                    {
                        match = new Match(next, c + 1, quotedEnd, Quoted: true);
                        return true;
                    }
                }
            }
            else
            {
                int start = DotStringStart(text, from, next);
                if (start < next && Domain(text, next + 1) is int end)
                {
                    match = new Match(start, next, end, Quoted: false);
                    return true;
                }
            }

            i = next + 1;
        }

        match = default;
        return false;
    }

    /// <summary>
    /// The index of the closing quote of a quoted-string opened at <paramref name="open"/> and followed by '@'; or null.
    /// <paramref name="stopped"/> is where the reading stopped: the closing quote, or the first character that cannot be in one.
    /// </summary>
    private static int? QuotedLocalPart(string text, int open, out int stopped)
    {
        int limit = Math.Min(text.Length - 1, open + MaxLocalPart);
        int i = open + 1;
        for (; i < limit; i++)
        {
            char c = text[i];
            if (c == '"')
            {
                stopped = i;
                return text[i + 1] == '@' ? i : null;
            }

            if (c == '\\')
            {
                // quoted-pairSMTP: a backslash then any printable ASCII character.
                if (i + 1 >= limit || text[i + 1] is < ' ' or > '~')
                    break;
                i++;
            }
            else if (c < ' ' || c == '\u007F')
            {
                break;
            }
        }

        stopped = Math.Min(i, limit);
        return null;
    }

    /// <summary>Where the dot-string that ends before <paramref name="at"/> starts; <paramref name="at"/> when there is none.</summary>
    private static int DotStringStart(string text, int floor, int at)
    {
        int start = at;
        while (start > floor && IsAtext(text, start - 1))
            start--;
        while (start < at && text[start] == '.')
            start++;
        return start;
    }

    /// <summary>The end of the domain or address literal that starts at <paramref name="start"/>; or null.</summary>
    private static int? Domain(string text, int start)
    {
        if (start >= text.Length)
            return null;
        if (text[start] == '[')
        {
            // address-literal: IPv4, "IPv6:..." or a general "tag:content"; dcontent is printable ASCII but [ \ ].
            int limit = Math.Min(text.Length, start + MaxDomain);
            for (int i = start + 1; i < limit; i++)
            {
                char c = text[i];
                if (c == ']')
                    return i > start + 1 ? i + 1 : null;
                if (c is < '!' or > '~' or '[' or '\\')
                    return null;
            }

            return null;
        }

        if (!IsLetterOrDigit(text, start))
            return null;
        int end = start + 1;
        while (end < text.Length && (IsLetterOrDigit(text, end) || text[end] is '-' or '.' or '_'))
            end++;
        while (text[end - 1] is '.' or '-')
            end--;
        return end;
    }

    private static string Masked(string text, Match match)
    {
        var local = text.AsSpan(match.Start, match.At - match.Start);
        var domain = text.AsSpan(match.At, match.End - match.At);
        if (!match.Quoted)
            return string.Concat(FirstCharacter(local), Stars, domain);

        var content = local[1..^1];
        if (content.Length > 1 && content[0] == '\\')
            content = content[1..];
        return string.Concat("\"", FirstCharacter(content), Stars + "\"", domain);
    }

    /// <summary>The first character of a text, both halves of a surrogate pair; empty for an empty text.</summary>
    private static ReadOnlySpan<char> FirstCharacter(ReadOnlySpan<char> text) =>
        text.Length == 0 ? default : text[..(text.Length > 1 && char.IsSurrogatePair(text[0], text[1]) ? 2 : 1)];

    /// <summary>atext (RFC 5322 §3.2.3) or the dot of a dot-string, or a UTF-8 letter, digit or mark (RFC 6531 §3.3).</summary>
    private static bool IsAtext(string text, int i)
    {
        char c = text[i];
        if (char.IsAsciiLetterOrDigit(c))
            return true;
        if (c < 0x80)
            return c is '.' or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '/' or '=' or '?' or '^' or '_' or '`' or '{' or '|' or '}' or '~';
        return IsNonAsciiWordCharacter(text, i);
    }

    private static bool IsLetterOrDigit(string text, int i)
    {
        char c = text[i];
        return c < 0x80 ? char.IsAsciiLetterOrDigit(c) : IsNonAsciiWordCharacter(text, i);
    }

    private static bool IsNonAsciiWordCharacter(string text, int i) =>
        char.IsSurrogate(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) is
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
            UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>An address in a text: its local part from <c>Start</c>, its '@' at <c>At</c>, its end.</summary>
    private readonly record struct Match(int Start, int At, int End, bool Quoted);
}
