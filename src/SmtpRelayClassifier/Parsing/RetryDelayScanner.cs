using System;
using System.Buffers;

namespace SmtpRelayClassifier.Parsing;

/// <summary>
/// Finds how long a server asks the client to wait, in its own words: "try again in 5 minutes", "Greylisted for 300
/// seconds", "please retry in 5.0 minutes", "please come back in 00:29:46", "wait 60 seconds", "Limit expires in 3 hours",
/// and the French, German and
/// Spanish forms ("réessayez dans 5 minutes", "versuchen Sie es in 5 Minuten erneut", "inténtelo de nuevo en 5 minutos").
/// A number (or an <c>h:mm:ss</c> duration) counts only when a preposition of time stands just before it and a word of
/// retrying or greylisting shortly before that, so rate windows ("per 5 minutes", "in the last 30 minutes"), timeouts
/// ("idle for 300 seconds") and clock times ("after 12:34") are not read as delays. One pass over the text, bounded work
/// at each number, allocation-free, never throws.
/// </summary>
internal static class RetryDelayScanner
{
    /// <summary>The longest delay reported: a larger figure is capped to it.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(7);

    // How far before the preposition a word of retrying may stand, in characters.
    private const int CueWindow = 48;
    private const int MaxDigits = 7;
    private const int MaxUnitLength = 10;

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static readonly string[] Prepositions = ["in", "for", "after", "wait", "dans", "après", "apres", "nach", "für", "en", "tras"];

    // Stems of the words that say the number is a wait (a limit that expires is one): English, French (réessayer, essayez), German (erneut, versuchen,
    // warten), Spanish (inténtelo de nuevo, reintentar). Lower-case ASCII.
    private static readonly string[] Cues = ["try", "again", "back", "wait", "greylist", "graylist", "defer", "resend", "expire", "essay", "erneut", "versuch", "warte", "nuevo", "intent"];

    private static readonly (string Word, int Seconds)[] Units =
    [
        ("s", 1), ("sec", 1), ("secs", 1), ("second", 1), ("seconds", 1), ("seconde", 1), ("secondes", 1),
        ("sekunde", 1), ("sekunden", 1), ("segundo", 1), ("segundos", 1),
        ("m", 60), ("mn", 60), ("min", 60), ("mins", 60), ("minute", 60), ("minutes", 60), ("minuten", 60), ("minuto", 60), ("minutos", 60),
        ("h", 3600), ("hr", 3600), ("hrs", 3600), ("hour", 3600), ("hours", 3600), ("heure", 3600), ("heures", 3600),
        ("stunde", 3600), ("stunden", 3600), ("hora", 3600), ("horas", 3600),
        ("day", 86400), ("days", 86400), ("jour", 86400), ("jours", 86400), ("tag", 86400), ("tage", 86400), ("tagen", 86400),
        ("día", 86400), ("días", 86400), ("dia", 86400), ("dias", 86400),
    ];

    /// <summary>Finds the first delay the text asks for.</summary>
    /// <param name="text">Any text; nothing in it makes this throw.</param>
    /// <param name="delay">The delay, more than zero and at most <see cref="Longest"/>.</param>
    /// <param name="range">Where the delay's number and unit stand in <paramref name="text"/>.</param>
    /// <returns>True when the text names a delay.</returns>
    public static bool TryFind(ReadOnlySpan<char> text, out TimeSpan delay, out Range range)
    {
        int i = 0;
        while (i < text.Length)
        {
            int rel = text[i..].IndexOfAny(Digits);
            if (rel < 0)
                break;
            int start = i + rel;
            int end = start;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
                end++;
            i = end;

            // A number inside a word, an address, a code (4.7.1) or a clock is not a count.
            if (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '.' or ':' or ',' or '#'))
                continue;
            // The words before the number first: most numbers of a reply (codes, addresses, counts) have no preposition of time.
            if (end - start > MaxDigits || !HasCue(text, start))
                continue;
            if (!TryReadDuration(text, start, end, out long seconds, out int stop) || seconds <= 0)
                continue;

            delay = seconds >= (long)Longest.TotalSeconds ? Longest : TimeSpan.FromSeconds(seconds);
            range = new Range(start, stop);
            return true;
        }

        delay = default;
        range = default;
        return false;
    }

    // The digits at [start, end) and what follows them: "h:mm:ss", or a number with up to three decimals and a unit word.
    private static bool TryReadDuration(ReadOnlySpan<char> text, int start, int end, out long seconds, out int stop)
    {
        seconds = 0;
        stop = end;
        long value = 0;
        for (int k = start; k < end; k++)
            value = (value * 10) + (text[k] - '0');

        if (end < text.Length && text[end] == ':')
            return TryReadClockDuration(text, end, value, out seconds, out stop);

        int p = end;
        long fraction = 0, scale = 1;
        if (p + 1 < text.Length && text[p] == '.' && char.IsAsciiDigit(text[p + 1]))
        {
            p++;
            while (p < text.Length && char.IsAsciiDigit(text[p]) && scale < 1000)
            {
                fraction = (fraction * 10) + (text[p] - '0');
                scale *= 10;
                p++;
            }

            if (p < text.Length && (char.IsAsciiDigit(text[p]) || text[p] == '.'))
                return false;
        }

        int spaces = 0;
        while (p < text.Length && text[p] is ' ' or '\u00A0' && spaces < 2)
        {
            p++;
            spaces++;
        }

        int unitStart = p;
        while (p < text.Length && char.IsLetter(text[p]))
        {
            if (p - unitStart == MaxUnitLength)
                return false;
            p++;
        }

        int unit = UnitSeconds(text[unitStart..p]);
        if (unit == 0)
            return false;
        seconds = (value * unit) + (fraction * unit / scale);
        stop = p;
        return true;
    }

    // "00:29:46" (milter-greylist's %R): hours, then minutes and seconds of two digits each. A two-part "12:34" is a clock time.
    private static bool TryReadClockDuration(ReadOnlySpan<char> text, int colon, long hours, out long seconds, out int stop)
    {
        seconds = 0;
        stop = colon;
        if (colon + 6 > text.Length || text[colon + 3] != ':' ||
            !TwoDigits(text, colon + 1, out int minutes) || !TwoDigits(text, colon + 4, out int secs) || minutes > 59 || secs > 59)
            return false;
        stop = colon + 6;
        if (stop < text.Length && (char.IsAsciiDigit(text[stop]) || text[stop] == ':'))
            return false;
        seconds = (hours * 3600) + (minutes * 60) + secs;
        return true;
    }

    private static bool TwoDigits(ReadOnlySpan<char> text, int at, out int value)
    {
        value = 0;
        if (!char.IsAsciiDigit(text[at]) || !char.IsAsciiDigit(text[at + 1]))
            return false;
        value = ((text[at] - '0') * 10) + (text[at + 1] - '0');
        return true;
    }

    private static int UnitSeconds(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
            return 0;
        foreach (var (unit, seconds) in Units)
        {
            if (word.Equals(unit, StringComparison.OrdinalIgnoreCase))
                return seconds;
        }

        return 0;
    }

    // A preposition of time just before the number, and a word of retrying shortly before it ("wait" is both).
    private static bool HasCue(ReadOnlySpan<char> text, int number)
    {
        int wordEnd = number;
        while (wordEnd > 0 && number - wordEnd < 2 && text[wordEnd - 1] is ' ' or '\u00A0')
            wordEnd--;
        if (wordEnd == number)
            return false;
        int wordStart = wordEnd;
        while (wordStart > 0 && wordEnd - wordStart < MaxUnitLength && char.IsLetter(text[wordStart - 1]))
            wordStart--;
        if (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
            return false;

        var word = text[wordStart..wordEnd];
        if (word.Equals("wait", StringComparison.OrdinalIgnoreCase))
            return true;
        if (!IsPreposition(word))
            return false;

        int from = Math.Max(0, wordStart - CueWindow);
        foreach (var cue in Cues)
        {
            if (AsciiSearch.IndexOfIgnoreCase(text, from, wordStart, cue) >= 0)
                return true;
        }

        return false;
    }

    private static bool IsPreposition(ReadOnlySpan<char> word)
    {
        foreach (var preposition in Prepositions)
        {
            if (word.Equals(preposition, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }
}
