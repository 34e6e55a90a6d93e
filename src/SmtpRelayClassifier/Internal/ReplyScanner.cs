using System;
using System.Numerics;
using SmtpRelayClassifier.Classification;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Internal;

/// <summary>
/// The reply parser's machinery, written once for UTF-16 (<c>char</c>) and UTF-8 (<c>byte</c>) input: every structural
/// element of a reply and of its wrappers is ASCII, so both are read as code units compared with ASCII values.
/// Bounds-checked, allocation-free, and linear in the input length.
/// </summary>
internal static class ReplyScanner
{
    // How far into the input a wrapper's marker is looked for. Wrappers are short; a reply hidden deeper in a
    // large text is not a reply of that text.
    private const int WrapperSearchWindow = 1024;

    // How far back from the end qmail's "(#5.7.1)" or Postfix's "(in reply to ... command)" may start.
    private const int TrailerWindow = 64;

    public static SmtpReply Scan<T>(ReadOnlySpan<T> s)
        where T : unmanaged, IBinaryInteger<T>
    {
        int start = 0;
        int end = s.Length;
        TrimWhitespace(s, ref start, ref end);

        var wrappers = SmtpReplyWrappers.None;
        var stage = SmtpStage.Unknown;
        Range mailbox = default;
        Range host = default;

        // Peel wrappers. Each pass removes one; the bound keeps hostile input linear.
        for (int pass = 0; pass < 6 && start < end && !IsDigit(At(s, start)); pass++)
        {
            if (!PeelWrapper(s, ref start, ref end, ref wrappers, ref stage, ref mailbox, ref host))
                break;
        }

        int pos = start;
        int code = 0;
        bool continues = false;
        if (TryReadReplyCode(s, pos, end, out int value))
        {
            code = value;
            pos += 3;
            if (pos < end && At(s, pos) == '-')
            {
                continues = true;
                pos++;
            }
            else if (pos < end && At(s, pos) is ' ' or '\t')
            {
                pos++;
            }
        }

        SkipBlanks(s, ref pos, end);
        var enhanced = default(EnhancedStatusCode);
        if (TryReadEnhancedCode(s, pos, out var headCode, out int headLength) && IsAfterEnhancedCode(s, pos + headLength, end))
        {
            enhanced = headCode;
            pos += headLength;
            // Exchange Online writes "5.7.1. Unable To Relay".
            if (pos < end && At(s, pos) == '.')
                pos++;
            SkipBlanks(s, ref pos, end);
        }

        int textStart = pos;
        int lineCount = end > start ? 1 : 0;

        // Walk the remaining lines: a continuation line repeats the code, followed by '-' (more) or ' ' (last).
        int cursor = textStart;
        while (cursor < end)
        {
            int breakAt = FindLineBreak(s, cursor, end, out int breakLength);
            if (breakAt < 0)
                break;
            int next = breakAt + breakLength;
            if (next >= end)
                break;
            lineCount++;
            if (code != 0 && TryReadReplyCode(s, next, end, out int lineCode) && lineCode == code)
                continues = next + 3 < end && At(s, next + 3) == '-';
            else
                continues = false;
            cursor = next;
        }

        int textEnd = end;

        // Postfix: "... (in reply to RCPT TO command)" names the command the reply answered.
        if (textEnd - textStart > 0 && At(s, textEnd - 1) == ')')
        {
            int windowStart = Math.Max(textStart, textEnd - TrailerWindow);
            int idx = LastIndexOfIgnoreCase(s, windowStart, textEnd, "(in reply to ");
            if (idx >= 0)
            {
                var trailerStage = ReadCommandStage(s, idx + 13, textEnd - 1);
                if (stage == SmtpStage.Unknown)
                    stage = trailerStage;
                wrappers |= SmtpReplyWrappers.PostfixInReplyTo;
                textEnd = idx;
                TrimEnd(s, textStart, ref textEnd);
            }
        }

        // qmail puts the enhanced code at the end: "... (#5.7.1)", chkuser "(#5.5.3 - chkuser)".
        if (enhanced.IsEmpty && textEnd - textStart > 3)
        {
            int windowStart = Math.Max(textStart, textEnd - TrailerWindow);
            int idx = s[windowStart..textEnd].LastIndexOf(T.CreateTruncating('#'));
            if (idx > 0 && At(s, windowStart + idx - 1) == '(' && TryReadEnhancedCode(s, windowStart + idx + 1, out var tailCode, out _))
                enhanced = tailCode;
        }

        if (mailbox.Equals(default(Range)))
            mailbox = FindMailbox(s, textStart, textEnd);

        return new SmtpReply(code, enhanced, stage, wrappers, textStart..textEnd, mailbox, host, lineCount, continues);
    }

    /// <summary>Builds MailKit's form of the text: each line's text without its code, joined with '\n'.</summary>
    public static string NormalizeText(ReadOnlySpan<char> s, in SmtpReply reply)
    {
        var (offset, length) = reply.Text.GetOffsetAndLength(s.Length);
        var text = s.Slice(offset, length);
        if (reply.LineCount <= 1 || FindLineBreak(text, 0, text.Length, out _) < 0)
            return text.ToString();

        // Multi-line: the result is never longer than the range itself.
        char[]? rented = null;
        Span<char> buffer = length <= 512 ? stackalloc char[length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length));
        int written = 0;
        int cursor = 0;
        bool first = true;
        while (cursor <= text.Length)
        {
            int breakAt = FindLineBreak(text, cursor, text.Length, out int breakLength);
            int lineEnd = breakAt < 0 ? text.Length : breakAt;
            int lineStart = cursor;
            if (!first && reply.Code != 0 && TryReadReplyCode(text, lineStart, lineEnd, out int lineCode) && lineCode == reply.Code)
            {
                lineStart += 3;
                if (lineStart < lineEnd && text[lineStart] is '-' or ' ')
                    lineStart++;
            }

            if (!first)
                buffer[written++] = '\n';
            text[lineStart..lineEnd].CopyTo(buffer[written..]);
            written += lineEnd - lineStart;
            first = false;
            if (breakAt < 0)
                break;
            cursor = breakAt + breakLength;
        }

        string result = buffer[..written].ToString();
        if (rented is not null)
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    public static bool TryReadEnhancedCode<T>(ReadOnlySpan<T> s, int pos, out EnhancedStatusCode code, out int length)
        where T : unmanaged, IBinaryInteger<T>
    {
        code = default;
        length = 0;
        if (pos + 5 > s.Length)
            return false;
        int cls = At(s, pos);
        if (cls is not ('2' or '4' or '5') || At(s, pos + 1) != '.')
            return false;
        int i = pos + 2;
        if (!TryReadSmallNumber(s, ref i, out int subject) || i >= s.Length || At(s, i) != '.')
            return false;
        i++;
        if (!TryReadSmallNumber(s, ref i, out int detail))
            return false;
        // "5.7.1.2" or "5.7.1234" is not a code.
        if (i < s.Length && (IsDigit(At(s, i)) || (At(s, i) == '.' && i + 1 < s.Length && IsDigit(At(s, i + 1)))))
            return false;
        code = new EnhancedStatusCode(cls - '0', subject, detail);
        length = i - pos;
        return true;
    }

    /// <summary>Finds the next line break: CRLF, LF, CR, or the two characters '\' 'n' (or "\r\n" written out) of logs.</summary>
    public static int FindLineBreak<T>(ReadOnlySpan<T> s, int from, int end, out int length)
        where T : unmanaged, IBinaryInteger<T>
    {
        var cr = T.CreateTruncating('\r');
        var lf = T.CreateTruncating('\n');
        var backslash = T.CreateTruncating('\\');
        int i = from;
        while (i < end)
        {
            int rel = s[i..end].IndexOfAny(cr, lf, backslash);
            if (rel < 0)
                break;
            i += rel;
            int c = At(s, i);
            if (c == '\n')
            {
                length = 1;
                return i;
            }

            if (c == '\r')
            {
                length = i + 1 < end && At(s, i + 1) == '\n' ? 2 : 1;
                return i;
            }

            // A backslash: "\n" or "\r\n" written out as text.
            if (i + 1 < end && At(s, i + 1) == 'n')
            {
                length = 2;
                return i;
            }

            if (i + 3 < end && At(s, i + 1) == 'r' && At(s, i + 2) == '\\' && At(s, i + 3) == 'n')
            {
                length = 4;
                return i;
            }

            i++;
        }

        length = 0;
        return -1;
    }

    private static bool PeelWrapper<T>(
        ReadOnlySpan<T> s,
        ref int start,
        ref int end,
        ref SmtpReplyWrappers wrappers,
        ref SmtpStage stage,
        ref Range mailbox,
        ref Range host)
        where T : unmanaged, IBinaryInteger<T>
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

        int window = Math.Min(end, start + WrapperSearchWindow);

        // Exim: "SMTP error from remote mail server after RCPT TO:<bob@example.org>: 550 ..."
        int exim = IndexOfIgnoreCase(s, start, window, "smtp error from remote mail server after ");
        if (exim >= 0)
        {
            int pos = exim + 41;
            if (StartsWithIgnoreCase(s, pos, end, "pipelined "))
                pos += 10;
            stage = ReadCommandStage(s, pos, Math.Min(end, pos + 20));
            int colonFrom = pos;
            int lt = IndexOf(s, pos, Math.Min(end, pos + 24), '<');
            if (lt >= 0)
            {
                int gt = IndexOf(s, lt + 1, Math.Min(end, lt + 1 + 512), '>');
                if (gt > lt)
                {
                    if (gt > lt + 1)
                        mailbox = (lt + 1)..gt;
                    colonFrom = gt + 1;
                }
            }

            int colon = IndexOf(s, colonFrom, Math.Min(end, colonFrom + 256), ':');
            if (colon < 0)
                return false;
            start = colon + 1;
            SkipWhitespace(s, ref start, end);
            // Older Exim: "...: host mx.example.com [192.0.2.1]: 550 ..."
            if (StartsWithIgnoreCase(s, start, end, "host "))
            {
                int close = IndexOfIgnoreCase(s, start, Math.Min(end, start + 300), "]:");
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
        where T : unmanaged, IBinaryInteger<T>
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
        for (int i = pos; i < end; i++)
        {
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
        where T : unmanaged, IBinaryInteger<T>
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

    private static SmtpStage ReadCommandStage<T>(ReadOnlySpan<T> s, int pos, int end)
        where T : unmanaged, IBinaryInteger<T>
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
        where T : unmanaged, IBinaryInteger<T>
    {
        int i = from;
        while (i < end && At(s, i) is not (' ' or '[' or '\t' or ':'))
            i++;
        return i > from ? from..i : default;
    }

    private static Range FindMailbox<T>(ReadOnlySpan<T> s, int start, int end)
        where T : unmanaged, IBinaryInteger<T>
    {
        int window = Math.Min(end, start + WrapperSearchWindow);

        // "<bob@example.org>"
        int lt = IndexOf(s, start, window, '<');
        while (lt >= 0)
        {
            int gt = IndexOf(s, lt + 1, Math.Min(end, lt + 1 + 320), '>');
            if (gt < 0)
                break;
            if (IndexOf(s, lt + 1, gt, '@') > lt && IndexOf(s, lt + 1, gt, ' ') < 0)
                return (lt + 1)..gt;
            lt = IndexOf(s, gt + 1, window, '<');
        }

        // Sendmail without brackets: "bob@example.org... Relaying denied"
        int dots = IndexOfIgnoreCase(s, start, window, "...");
        if (dots > start)
        {
            int from = dots;
            while (from > start && At(s, from - 1) is not (' ' or '\t' or ':'))
                from--;
            if (from < dots && IndexOf(s, from, dots, '@') >= 0)
                return from..dots;
        }

        return default;
    }

    private static bool TryReadReplyCode<T>(ReadOnlySpan<T> s, int pos, int end, out int code)
        where T : unmanaged, IBinaryInteger<T>
    {
        code = 0;
        if (pos + 3 > end)
            return false;
        int a = At(s, pos), b = At(s, pos + 1), c = At(s, pos + 2);
        if (a is < '2' or > '5' || !IsDigit(b) || !IsDigit(c))
            return false;
        if (pos + 3 < end)
        {
            int next = At(s, pos + 3);
            bool legal = next is ' ' or '-' or '\t' or '\r' or '\n' ||
                (next == '\\' && pos + 4 < end && At(s, pos + 4) is 'n' or 'r');
            if (!legal)
                return false;
        }

        code = ((a - '0') * 100) + ((b - '0') * 10) + (c - '0');
        return true;
    }

    private static bool IsAfterEnhancedCode<T>(ReadOnlySpan<T> s, int pos, int end)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (pos >= end)
            return true;
        int c = At(s, pos);
        return c is ' ' or '\t' or '\r' or '\n' or '.' or ';' or ',' or ':' or '\\';
    }

    private static bool TryReadSmallNumber<T>(ReadOnlySpan<T> s, ref int i, out int value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        int digits = 0;
        while (i < s.Length && IsDigit(At(s, i)))
        {
            if (++digits > 3)
                return false;
            value = (value * 10) + (At(s, i) - '0');
            i++;
        }

        return digits > 0;
    }

    private static bool StartsWithIgnoreCase<T>(ReadOnlySpan<T> s, int pos, int end, string lowerAscii)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (pos < 0 || pos + lowerAscii.Length > end)
            return false;
        for (int i = 0; i < lowerAscii.Length; i++)
        {
            int c = At(s, pos + i);
            if (c is >= 'A' and <= 'Z')
                c |= 0x20;
            if (c != lowerAscii[i])
                return false;
        }

        return true;
    }

    private static int IndexOfIgnoreCase<T>(ReadOnlySpan<T> s, int from, int end, string lowerAscii)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (from >= end)
            return -1;
        char first = lowerAscii[0];
        var lower = T.CreateTruncating(first);
        var upper = T.CreateTruncating(first is >= 'a' and <= 'z' ? (char)(first - 0x20) : first);
        int i = from;
        int last = end - lowerAscii.Length;
        while (i <= last)
        {
            int rel = s[i..(last + 1)].IndexOfAny(lower, upper);
            if (rel < 0)
                return -1;
            i += rel;
            if (StartsWithIgnoreCase(s, i, end, lowerAscii))
                return i;
            i++;
        }

        return -1;
    }

    private static int LastIndexOfIgnoreCase<T>(ReadOnlySpan<T> s, int from, int end, string lowerAscii)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int i = end - lowerAscii.Length; i >= from; i--)
        {
            if (StartsWithIgnoreCase(s, i, end, lowerAscii))
                return i;
        }

        return -1;
    }

    private static int IndexOf<T>(ReadOnlySpan<T> s, int from, int end, char value)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (from >= end)
            return -1;
        int rel = s[from..end].IndexOf(T.CreateTruncating(value));
        return rel < 0 ? -1 : from + rel;
    }

    private static void TrimWhitespace<T>(ReadOnlySpan<T> s, ref int start, ref int end)
        where T : unmanaged, IBinaryInteger<T>
    {
        SkipWhitespace(s, ref start, end);
        TrimEnd(s, start, ref end);
    }

    private static void TrimEnd<T>(ReadOnlySpan<T> s, int start, ref int end)
        where T : unmanaged, IBinaryInteger<T>
    {
        while (end > start && IsWhitespace(At(s, end - 1)))
            end--;
        // A trailing written-out "\n" or "\r\n" of a log line.
        while (end - start >= 2 && At(s, end - 2) == '\\' && At(s, end - 1) is 'n' or 'r')
        {
            end -= 2;
            while (end > start && IsWhitespace(At(s, end - 1)))
                end--;
        }
    }

    private static void SkipWhitespace<T>(ReadOnlySpan<T> s, ref int pos, int end)
        where T : unmanaged, IBinaryInteger<T>
    {
        while (pos < end && IsWhitespace(At(s, pos)))
            pos++;
    }

    private static void SkipBlanks<T>(ReadOnlySpan<T> s, ref int pos, int end)
        where T : unmanaged, IBinaryInteger<T>
    {
        while (pos < end && At(s, pos) is ' ' or '\t')
            pos++;
    }

    private static bool IsWhitespace(int c) => c is ' ' or '\t' or '\r' or '\n' or '\f' or '\v' or 0xA0;

    private static bool IsDigit(int c) => (uint)(c - '0') <= 9;

    private static int At<T>(ReadOnlySpan<T> s, int i)
        where T : unmanaged, IBinaryInteger<T> => int.CreateTruncating(s[i]);
}
