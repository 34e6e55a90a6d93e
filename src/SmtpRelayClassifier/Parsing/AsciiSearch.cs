using System;

namespace SmtpRelayClassifier.Parsing;

/// <summary>
/// Searches and trims over UTF-16 (<c>char</c>) or UTF-8 (<c>byte</c>) code units by ASCII value: what the reply
/// parser looks for is ASCII in both encodings. Bounds-checked and allocation-free.
/// </summary>
internal static class AsciiSearch
{
    public static bool StartsWithIgnoreCase<T>(ReadOnlySpan<T> s, int pos, int end, string lowerAscii)
        where T : unmanaged, IEquatable<T>
    {
        if (pos < 0 || pos + lowerAscii.Length > end)
            return false;
        for (int i = 0; i < lowerAscii.Length; i++)
        {
            int c = At(s, pos + i);
            if (c is >= 'A' and <= 'Z')
                c |= 0x20;
            if (c != lowerAscii[i])
                return false;
        }

        return true;
    }

    public static int IndexOfIgnoreCase<T>(ReadOnlySpan<T> s, int from, int end, string lowerAscii)
        where T : unmanaged, IEquatable<T>
    {
        if (from >= end)
            return -1;
        char first = lowerAscii[0];
        var lower = CodeUnit.From<T>(first);
        var upper = CodeUnit.From<T>(first is >= 'a' and <= 'z' ? (char)(first - 0x20) : first);
        int i = from;
        int last = end - lowerAscii.Length;
        while (i <= last)
        {
            int rel = s[i..(last + 1)].IndexOfAny(lower, upper);
            if (rel < 0)
                return -1;
            i += rel;
            if (StartsWithIgnoreCase(s, i, end, lowerAscii))
                return i;
            i++;
        }

        return -1;
    }

    public static int LastIndexOfIgnoreCase<T>(ReadOnlySpan<T> s, int from, int end, string lowerAscii)
        where T : unmanaged, IEquatable<T>
    {
        for (int i = end - lowerAscii.Length; i >= from; i--)
        {
            if (StartsWithIgnoreCase(s, i, end, lowerAscii))
                return i;
        }

        return -1;
    }

    public static int IndexOf<T>(ReadOnlySpan<T> s, int from, int end, char value)
        where T : unmanaged, IEquatable<T>
    {
        if (from >= end)
            return -1;
        int rel = s[from..end].IndexOf(CodeUnit.From<T>(value));
        return rel < 0 ? -1 : from + rel;
    }

    public static void TrimWhitespace<T>(ReadOnlySpan<T> s, ref int start, ref int end)
        where T : unmanaged, IEquatable<T>
    {
        SkipWhitespace(s, ref start, end);
        TrimEnd(s, start, ref end);
    }

    public static void TrimEnd<T>(ReadOnlySpan<T> s, int start, ref int end)
        where T : unmanaged, IEquatable<T>
    {
        while (end > start && IsWhitespace<T>(At(s, end - 1)))
            end--;
        // A trailing written-out "\n" or "\r\n" of a log line.
        while (end - start >= 2 && At(s, end - 2) == '\\' && At(s, end - 1) is 'n' or 'r')
        {
            end -= 2;
            while (end > start && IsWhitespace<T>(At(s, end - 1)))
                end--;
        }
    }

    public static void SkipWhitespace<T>(ReadOnlySpan<T> s, ref int pos, int end)
        where T : unmanaged, IEquatable<T>
    {
        while (pos < end && IsWhitespace<T>(At(s, pos)))
            pos++;
    }

    public static void SkipBlanks<T>(ReadOnlySpan<T> s, ref int pos, int end)
        where T : unmanaged, IEquatable<T>
    {
        while (pos < end && At(s, pos) is ' ' or '\t')
            pos++;
    }

    // ASCII white space, and the no-break space U+00A0 in text. Not the byte 0xA0: in UTF-8 it ends characters such as
    // 'à' (C3 A0), and trimming it would cut the character in two.
    public static bool IsWhitespace<T>(int c)
        where T : unmanaged, IEquatable<T> =>
        c is ' ' or '\t' or '\r' or '\n' or '\f' or '\v' || (typeof(T) == typeof(char) && c == 0xA0);

    public static bool IsDigit(int c) => (uint)(c - '0') <= 9;

    public static int At<T>(ReadOnlySpan<T> s, int i)
        where T : unmanaged, IEquatable<T> => CodeUnit.ToInt32(s[i]);
}
