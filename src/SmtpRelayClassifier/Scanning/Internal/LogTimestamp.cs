using System;
using System.Globalization;

namespace SmtpRelayClassifier.Scanning;

/// <summary>
/// Reads the time at the start of a mail log line: the BSD syslog form (RFC 3164, <c>Nov 28 01:19:40</c>, local time
/// without a year), RFC 3339 as rsyslog's high-precision format and RFC 5424 write it
/// (<c>2026-11-28T01:19:40.123456+01:00</c>, after an optional <c>&lt;34&gt;1 </c>), and Exim's own log
/// (<c>2026-11-28 01:19:40</c>, local time, with an optional <c>+0100</c>). A year-less time takes the year that puts it
/// no later than one day after the reference: a December line read in January belongs to the year before.
/// </summary>
internal static class LogTimestamp
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static DateTimeOffset? Read(ReadOnlySpan<char> line, DateTimeOffset reference)
    {
        // RFC 5424: "<PRI>VERSION " before the time.
        if (line.Length > 0 && line[0] == '<')
        {
            int space = line.IndexOf(' ');
            if (space < 0)
                return null;
            line = line[(space + 1)..];
        }

        if (line.Length >= 15 && line[0] is >= 'A' and <= 'Z')
            return Syslog(line, reference);
        if (line.Length >= 19 && char.IsAsciiDigit(line[0]) && line[4] == '-')
            return Iso(line);
        return null;
    }

    // "Nov 28 01:19:40" or "Nov  8 01:19:40".
    private static DateTimeOffset? Syslog(ReadOnlySpan<char> line, DateTimeOffset reference)
    {
        int month = 0;
        for (int i = 0; i < Months.Length && month == 0; i++)
            month = line[..3].SequenceEqual(Months[i].AsSpan()) ? i + 1 : 0;
        if (month == 0 || line[3] != ' ')
            return null;
        var dayText = line[4..6].Trim(' ');
        if (!int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out int day) || line[6] != ' '
            || !TryTime(line[7..15], out int hour, out int minute, out int second))
        {
            return null;
        }

        // The year of the reference, or the one before when that would put the line more than a day after the reference.
        var local = reference.ToLocalTime();
        for (int year = local.Year; year >= local.Year - 1; year--)
        {
            if (day > DateTime.DaysInMonth(year, month))
                continue;
            var time = Local(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified));
            if (time <= reference.AddDays(1))
                return time;
        }

        return null;
    }

    // "2026-11-28T01:19:40.123456+01:00", "2026-11-28T01:19:40Z", "2026-11-28 01:19:40", "2026-11-28 01:19:40 +0100".
    private static DateTimeOffset? Iso(ReadOnlySpan<char> line)
    {
        if (!int.TryParse(line[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !int.TryParse(line[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out int month)
            || line[7] != '-' || !int.TryParse(line[8..10], NumberStyles.None, CultureInfo.InvariantCulture, out int day)
            || line[10] is not ('T' or ' ') || !TryTime(line[11..19], out int hour, out int minute, out int second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var rest = line[19..];
        long ticks = 0;
        if (rest.Length > 1 && rest[0] == '.')
        {
            int digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
                digits++;
            var fraction = rest[1..Math.Min(digits, 8)];
            if (int.TryParse(fraction, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
                ticks = value * (long)Math.Pow(10, 7 - fraction.Length);
            rest = rest[digits..];
        }

        var clock = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        if (rest.Length > 0 && rest[0] == ' ')
            rest = rest[1..];
        if (rest.Length > 0 && rest[0] == 'Z')
            return new DateTimeOffset(clock, TimeSpan.Zero);
        if (rest.Length >= 5 && rest[0] is '+' or '-' && TryOffset(rest[1..], out var offset))
            return new DateTimeOffset(clock, rest[0] == '-' ? -offset : offset);
        return Local(clock);
    }

    // "+01:00" or "+0100", without its sign.
    private static bool TryOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = default;
        var hours = text[..2];
        var minutes = text[2] == ':' ? (text.Length >= 5 ? text[3..5] : default) : text[2..4];
        if (!int.TryParse(hours, NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            || !int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out int m) || h > 14 || m > 59)
        {
            return false;
        }

        offset = new TimeSpan(h, m, 0);
        return true;
    }

    private static bool TryTime(ReadOnlySpan<char> text, out int hour, out int minute, out int second)
    {
        minute = second = 0;
        return int.TryParse(text[..2], NumberStyles.None, CultureInfo.InvariantCulture, out hour) && text[2] == ':'
            && int.TryParse(text[3..5], NumberStyles.None, CultureInfo.InvariantCulture, out minute) && text[5] == ':'
            && int.TryParse(text[6..8], NumberStyles.None, CultureInfo.InvariantCulture, out second)
            && hour < 24 && minute < 60 && second < 60;
    }

    private static DateTimeOffset Local(DateTime clock)
    {
        var offset = TimeZoneInfo.Local.GetUtcOffset(clock);
        return new DateTimeOffset(clock, offset);
    }
}
