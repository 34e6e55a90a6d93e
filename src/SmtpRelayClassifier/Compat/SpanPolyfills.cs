#if !NET
using System;
using System.Buffers;

namespace SmtpRelayClassifier;

/// <summary>The span searches of .NET's <c>MemoryExtensions</c> that System.Memory lacks on netstandard2.0.</summary>
internal static class SpanPolyfills
{
    public static bool Contains<T>(this ReadOnlySpan<T> span, T value)
        where T : IEquatable<T> => span.IndexOf(value) >= 0;

    public static bool Contains<T>(this Span<T> span, T value)
        where T : IEquatable<T> => span.IndexOf(value) >= 0;

    public static int IndexOfAny(this ReadOnlySpan<char> span, SearchValues<char> values) => span.IndexOfAny(values.Values.AsSpan());

    public static bool StartsWith(this ReadOnlySpan<char> span, char value) => !span.IsEmpty && span[0] == value;

    public static bool EndsWith(this ReadOnlySpan<char> span, char value) => !span.IsEmpty && span[span.Length - 1] == value;

    public static bool ContainsAny(this ReadOnlySpan<char> span, ReadOnlySpan<char> values) => span.IndexOfAny(values) >= 0;

    public static bool ContainsAnyExcept(this ReadOnlySpan<char> span, ReadOnlySpan<char> values)
    {
        foreach (char c in span)
        {
            if (values.IndexOf(c) < 0)
                return true;
        }

        return false;
    }

    public static bool ContainsAnyExceptInRange(this ReadOnlySpan<byte> span, byte lowInclusive, byte highInclusive)
    {
        foreach (byte b in span)
        {
            if (b < lowInclusive || b > highInclusive)
                return true;
        }

        return false;
    }

    public static ReadOnlySpan<byte> TrimEnd(this ReadOnlySpan<byte> span, ReadOnlySpan<byte> trimElements)
    {
        int end = span.Length;
        while (end > 0 && trimElements.IndexOf(span[end - 1]) >= 0)
            end--;
        return span.Slice(0, end);
    }
}
#endif
