using System;
using System.Globalization;
using System.Linq;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// An enhanced status code to look for. Class and subject may be a wildcard (<c>x</c>); the detail may be a wildcard
/// or a range: <c>5.7.1</c>, <c>x.7.1</c>, <c>5.7.x</c>, <c>x.7.x</c>, <c>5.7.606-649</c>.
/// </summary>
internal readonly record struct EnhancedCodePattern(int Class, int Subject, int DetailFrom, int DetailTo)
{
    public const int Any = -1;

    public bool Matches(EnhancedStatusCode code) =>
        !code.IsEmpty &&
        (Class == Any || Class == code.Class) &&
        (Subject == Any || Subject == code.Subject) &&
        (DetailFrom == Any || (code.Detail >= DetailFrom && code.Detail <= DetailTo));

    /// <summary>Parses a pattern; false when it is none: three parts of one to three digits or <c>x</c>, the class 2, 4 or 5,
    /// and a detail range that goes up.</summary>
    public static bool TryParse(string pattern, out EnhancedCodePattern parsed)
    {
        parsed = default;
        var parts = pattern.Split('.');
        if (parts.Length != 3)
            return false;
        int dash = parts[2].IndexOf('-');
        string from = dash > 0 ? parts[2].Substring(0, dash) : parts[2];
        string to = dash > 0 ? parts[2].Substring(dash + 1) : parts[2];
        if (!IsPart(parts[0]) || !IsPart(parts[1]) || !IsPart(from) || !IsPart(to) || (dash > 0 && (IsWild(from) || IsWild(to))))
            return false;
        parsed = Parse(pattern);
        return parsed.Class is Any or 2 or 4 or 5 && parsed.DetailFrom <= parsed.DetailTo;

        static bool IsWild(string p) => p is "x" or "X" or "*";
        static bool IsPart(string p) => IsWild(p) || (p.Length is >= 1 and <= 3 && p.All(c => c is >= '0' and <= '9'));
    }

    public static EnhancedCodePattern Parse(string pattern)
    {
        var parts = pattern.Split('.');
        if (parts.Length != 3)
            throw new ArgumentException($"'{pattern}' is not an enhanced code pattern such as 5.7.1, x.7.x or 5.7.606-649.", nameof(pattern));
        int from, to;
        int dash = parts[2].IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            from = Part(parts[2][..dash]);
            to = Part(parts[2][(dash + 1)..]);
        }
        else
        {
            from = to = Part(parts[2]);
        }

        return new EnhancedCodePattern(Part(parts[0]), Part(parts[1]), from, to);

        static int Part(string p) => p is "x" or "X" or "*" ? Any : int.Parse(p, CultureInfo.InvariantCulture);
    }
}
