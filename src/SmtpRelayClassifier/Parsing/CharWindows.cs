using System;
using System.Runtime.InteropServices;
using System.Text.Unicode;

namespace SmtpRelayClassifier.Parsing;

/// <summary>
/// The reply parser's search windows, counted in the characters (UTF-16 code units) of the decoded text whatever the
/// input: a window over UTF-8 bytes holds as many characters as the same window over the decoded chars, so the same
/// reply gets the same mailbox and wrappers in both. Bytes that are not valid UTF-8 decode as Latin-1 (one character
/// per byte), as <see cref="ReplyEncoding"/> does. Allocation-free; whether the bytes are UTF-8 is checked once, and
/// only when a window is shorter than the text it is laid over.
/// </summary>
internal ref struct CharWindows<T>
    where T : unmanaged, IEquatable<T>
{
    private readonly ReadOnlySpan<T> _s;
    private Form _form;

    public CharWindows(ReadOnlySpan<T> s)
    {
        _s = s;
        _form = typeof(T) == typeof(char) ? Form.Chars : Form.Unknown;
    }

    private enum Form
    {
        Unknown,
        Chars,
        Utf8,
        Latin1,
    }

    /// <summary>The end of the window of <paramref name="chars"/> characters that starts at <paramref name="from"/>, at most <paramref name="end"/>.</summary>
    public int After(int from, int end, int chars)
    {
        // A character is at least one code unit: when the units fit, so do the characters.
        if (end - from <= chars)
            return end;
        int candidate = from + chars;
        if (IsOneUnitPerChar(from, candidate))
            return candidate;

        int count = 0;
        int i = from;
        for (; i < end; i++)
        {
            int b = CodeUnit.ToInt32(_s[i]);
            if (IsContinuation(b))
                continue;
            count += Utf16Length(b);
            if (count > chars)
                break;
        }

        return i;
    }

    /// <summary>The start of the window of <paramref name="chars"/> characters that ends at <paramref name="to"/>, at least <paramref name="start"/>.</summary>
    public int Before(int start, int to, int chars)
    {
        if (to - start <= chars)
            return start;
        int candidate = to - chars;
        if (IsOneUnitPerChar(candidate, to))
            return candidate;

        int count = 0;
        int i = to;
        for (; i > start; i--)
        {
            int b = CodeUnit.ToInt32(_s[i - 1]);
            if (IsContinuation(b))
                continue;
            if (count + Utf16Length(b) > chars)
                break;
            count += Utf16Length(b);
        }

        // Not in the middle of a character the window does not hold.
        while (i < to && IsContinuation(CodeUnit.ToInt32(_s[i])))
            i++;
        return i;
    }

    private static bool IsContinuation(int b) => (b & 0xC0) == 0x80;

    // A four-byte sequence is a surrogate pair in UTF-16.
    private static int Utf16Length(int lead) => lead >= 0xF0 ? 2 : 1;

    private bool IsOneUnitPerChar(int from, int to)
    {
        if (_form == Form.Chars)
            return true;
        var bytes = MemoryMarshal.AsBytes(_s);
        if (!bytes[from..to].ContainsAnyExceptInRange((byte)0, (byte)0x7F))
            return true;
        if (_form == Form.Unknown)
            _form = Utf8.IsValid(bytes) ? Form.Utf8 : Form.Latin1;
        return _form == Form.Latin1;
    }
}
