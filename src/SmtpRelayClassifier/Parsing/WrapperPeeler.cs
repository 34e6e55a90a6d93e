using System;
using SmtpRelayClassifier.Parsing;
using static SmtpRelayClassifier.Parsing.AsciiSearch;

namespace SmtpRelayClassifier.Parsing;

/// <summary>
/// Peels the wrappers that quote a reply: DSN <c>Diagnostic-Code:</c>, Exim's <c>SMTP error from remote mail server
/// after …:</c>, Postfix's <c>host … said:</c>, Outlook's <c>Server Response: '…'</c>, Exchange's <c>Remote Server
/// returned '…'</c> and System.Net.Mail's <c>The server response was:</c>. Markers are looked for in windows counted
/// in characters (<see cref="CharWindows{T}"/>). Allocation-free.
/// </summary>
internal static class WrapperPeeler
{
    /// <summary>How far into the input a wrapper's marker, or a mailbox, is looked for, in characters. Wrappers are short; a reply hidden deeper in a large text is not a reply of that text.</summary>
    public const int WrapperSearchWindow = 1024;

    /// <summary>Removes the wrapper that starts the text between <paramref name="start"/> and <paramref name="end"/>, if any.</summary>
    public static bool PeelWrapper<T>(
        ReadOnlySpan<T> s,
        ref CharWindows<T> windows,
        ref int start,
        ref int end,
        ref SmtpReplyWrappers wrappers,
        ref SmtpStage stage,
        ref Range mailbox,
        ref Range host)
        where T : unmanaged, IEquatable<T>
    {
        if (StartsWithIgnoreCase(s, start, end, "diagnostic-code:"))
        {
            start += 16;
            SkipBlanks(s, ref start, end);
            wrappers |= SmtpReplyWrappers.DsnDiagnosticCode;
            return true;
        }

        if (StartsWithIgnoreCase(s, start, end, "smtp;"))
        {
            start += 5;
            SkipBlanks(s, ref start, end);
            wrappers |= SmtpReplyWrappers.DsnDiagnosticCode;
            return true;
        }

        int window = windows.After(start, end, WrapperSearchWindow);

        // Exim: "SMTP error from remote mail server after RCPT TO:<bob@example.org>: 550 ..."
        int exim = IndexOfIgnoreCase(s, start, window, "smtp error from remote mail server after ");
        if (exim >= 0)
        {
            int pos = exim + 41;
            if (StartsWithIgnoreCase(s, pos, end, "pipelined "))
                pos += 10;
            stage = ReadCommandStage(s, pos, windows.After(pos, end, 20));
            int colonFrom = pos;
            int lt = IndexOf(s, pos, windows.After(pos, end, 24), '<');
            if (lt >= 0)
            {
                int gt = IndexOf(s, lt + 1, windows.After(lt + 1, end, 512), '>');
                if (gt > lt)
                {
                    if (gt > lt + 1)
                        mailbox = (lt + 1)..gt;
                    colonFrom = gt + 1;
                }
            }

            int colon = IndexOf(s, colonFrom, windows.After(colonFrom, end, 256), ':');
            if (colon < 0)
                return false;
            start = colon + 1;
            SkipWhitespace(s, ref start, end);
            // Older Exim: "...: host mx.example.com [192.0.2.1]: 550 ..."
            if (StartsWithIgnoreCase(s, start, end, "host "))
            {
                int close = IndexOfIgnoreCase(s, start, windows.After(start, end, 300), "]:");
                if (close > 0)
                {
                    host = ReadHostName(s, start + 5, close);
                    start = close + 2;
                    SkipWhitespace(s, ref start, end);
                }
            }

            wrappers |= SmtpReplyWrappers.EximRemoteError;
            return true;
        }

        // Postfix: "host mx.example.com[192.0.2.1] said: 554 ..."
        int said = IndexOfIgnoreCase(s, start, window, "said:");
        if (said > start && At(s, said - 1) == ' ')
        {
            said--;
            int hostWord = LastIndexOfIgnoreCase(s, start, said, "host ");
            if (hostWord >= 0)
                host = ReadHostName(s, hostWord + 5, said);
            start = said + 6;
            SkipWhitespace(s, ref start, end);
            wrappers |= SmtpReplyWrappers.PostfixHostSaid;
            return true;
        }

        // Outlook dialog: "Server Response: '550 ...', Port: 25" (French: "Réponse du serveur : '...'").
        if (TryPeelQuoted(s, ref start, ref end, window, "server response:") ||
            TryPeelQuoted(s, ref start, ref end, window, "ponse du serveur :") ||
            TryPeelQuoted(s, ref start, ref end, window, "ponse du serveur:"))
        {
            wrappers |= SmtpReplyWrappers.OutlookServerResponse;
            return true;
        }

        // Exchange NDR: "Remote Server returned '554 5.7.1 <bob@example.org>: Relay access denied'"
        if (TryPeelQuoted(s, ref start, ref end, window, "remote server returned"))
        {
            wrappers |= SmtpReplyWrappers.ExchangeRemoteServerReturned;
            return true;
        }

        // System.Net.Mail: "Mailbox unavailable. The server response was: 5.7.1 Unable to relay"
        int snm = IndexOfIgnoreCase(s, start, window, "the server response was:");
        if (snm >= 0)
        {
            start = snm + 24;
            SkipWhitespace(s, ref start, end);
            wrappers |= SmtpReplyWrappers.SystemNetMailServerResponse;
            return true;
        }

        return false;
    }

    private static bool TryPeelQuoted<T>(ReadOnlySpan<T> s, ref int start, ref int end, int window, string marker)
        where T : unmanaged, IEquatable<T>
    {
        int idx = IndexOfIgnoreCase(s, start, window, marker);
        if (idx < 0)
            return false;
        int pos = idx + marker.Length;
        SkipBlanks(s, ref pos, end);
        if (pos >= end || !IsQuote(s, pos, end, out int quoteLength))
            return false;
        pos += quoteLength;

        // The value ends at the quote that closes it: one followed by ',' or '.' or the end of the input. Replies
        // hold apostrophes ("isn't in my list"), so a quote followed by a letter does not end it.
        int close = end;
        var apostrophe = CodeUnit.From<T>('\'');
        var typographic = CodeUnit.From<T>(typeof(T) == typeof(char) ? 0x2019 : 0xE2);
        for (int i = pos; i < end; i++)
        {
            int rel = s[i..end].IndexOfAny(apostrophe, typographic);
            if (rel < 0)
                break;
            i += rel;
            if (!IsQuote(s, i, end, out int qlen))
                continue;
            int after = i + qlen;
            while (after < end && At(s, after) is ' ' or '\t')
                after++;
            if (after >= end || At(s, after) is ',' or '.' or ';' or '\r' or '\n')
            {
                close = i;
                break;
            }
        }

        start = pos;
        end = close;
        TrimWhitespace(s, ref start, ref end);
        return true;
    }

    // ' or the typographic ’ (U+2019; E2 80 99 in UTF-8).
    private static bool IsQuote<T>(ReadOnlySpan<T> s, int pos, int end, out int length)
        where T : unmanaged, IEquatable<T>
    {
        int c = At(s, pos);
        length = 1;
        if (c == '\'' || (typeof(T) == typeof(char) && c == 0x2019))
            return true;
        if (typeof(T) == typeof(byte) && c == 0xE2 && pos + 2 < end && At(s, pos + 1) == 0x80 && At(s, pos + 2) == 0x99)
        {
            length = 3;
            return true;
        }

        return false;
    }

    /// <summary>Reads the SMTP command named at <paramref name="pos"/> ("RCPT TO", "end of DATA", ...).</summary>
    public static SmtpStage ReadCommandStage<T>(ReadOnlySpan<T> s, int pos, int end)
        where T : unmanaged, IEquatable<T>
    {
        if (StartsWithIgnoreCase(s, pos, end, "rcpt"))
            return SmtpStage.Rcpt;
        if (StartsWithIgnoreCase(s, pos, end, "mail"))
            return SmtpStage.Mail;
        if (StartsWithIgnoreCase(s, pos, end, "end of data") || StartsWithIgnoreCase(s, pos, end, "end of bdat"))
            return SmtpStage.EndOfData;
        if (StartsWithIgnoreCase(s, pos, end, "data") || StartsWithIgnoreCase(s, pos, end, "bdat"))
            return SmtpStage.Data;
        if (StartsWithIgnoreCase(s, pos, end, "ehlo") || StartsWithIgnoreCase(s, pos, end, "helo") || StartsWithIgnoreCase(s, pos, end, "lhlo"))
            return SmtpStage.Ehlo;
        if (StartsWithIgnoreCase(s, pos, end, "starttls"))
            return SmtpStage.StartTls;
        if (StartsWithIgnoreCase(s, pos, end, "auth"))
            return SmtpStage.Auth;
        if (StartsWithIgnoreCase(s, pos, end, "initial") || StartsWithIgnoreCase(s, pos, end, "connect") || StartsWithIgnoreCase(s, pos, end, "greeting"))
            return SmtpStage.Connect;
        return SmtpStage.Unknown;
    }

    private static Range ReadHostName<T>(ReadOnlySpan<T> s, int from, int end)
        where T : unmanaged, IEquatable<T>
    {
        int i = from;
        while (i < end && At(s, i) is not (' ' or '[' or '\t' or ':'))
            i++;
        return i > from ? from..i : default;
    }
}
