using System;
using System.Net;
using System.Net.Sockets;

namespace SmtpRelayClassifier.Parsing;

/// <summary>
/// Finds what a block-list reply says is listed: the IPv4 or IPv6 literal, or the domain, that stands nearest to the
/// list's name (<c>[203.0.113.7]</c>, <c>IP 203.0.113.7 listed</c>, <c>https://www.spamhaus.org/query/ip/203.0.113.7</c>,
/// <c>user@example.com</c>). Loopback addresses (127.0.0.0/8, a DNS list's answer codes) are never the listed item.
/// Reads the text once and allocates nothing but the IPv6 check.
/// </summary>
internal static class ListedItemScanner
{
    /// <summary>The IP literal nearest to <paramref name="near"/>; false when the text has none.</summary>
    public static bool TryFindIp(ReadOnlySpan<char> text, Range near, out Range found)
    {
        found = default;
        int best = int.MaxValue;
        for (int i = 0; i < text.Length; i++)
        {
            if (!IsHexOrColon(text[i]) || !StartsToken(text, i))
                continue;
            int end = i;
            while (end < text.Length && (IsHexOrColon(text[end]) || text[end] == '.'))
                end++;
            // "[203.0.113.7]:24706": the dotted run alone is the IPv4 literal; the whole run may be an IPv6 one.
            int dotted = i;
            while (dotted < end && (char.IsAsciiDigit(text[dotted]) || text[dotted] == '.'))
                dotted++;
            var v4 = text[i..dotted].TrimEnd('.');
            var v6 = text[i..end].TrimEnd('.');
            if (IsIPv4(v4))
                Keep(i, i + v4.Length, near, ref best, ref found);
            else if (IsIPv6(v6))
                Keep(i, i + v6.Length, near, ref best, ref found);
            i = end;
        }

        return best != int.MaxValue;
    }

    /// <summary>
    /// The domain nearest to <paramref name="near"/> that is not the list's own (<paramref name="owner"/>, such as
    /// <c>spamhaus</c>) and not a link's host; false when the text has none.
    /// </summary>
    public static bool TryFindDomain(ReadOnlySpan<char> text, Range near, string owner, out Range found)
    {
        found = default;
        int best = int.MaxValue;
        for (int i = 0; i < text.Length; i++)
        {
            if (!IsDomainChar(text[i]) || (i > 0 && IsDomainChar(text[i - 1])))
                continue;
            int end = i;
            while (end < text.Length && IsDomainChar(text[end]))
                end++;
            var token = text[i..end].TrimEnd('.');
            bool isLocalPart = end < text.Length && text[end] == '@';
            bool isLinkHost = i >= 2 && text[i - 1] == '/' && text[i - 2] == '/';
            if (!isLocalPart && !isLinkHost && IsDomain(token) && token.IndexOf(owner, StringComparison.OrdinalIgnoreCase) < 0)
                Keep(i, i + token.Length, near, ref best, ref found);
            i = end;
        }

        return best != int.MaxValue;
    }

    private static void Keep(int start, int end, Range near, ref int best, ref Range found)
    {
        int distance = end <= near.Start.Value ? near.Start.Value - end : start >= near.End.Value ? start - near.End.Value : 0;
        if (distance < best)
        {
            best = distance;
            found = new Range(start, end);
        }
    }

    // A literal starts where no word, address or version part goes on before it; "IPv6:" is the literal's tag (RFC 5321).
    private static bool StartsToken(ReadOnlySpan<char> text, int i)
    {
        if (i == 0)
            return true;
        char before = text[i - 1];
        if (before == ':' && i >= 5 && text[(i - 5)..i].Equals("ipv6:", StringComparison.OrdinalIgnoreCase))
            return true;
        return !char.IsAsciiLetterOrDigit(before) && before is not ('.' or ':' or '-' or '_');
    }

    private static bool IsIPv4(ReadOnlySpan<char> token)
    {
        int parts = 0, value = 0, digits = 0, first = -1;
        for (int i = 0; i <= token.Length; i++)
        {
            if (i == token.Length || token[i] == '.')
            {
                if (digits == 0 || value > 255 || ++parts > 4)
                    return false;
                if (first < 0)
                    first = value;
                value = digits = 0;
                continue;
            }

            if (!char.IsAsciiDigit(token[i]) || ++digits > 3)
                return false;
            value = value * 10 + (token[i] - '0');
        }

        return parts == 4 && first is not (0 or 127);
    }

    private static bool IsIPv6(ReadOnlySpan<char> token)
    {
        int colons = 0;
        foreach (char c in token)
            colons += c == ':' ? 1 : 0;
        // Eight groups, or six and an IPv4 tail, or fewer with "::" (RFC 4291 §2.2): a time such as "10:23:45" is none, and
        // is not copied and parsed.
        bool shaped = colons <= 7 && (colons == 7 || (colons == 6 && token.Contains('.')) || token.Contains("::".AsSpan(), StringComparison.Ordinal));
        return token.Length >= 3 && shaped &&
            IPAddress.TryParse(token.ToString(), out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(address);
    }

    // Labels of letters, digits and hyphens, at least two, the last one of letters (a top-level domain).
    private static bool IsDomain(ReadOnlySpan<char> token)
    {
        int dot = token.LastIndexOf('.');
        if (dot <= 0 || token.Length - dot - 1 < 2 || token.Contains("..", StringComparison.Ordinal))
            return false;
        foreach (char c in token[(dot + 1)..])
        {
            if (!char.IsAsciiLetter(c))
                return false;
        }

        return token[0] != '-' && token[0] != '.';
    }

    private static bool IsHexOrColon(char c) => char.IsAsciiHexDigit(c) || c == ':';

    private static bool IsDomainChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.';
}
