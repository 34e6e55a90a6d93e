using System;
using System.Globalization;

namespace SmtpRelayClassifier;

/// <summary>
/// An RFC 3463 enhanced status code such as <c>5.7.1</c>: class, subject and detail. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The class is 2, 4 or 5; subject and detail have one to three digits (RFC 3463 §2), so vendor codes such as
/// <c>5.7.708</c> or <c>4.4.316</c> are valid. The default value is <see cref="IsEmpty">empty</see>: no code.
/// </remarks>
#if NET
[System.Text.Json.Serialization.JsonConverter(typeof(EnhancedStatusCodeJsonConverter))]
#endif
public readonly record struct EnhancedStatusCode
{
    /// <summary>Creates a code from its three parts.</summary>
    /// <param name="class">2 (success), 4 (persistent transient failure) or 5 (permanent failure).</param>
    /// <param name="subject">The subject, 0 to 999.</param>
    /// <param name="detail">The detail, 0 to 999.</param>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of its range.</exception>
    public EnhancedStatusCode(int @class, int subject, int detail)
    {
        if (@class is not (2 or 4 or 5))
            throw new ArgumentOutOfRangeException(nameof(@class), @class, "The class of an enhanced status code must be 2, 4 or 5.");
        ArgumentOutOfRangeException.ThrowIfNegative(subject);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subject, 999);
        ArgumentOutOfRangeException.ThrowIfNegative(detail);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(detail, 999);
        Class = @class;
        Subject = subject;
        Detail = detail;
    }

    /// <summary>The class: 2, 4 or 5; 0 when the code is empty.</summary>
    public int Class { get; }

    /// <summary>The subject (1 addressing, 2 mailbox, 3 mail system, 4 network, 5 protocol, 6 content, 7 security or policy).</summary>
    public int Subject { get; }

    /// <summary>The detail within the subject.</summary>
    public int Detail { get; }

    /// <summary>True for the default value, which stands for "no enhanced status code".</summary>
    public bool IsEmpty => Class == 0;

    /// <summary>Parses a code such as <c>5.7.1</c>; surrounding text is not allowed.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="code">The code when the text is one.</param>
    /// <returns>True when <paramref name="text"/> is exactly an enhanced status code.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out EnhancedStatusCode code)
    {
        if (TryRead(text, 0, out code, out int length) && length == text.Length)
            return true;
        code = default;
        return false;
    }

    /// <summary>Parses a code such as <c>5.7.1</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not an enhanced status code.</exception>
    public static EnhancedStatusCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var code))
            throw new FormatException($"'{text}' is not an enhanced status code such as 5.7.1 (class 2, 4 or 5, then two numbers of 1 to 3 digits).");
        return code;
    }

    /// <summary>Returns the code as <c>class.subject.detail</c>, or an empty string when <see cref="IsEmpty"/>.</summary>
    public override string ToString() =>
        IsEmpty ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{Class}.{Subject}.{Detail}");

    /// <summary>Reads a code "c.s.d" at <paramref name="pos"/> of UTF-16 or UTF-8 text; false when none starts there.</summary>
    internal static bool TryRead<T>(ReadOnlySpan<T> s, int pos, out EnhancedStatusCode code, out int length)
        where T : unmanaged, IEquatable<T>
    {
        code = default;
        length = 0;
        if (pos + 5 > s.Length)
            return false;
        int cls = At(s, pos);
        if (cls is not ('2' or '4' or '5') || At(s, pos + 1) != '.')
            return false;
        int i = pos + 2;
        if (!TryReadSmallNumber(s, ref i, out int subject) || i >= s.Length || At(s, i) != '.')
            return false;
        i++;
        if (!TryReadSmallNumber(s, ref i, out int detail))
            return false;
        // "5.7.1.2" or "5.7.1234" is not a code.
        if (i < s.Length && (IsDigit(At(s, i)) || (At(s, i) == '.' && i + 1 < s.Length && IsDigit(At(s, i + 1)))))
            return false;
        code = new EnhancedStatusCode(cls - '0', subject, detail);
        length = i - pos;
        return true;
    }

    private static bool TryReadSmallNumber<T>(ReadOnlySpan<T> s, ref int i, out int value)
        where T : unmanaged, IEquatable<T>
    {
        value = 0;
        int digits = 0;
        while (i < s.Length && IsDigit(At(s, i)))
        {
            if (++digits > 3)
                return false;
            value = (value * 10) + (At(s, i) - '0');
            i++;
        }

        return digits > 0;
    }

    private static bool IsDigit(int c) => (uint)(c - '0') <= 9;

    private static int At<T>(ReadOnlySpan<T> s, int i)
        where T : unmanaged, IEquatable<T> => CodeUnit.ToInt32(s[i]);
}
