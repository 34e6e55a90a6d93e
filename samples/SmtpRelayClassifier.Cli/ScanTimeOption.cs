using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// <c>scan --since T</c> and <c>--until T</c>: an ISO 8601 date (<c>2026-11-28</c>, its midnight) or date and time
/// (<c>2026-11-28T08:00</c>, <c>2026-11-28 08:00:30</c>, with seconds' fractions, <c>Z</c> or an offset such as
/// <c>+01:00</c>); without an offset it is local time, as syslog timestamps are.
/// </summary>
internal static class ScanTimeOption
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    public static Option<DateTimeOffset?> Create(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "iso-8601",
        CustomParser = r => Parse(r, name),
    };

    /// <summary>The time a text gives, or null when it is no ISO 8601 date or date and time.</summary>
    public static DateTimeOffset? TryParse(string text) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var time) ? time : null;

    private static DateTimeOffset? Parse(ArgumentResult result, string name)
    {
        string text = result.Tokens[0].Value;
        if (TryParse(text) is { } time)
            return time;
        result.AddError($"{name}: '{text}' is not an ISO 8601 date or date and time (2026-11-28, 2026-11-28T08:00:00+01:00)");
        return null;
    }
}
