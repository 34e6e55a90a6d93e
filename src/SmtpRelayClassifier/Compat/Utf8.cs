#if !NET
using System.Buffers;

namespace System.Text.Unicode;

/// <summary>The strict UTF-8 checks and decoding of .NET's <c>System.Text.Unicode.Utf8</c> that the parser uses, for netstandard2.0.</summary>
internal static class Utf8
{
    /// <summary>True when the bytes are well-formed UTF-8.</summary>
    public static bool IsValid(ReadOnlySpan<byte> value)
    {
        int i = 0;
        while (i < value.Length)
        {
            int b = value[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            int length;
            int min;
            if ((b & 0xE0) == 0xC0)
            {
                length = 2;
                min = 0x80;
            }
            else if ((b & 0xF0) == 0xE0)
            {
                length = 3;
                min = 0x800;
            }
            else if ((b & 0xF8) == 0xF0)
            {
                length = 4;
                min = 0x10000;
            }
            else
            {
                return false;
            }

            if (i + length > value.Length)
                return false;
            int scalar = b & (0x7F >> length);
            for (int k = 1; k < length; k++)
            {
                int c = value[i + k];
                if ((c & 0xC0) != 0x80)
                    return false;
                scalar = (scalar << 6) | (c & 0x3F);
            }

            // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
            if (scalar < min || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF))
                return false;
            i += length;
        }

        return true;
    }

    /// <summary>Decodes strict UTF-8 into <paramref name="destination"/>; <see cref="OperationStatus.InvalidData"/> when the bytes are not UTF-8.</summary>
    public static OperationStatus ToUtf16(ReadOnlySpan<byte> source, Span<char> destination, out int bytesRead, out int charsWritten, bool replaceInvalidSequences = true, bool isFinalBlock = true)
    {
        _ = replaceInvalidSequences;
        _ = isFinalBlock;
        bytesRead = 0;
        charsWritten = 0;
        if (!IsValid(source))
            return OperationStatus.InvalidData;
        int i = 0;
        int w = 0;
        while (i < source.Length)
        {
            int b = source[i];
            int length = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
            int scalar = length == 1 ? b : b & (0x7F >> length);
            for (int k = 1; k < length; k++)
                scalar = (scalar << 6) | (source[i + k] & 0x3F);
            int units = scalar >= 0x10000 ? 2 : 1;
            if (w + units > destination.Length)
                return OperationStatus.DestinationTooSmall;
            if (units == 1)
            {
                destination[w++] = (char)scalar;
            }
            else
            {
                scalar -= 0x10000;
                destination[w++] = (char)(0xD800 + (scalar >> 10));
                destination[w++] = (char)(0xDC00 + (scalar & 0x3FF));
            }

            i += length;
            bytesRead = i;
            charsWritten = w;
        }

        return OperationStatus.Done;
    }
}
#endif
