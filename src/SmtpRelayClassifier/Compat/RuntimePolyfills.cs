#if !NET
using System;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

namespace SmtpRelayClassifier;

/// <summary>The static members of .NET's base types that netstandard2.0 lacks, as the code uses them.</summary>
internal static class RuntimePolyfills
{
    private static readonly Encoding Latin1Encoding = Encoding.GetEncoding(28591);

    extension(char)
    {
        public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

        public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

        public static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetter(c) || char.IsAsciiDigit(c);

        public static bool IsAsciiHexDigit(char c) => char.IsAsciiDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';
    }

    extension(uint)
    {
        public static uint Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) => uint.Parse(s.ToString(), style, provider);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out uint result) =>
            uint.TryParse(s.ToString(), style, provider, out result);
    }

    extension(int)
    {
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out int result) =>
            int.TryParse(s.ToString(), style, provider, out result);
    }

    extension(Stopwatch)
    {
        public static TimeSpan GetElapsedTime(long startingTimestamp) => Stopwatch.GetElapsedTime(startingTimestamp, Stopwatch.GetTimestamp());

        public static TimeSpan GetElapsedTime(long startingTimestamp, long endingTimestamp) =>
            TimeSpan.FromTicks((long)((endingTimestamp - startingTimestamp) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
    }

    extension(Encoding)
    {
        public static Encoding Latin1 => Latin1Encoding;
    }

    extension(Encoding encoding)
    {
        public string GetString(ReadOnlySpan<byte> bytes) => encoding.GetString(bytes.ToArray());

        public int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars)
        {
            if (ReferenceEquals(encoding, Latin1Encoding))
            {
                // Latin-1 maps each byte to the character of the same value: no buffer needed.
                for (int i = 0; i < bytes.Length; i++)
                    chars[i] = (char)bytes[i];
                return bytes.Length;
            }

            char[] decoded = encoding.GetChars(bytes.ToArray());
            decoded.AsSpan().CopyTo(chars);
            return decoded.Length;
        }
    }

    extension(Convert)
    {
        public static string ToHexString(byte[] bytes)
        {
            var builder = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes)
                builder.Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
            return builder.ToString();
        }
    }

    extension(SHA256)
    {
        public static byte[] HashData(byte[] source)
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(source);
        }
    }

    extension(ValueTask)
    {
        public static ValueTask<TResult> FromResult<TResult>(TResult result) => new(result);
    }

    extension(Math)
    {
        public static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;

        public static double Clamp(double value, double min, double max) => value < min ? min : value > max ? max : value;
    }
}
#endif
