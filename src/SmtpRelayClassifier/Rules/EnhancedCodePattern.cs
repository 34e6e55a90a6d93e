using System;
using System.Globalization;
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
