#if !NET
using System;
using System.Collections.Generic;
using System.Text;

namespace SmtpRelayClassifier;

/// <summary>The string and <see cref="StringBuilder"/> members of .NET that netstandard2.0 lacks, as the code uses them.</summary>
internal static class StringPolyfills
{
    extension(string)
    {
        public static string Create(IFormatProvider provider, FormattableString text) => text.ToString(provider);

        public static string Concat(ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c)
        {
            var builder = new StringBuilder(a.Length + b.Length + c.Length);
            return builder.Append(a).Append(b).Append(c).ToString();
        }

        public static string Concat(ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c, ReadOnlySpan<char> d)
        {
            var builder = new StringBuilder(a.Length + b.Length + c.Length + d.Length);
            return builder.Append(a).Append(b).Append(c).Append(d).ToString();
        }

        public static string Join<T>(char separator, IEnumerable<T> values) => string.Join(separator.ToString(), values);
    }

    extension(string s)
    {
        public bool Contains(char value) => s.IndexOf(value) >= 0;

        public bool StartsWith(char value) => s.Length > 0 && s[0] == value;

        public bool EndsWith(char value) => s.Length > 0 && s[s.Length - 1] == value;

        public int IndexOf(char value, StringComparison comparison) =>
            comparison == StringComparison.Ordinal ? s.IndexOf(value) : s.IndexOf(value.ToString(), comparison);

        public string[] Split(char separator, int count, StringSplitOptions options = StringSplitOptions.None) =>
            s.Split([separator], count, options);

        public string Replace(string oldValue, string? newValue, StringComparison comparison)
        {
            var builder = new StringBuilder(s.Length);
            int from = 0;
            int at;
            while ((at = s.IndexOf(oldValue, from, comparison)) >= 0)
            {
                builder.Append(s, from, at - from).Append(newValue);
                from = at + oldValue.Length;
            }

            return builder.Append(s, from, s.Length - from).ToString();
        }

        public string ReplaceLineEndings(string replacementText)
        {
            var builder = new StringBuilder(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '\r')
                {
                    if (i + 1 < s.Length && s[i + 1] == '\n')
                        i++;
                    builder.Append(replacementText);
                }
                else if (c is '\n' or '\f' or '\u0085' or '\u2028' or '\u2029')
                {
                    builder.Append(replacementText);
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }

    extension(StringBuilder builder)
    {
        public StringBuilder Append(ReadOnlySpan<char> value)
        {
            foreach (char c in value)
                builder.Append(c);
            return builder;
        }
    }
}
#endif
