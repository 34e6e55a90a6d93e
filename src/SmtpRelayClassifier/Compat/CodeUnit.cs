using System;
using System.Runtime.CompilerServices;

namespace SmtpRelayClassifier;

/// <summary>
/// UTF-16 (<c>char</c>) and UTF-8 (<c>byte</c>) code units read as <see cref="int"/> and made from ASCII values, for the
/// parser's code written once for both. The type tests fold away when the JIT specializes a method for <c>char</c> or
/// <c>byte</c>, so this costs what a cast costs; it needs no generic math, so it compiles for every target.
/// </summary>
internal static class CodeUnit
{
    /// <summary>The value of a <c>char</c> or <c>byte</c> code unit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ToInt32<T>(T unit)
        where T : unmanaged
    {
        if (typeof(T) == typeof(char))
            return Unsafe.As<T, char>(ref unit);
        if (typeof(T) == typeof(byte))
            return Unsafe.As<T, byte>(ref unit);
        throw new NotSupportedException("Code units are char or byte.");
    }

    /// <summary>The <c>char</c> or <c>byte</c> code unit of <paramref name="value"/>, truncated to its width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T From<T>(int value)
        where T : unmanaged
    {
        if (typeof(T) == typeof(char))
        {
            char c = (char)value;
            return Unsafe.As<char, T>(ref c);
        }

        if (typeof(T) == typeof(byte))
        {
            byte b = (byte)value;
            return Unsafe.As<byte, T>(ref b);
        }

        throw new NotSupportedException("Code units are char or byte.");
    }
}
