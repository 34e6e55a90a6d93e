using System;
using SmtpRelayClassifier.Parsing;
using static SmtpRelayClassifier.Parsing.AsciiSearch;

namespace SmtpRelayClassifier.Parsing;

/// <summary>
/// Finds reply codes and enhanced status codes wherever they stand in a text: at the start of a line, after
/// punctuation (<c>#</c>, quotes, brackets, <c>:</c>, <c>;</c>, <c>=</c>), after host names, addresses, field labels and
/// timestamps, and after the words that introduce a reply in prose ("responded with 550 …"). Rejects what only looks
/// like a code: parts of IP addresses and dotted numbers, versions, times, sizes and counts, and success or
/// intermediate codes in the middle of prose. Each candidate is judged by a bounded look around it, so the scan is
/// linear in the input length; allocation-free.
/// </summary>
internal static class CodeFinder
{
    // How far back a blank-separated word before a code is read, in code units.
    private const int LookBehind = 16;

    // Words after which a bare three-digit number in prose is a reply code ("the server responded with 550 …").
    private static readonly string[] Introducers =
    [
        "with", "code", "error", "reply", "replied", "response", "responded", "returned", "said", "status", "answered",
        "reason", "failure", "failed", "got", "received", "was", "smtp", "esmtp", "dsn", "result", "message", "server",
    ];

    // Words after which a dotted number is a version, not an enhanced status code.
    private static readonly string[] VersionWords = ["version", "ver", "release", "build", "rfc", "ipv4", "ip", "v"];

    // Units and counted things: "after 450 seconds", "552 message size 500 bytes", "port 465 ms".
    private static readonly string[] Units =
    [
        "seconds", "second", "secs", "sec", "s", "ms", "milliseconds", "minutes", "minute", "min", "mins", "hours", "hour", "days",
        "bytes", "byte", "kb", "mb", "gb", "k", "m", "messages", "recipients", "rcpts", "times", "mails", "emails", "connections",
        "attempts", "per", "%",
    ];

    /// <summary>
    /// Finds the next code at or after <paramref name="pos"/>, before <paramref name="end"/>; on success
    /// <paramref name="pos"/> is moved past it. <paramref name="enhancedStart"/> is where its enhanced code starts (−1 when
    /// it has none).
    /// </summary>
    public static bool TryFindNext<T>(ReadOnlySpan<T> s, ref int pos, int end, out SmtpCodeOccurrence occurrence, out int enhancedStart)
        where T : unmanaged, IEquatable<T> => TryFindNext(s, ref pos, end, end, out occurrence, out enhancedStart);

    /// <summary>As <see cref="TryFindNext{T}(ReadOnlySpan{T}, ref int, int, out SmtpCodeOccurrence, out int)"/>, for codes that start before <paramref name="limit"/>; they are read up to <paramref name="end"/>.</summary>
    public static bool TryFindNext<T>(ReadOnlySpan<T> s, ref int pos, int limit, int end, out SmtpCodeOccurrence occurrence, out int enhancedStart)
        where T : unmanaged, IEquatable<T>
    {
        // Codes start with 2, 4 or 5 (an intermediate 3xx reply is never a failure, nor the class of an enhanced code).
        var two = CodeUnit.From<T>('2');
        var four = CodeUnit.From<T>('4');
        var five = CodeUnit.From<T>('5');
        while (pos < limit)
        {
            int rel = s[pos..limit].IndexOfAny(two, four, five);
            if (rel < 0)
                break;
            int at = pos + rel;
            if (TryReadAt(s, at, end, out occurrence, out enhancedStart))
            {
                pos = occurrence.Range.End.Value;
                return true;
            }

            // Skip the rest of the digit run: no code starts inside a number.
            pos = at + 1;
            while (pos < limit && IsDigit(At(s, pos)))
                pos++;
        }

        pos = limit;
        occurrence = default;
        enhancedStart = -1;
        return false;
    }

    private static bool TryReadAt<T>(ReadOnlySpan<T> s, int at, int end, out SmtpCodeOccurrence occurrence, out int enhancedStart)
        where T : unmanaged, IEquatable<T>
    {
        occurrence = default;
        enhancedStart = -1;
        var before = ReadBefore(s, at);
        if (before == Before.Rejected)
            return false;
        bool lineStart = before == Before.LineStart;

        if (TryReadBasicCode(s, at, end, out int code))
        {
            int after = at + 3;
            int gap = after;
            if (gap < end && At(s, gap) is ' ' or '-' or '\t')
            {
                gap++;
                SkipBlanks(s, ref gap, end);
                if (ReplyScanner.TryReadEnhancedCode(s[..end], gap, out var paired, out int pairedLength) &&
                    ReplyScanner.IsAfterEnhancedCode(s, gap + pairedLength, end) && (lineStart || code >= 400))
                {
                    occurrence = new SmtpCodeOccurrence(code, paired, at..(gap + pairedLength));
                    enhancedStart = gap;
                    return true;
                }
            }

            // A bare number: a code at the start of a line (2xx, 4xx, 5xx), or a failure code after punctuation or a word
            // that introduces a reply; never a number followed by a unit.
            bool accepted = lineStart || (code >= 400 && before is not (Before.OtherWord or Before.AfterHost));
            if (accepted && !IsFollowedByUnit(s, after, end))
            {
                occurrence = new SmtpCodeOccurrence(code, default, at..after);
                return true;
            }

            return false;
        }

        if (before == Before.VersionWord)
            return false;
        if (!ReplyScanner.TryReadEnhancedCode(s[..end], at, out var enhanced, out int length) || !ReplyScanner.IsAfterEnhancedCode(s, at + length, end))
            return false;
        // In prose only failure codes of the registry's subjects (0 to 7) count: "2.3.4" and "4.94.2" are versions.
        if (!lineStart && (enhanced.Class == 2 || enhanced.Subject > 7))
            return false;
        occurrence = new SmtpCodeOccurrence(0, enhanced, at..(at + length));
        enhancedStart = at;
        return true;
    }

    private enum Before
    {
        LineStart,
        Punctuation,
        AfterHost,
        Introducer,
        VersionWord,
        OtherWord,
        Rejected,
    }

    // What stands before a candidate: the start of a line, a separator, a word (read back a bounded distance), or
    // something that makes it part of a larger token (a letter, digit or dot glued to it).
    private static Before ReadBefore<T>(ReadOnlySpan<T> s, int at)
        where T : unmanaged, IEquatable<T>
    {
        if (at == 0)
            return Before.LineStart;
        int c = At(s, at - 1);
        if (c is '\r' or '\n')
            return Before.LineStart;
        // A line break written out as the two characters '\' 'n'.
        if (c == 'n' && at >= 2 && At(s, at - 2) == '\\')
            return Before.LineStart;
        if (c is ' ' or '\t')
            return ReadWordBefore(s, at - 1);
        // A fragment of a URL or a token ("DOC-1369#550"), not qmail's "(#5.7.1)" nor "550 #5.1.0".
        if (c == '#' && at >= 2 && IsAsciiLetterOrDigit(At(s, at - 2)))
            return Before.Rejected;
        // A port after a host or an address ("[198.51.100.1]:587", "smtp.example.com:587"), not a field label ("Reason:550").
        if (c == ':' && IsHostBefore(s, at - 1))
            return Before.AfterHost;
        if (c is '(' or '[' or '{' or '<' or '"' or '\'' or '#' or ':' or ';' or '=' or ',' or '*' or '|' or '>' or ')' or ']')
            return Before.Punctuation;
        // Typographic quotes and other non-ASCII text (CJK prose puts no space before a number).
        if (c >= 0x80)
            return Before.Punctuation;
        return Before.Rejected;
    }

    private static Before ReadWordBefore<T>(ReadOnlySpan<T> s, int blank)
        where T : unmanaged, IEquatable<T>
    {
        int i = blank;
        int limit = Math.Max(0, blank - LookBehind);
        while (i > limit && At(s, i - 1) is ' ' or '\t')
            i--;
        if (i == 0)
            return Before.LineStart;
        int c = At(s, i - 1);
        if (c is '\r' or '\n' || (c == 'n' && i >= 2 && At(s, i - 2) == '\\'))
            return Before.LineStart;
        if (!IsAsciiLetter(c))
            return Before.Punctuation;

        int wordEnd = i;
        while (i > limit && IsAsciiLetter(At(s, i - 1)))
            i--;
        if (i > 0 && IsAsciiLetter(At(s, i - 1)))
            return Before.OtherWord;
        if (IsOneOf(s, i, wordEnd, VersionWords))
            return Before.VersionWord;
        return IsOneOf(s, i, wordEnd, Introducers) ? Before.Introducer : Before.OtherWord;
    }

    // The token that ends at the colon is a host name, an address or a bracketed literal: it holds a dot or ends with ']'.
    private static bool IsHostBefore<T>(ReadOnlySpan<T> s, int colon)
        where T : unmanaged, IEquatable<T>
    {
        int limit = Math.Max(0, colon - LookBehind);
        for (int i = colon - 1; i >= limit; i--)
        {
            int c = At(s, i);
            if (c == ']' && i == colon - 1)
                return true;
            if (c == '.')
                return true;
            if (c is ' ' or '\t' or '\r' or '\n' or '(' or '[' or '<' or ';' or ',' or '=' or '"' or '\'')
                return false;
        }

        return false;
    }

    private static bool TryReadBasicCode<T>(ReadOnlySpan<T> s, int pos, int end, out int code)
        where T : unmanaged, IEquatable<T>
    {
        if (!ReplyScanner.TryReadCodeDigits(s, pos, end, out code))
            return false;
        if (pos + 3 == end)
            return true;
        int next = At(s, pos + 3);
        bool legal = next is ' ' or '-' or '\t' or '\r' or '\n' or '\\' or ',' or ';' or ')' or ']' or '"' or '\'' or '>' ||
            (next is '.' or ':' && (pos + 4 >= end || !IsDigit(At(s, pos + 4))));
        // "550-5.7.1" is a code; "550-1234" or "2024-05-01" is not.
        if (legal && !(next == '-' && pos + 4 < end && IsDigit(At(s, pos + 4)) && !(pos + 5 < end && At(s, pos + 5) == '.')))
            return true;
        code = 0;
        return false;
    }

    private static bool IsFollowedByUnit<T>(ReadOnlySpan<T> s, int pos, int end)
        where T : unmanaged, IEquatable<T>
    {
        if (pos < end && At(s, pos) == '%')
            return true;
        if (pos >= end || At(s, pos) is not (' ' or '\t'))
            return false;
        pos++;
        int wordStart = pos;
        int limit = Math.Min(end, pos + LookBehind);
        while (pos < limit && IsAsciiLetter(At(s, pos)))
            pos++;
        if (pos == wordStart || (pos < end && IsAsciiLetter(At(s, pos))))
            return false;
        // The unit word stands alone: "450 s", "300 seconds.", not "550 sorry".
        return IsOneOf(s, wordStart, pos, Units);
    }

    private static bool IsOneOf<T>(ReadOnlySpan<T> s, int start, int end, string[] words)
        where T : unmanaged, IEquatable<T>
    {
        foreach (string word in words)
        {
            if (word.Length == end - start && StartsWithIgnoreCase(s, start, end, word))
                return true;
        }

        return false;
    }

    private static bool IsAsciiLetter(int c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsAsciiLetterOrDigit(int c) => IsAsciiLetter(c) || IsDigit(c);
}
