using System;
using SmtpRelayClassifier.Parsing;
using static SmtpRelayClassifier.Parsing.AsciiSearch;

namespace SmtpRelayClassifier.Parsing;

/// <summary>
/// The reply parser's machinery, written once for UTF-16 (<c>char</c>) and UTF-8 (<c>byte</c>) input: every structural
/// element of a reply and of its wrappers is ASCII, so both are read as code units compared with ASCII values.
/// Bounds-checked, allocation-free, and linear in the input length. Wrappers are peeled by <see cref="WrapperPeeler"/>;
/// every search window is counted in characters (<see cref="CharWindows{T}"/>), so chars and UTF-8 bytes of the same
/// reply give the same result.
/// </summary>
internal static class ReplyScanner
{
    // How far back from the end qmail's "(#5.7.1)" or Postfix's "(in reply to ... command)" may start.
    private const int TrailerWindow = 64;

    // How far after a head's reply code an enhanced code it lacks is looked for, in characters.
    private const int AfterCodeWindow = 16;

    public static SmtpReply Scan<T>(ReadOnlySpan<T> s)
        where T : unmanaged, IEquatable<T>
    {
        int start = 0;
        int end = s.Length;
        TrimWhitespace(s, ref start, ref end);
        var windows = new CharWindows<T>(s);

        var wrappers = SmtpReplyWrappers.None;
        var stage = SmtpStage.Unknown;
        Range mailbox = default;
        Range host = default;

        // Peel wrappers. Each pass removes one; the bound keeps hostile input linear.
        for (int pass = 0; pass < 6 && start < end && !IsDigit(At(s, start)); pass++)
        {
            if (!WrapperPeeler.PeelWrapper(s, ref windows, ref start, ref end, ref wrappers, ref stage, ref mailbox, ref host))
                break;
        }

        int pos = start;
        int code = 0;
        Range codeRange = default;
        Range enhancedRange = default;
        bool continues = false;
        if (TryReadReplyCode(s, pos, end, out int value))
        {
            code = value;
            codeRange = pos..(pos + 3);
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
            enhancedRange = pos..(pos + headLength);
            pos += headLength;
            // Exchange Online writes "5.7.1. Unable To Relay".
            if (pos < end && At(s, pos) == '.')
                pos++;
            SkipBlanks(s, ref pos, end);
        }

        bool headHasEnhanced = !enhanced.IsEmpty;
        int textStart = pos;
        int lineCount = end > start ? 1 : 0;

        // Walk the remaining lines: a continuation line repeats the code, followed by '-' (more) or ' ' (last). A line that
        // starts with a failure code after a success or intermediate reply is the next reply of a transcript: the failure
        // is the one chosen.
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
            if (code != 0 && TryReadReplyCode(s, next, end, out int lineCode) && (lineCode == code || (code < 400 && lineCode >= 400)))
            {
                if (lineCode != code)
                {
                    code = lineCode;
                    codeRange = next..(next + 3);
                    int at = next + 4;
                    bool paired = TryReadEnhancedCode(s[..end], at, out var lineEnhanced, out int lineLength) && IsAfterEnhancedCode(s, at + lineLength, end);
                    enhanced = paired ? lineEnhanced : default;
                    enhancedRange = paired ? at..(at + lineLength) : default;
                }
                else if (enhanced.IsEmpty && TryReadEnhancedCode(s[..end], next + 4, out var later, out int laterLength) && IsAfterEnhancedCode(s, next + 4 + laterLength, end))
                {
                    // "550-Mailbox unknown. …\n550 5.1.1 User unknown": a later line of the reply carries the enhanced code.
                    enhanced = later;
                    enhancedRange = (next + 4)..(next + 4 + laterLength);
                }

                continues = next + 3 < end && At(s, next + 3) == '-';
            }
            else
            {
                continues = false;
            }
            cursor = next;
        }

        int textEnd = end;

        // Postfix: "... (in reply to RCPT TO command)" names the command the reply answered.
        if (textEnd - textStart > 0 && At(s, textEnd - 1) == ')')
        {
            int windowStart = windows.Before(textStart, textEnd, TrailerWindow);
            int idx = LastIndexOfIgnoreCase(s, windowStart, textEnd, "(in reply to ");
            if (idx >= 0)
            {
                var trailerStage = WrapperPeeler.ReadCommandStage(s, idx + 13, textEnd - 1);
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
            int windowStart = windows.Before(textStart, textEnd, TrailerWindow);
            int idx = s[windowStart..textEnd].LastIndexOf(CodeUnit.From<T>('#'));
            if (idx > 0 && At(s, windowStart + idx - 1) == '(' && TryReadEnhancedCode(s, windowStart + idx + 1, out var tailCode, out int tailLength))
            {
                enhanced = tailCode;
                enhancedRange = (windowStart + idx + 1)..(windowStart + idx + 1 + tailLength);
            }
        }

        // Codes the head lacks, from wherever they stand in the text.
        // Codes the head lacks: anywhere in the text when it has none; when it has a reply code only, just after it
        // ("550 #5.1.0", "550 (5.7.1):", "550 550 5.1.1"), so that the common case pays for no scan of the text.
        if (code == 0 && !headHasEnhanced && textEnd > textStart)
            FillFromText(s, textStart, textEnd, textEnd, takeCode: true, ref code, ref codeRange, ref enhanced, ref enhancedRange);
        else if (enhanced.IsEmpty && textEnd > textStart)
            FillFromText(s, textStart, windows.After(textStart, textEnd, AfterCodeWindow), textEnd, takeCode: false, ref code, ref codeRange, ref enhanced, ref enhancedRange);

        if (mailbox.Equals(default(Range)))
            mailbox = FindMailbox(s, ref windows, textStart, textEnd);

        return new SmtpReply(code, enhanced, codeRange, enhancedRange, stage, wrappers, textStart..textEnd, mailbox, host, lineCount, continues);
    }

    /// <summary>
    /// Takes what the head lacks from the first failure code starting before <paramref name="limit"/> (class 4 or 5) of the text whose class agrees with the class
    /// already known (the head's, or the first code found's): a quoted remote rejection never changes the class of the
    /// local reply that quotes it. A head with an enhanced code but no reply code (<paramref name="takeCode"/> false) keeps
    /// it so: its enhanced code carries the class.
    /// </summary>
    private static void FillFromText<T>(ReadOnlySpan<T> s, int from, int limit, int end, bool takeCode, ref int code, ref Range codeRange, ref EnhancedStatusCode enhanced, ref Range enhancedRange)
        where T : unmanaged, IEquatable<T>
    {
        int knownClass = code != 0 ? code / 100 : enhanced.Class;
        int pos = from;
        while (((takeCode && code == 0) || enhanced.IsEmpty) && CodeFinder.TryFindNext(s, ref pos, limit, end, out var found, out int enhancedStart))
        {
            int foundClass = found.Code != 0 ? found.Code / 100 : found.EnhancedStatusCode.Class;
            if (foundClass is not (4 or 5) || (knownClass != 0 && foundClass != knownClass))
                continue;
            if (takeCode && code == 0 && found.Code != 0)
            {
                code = found.Code;
                codeRange = found.Range.Start..(found.Range.Start.Value + 3);
            }

            if (enhanced.IsEmpty && !found.EnhancedStatusCode.IsEmpty)
            {
                enhanced = found.EnhancedStatusCode;
                enhancedRange = enhancedStart..found.Range.End.Value;
            }

            knownClass = foundClass;
        }
    }

    /// <summary>
    /// Builds MailKit's form of the text: each line's text without its code, joined with '\n'. The same text whatever
    /// the form of the input; <paramref name="whole"/>, when given, is <paramref name="s"/> as a string, returned
    /// instead of a copy when the text is all of it.
    /// </summary>
    public static string NormalizeText(ReadOnlySpan<char> s, in SmtpReply reply, string? whole = null)
    {
        var (offset, length) = reply.Text.GetOffsetAndLength(s.Length);
        var text = s.Slice(offset, length);
        if (!NeedsNormalizing(s, reply))
            return whole is not null && offset == 0 && length == whole.Length ? whole : text.ToString();

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

    /// <summary>False when <see cref="NormalizeText"/> gives the reply's text range as it stands (a text of one line).</summary>
    public static bool NeedsNormalizing(ReadOnlySpan<char> s, in SmtpReply reply)
    {
        if (reply.LineCount <= 1)
            return false;
        var (offset, length) = reply.Text.GetOffsetAndLength(s.Length);
        return FindLineBreak(s.Slice(offset, length), 0, length, out _) >= 0;
    }

    public static bool TryReadEnhancedCode<T>(ReadOnlySpan<T> s, int pos, out EnhancedStatusCode code, out int length)
        where T : unmanaged, IEquatable<T> => EnhancedStatusCode.TryRead(s, pos, out code, out length);

    /// <summary>Finds the next line break: CRLF, LF, CR, or the two characters '\' 'n' (or "\r\n" written out) of logs.</summary>
    public static int FindLineBreak<T>(ReadOnlySpan<T> s, int from, int end, out int length)
        where T : unmanaged, IEquatable<T>
    {
        var cr = CodeUnit.From<T>('\r');
        var lf = CodeUnit.From<T>('\n');
        var backslash = CodeUnit.From<T>('\\');
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

    private static Range FindMailbox<T>(ReadOnlySpan<T> s, ref CharWindows<T> windows, int start, int end)
        where T : unmanaged, IEquatable<T>
    {
        int window = windows.After(start, end, WrapperPeeler.WrapperSearchWindow);

        // "<bob@example.org>"
        int lt = IndexOf(s, start, window, '<');
        while (lt >= 0)
        {
            int gt = IndexOf(s, lt + 1, windows.After(lt + 1, end, 320), '>');
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
        where T : unmanaged, IEquatable<T>
    {
        if (!TryReadCodeDigits(s, pos, end, out code))
            return false;
        if (pos + 3 < end)
        {
            int next = At(s, pos + 3);
            bool legal = next is ' ' or '-' or '\t' or '\r' or '\n' ||
                (next == '\\' && pos + 4 < end && At(s, pos + 4) is 'n' or 'r');
            if (!legal)
            {
                code = 0;
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the three digits of a reply code of class 2 to 5 at <paramref name="pos"/>, whatever follows them.</summary>
    public static bool TryReadCodeDigits<T>(ReadOnlySpan<T> s, int pos, int end, out int code)
        where T : unmanaged, IEquatable<T>
    {
        code = 0;
        if (pos + 3 > end)
            return false;
        int a = At(s, pos), b = At(s, pos + 1), c = At(s, pos + 2);
        if (a is < '2' or > '5' || !IsDigit(b) || !IsDigit(c))
            return false;
        code = ((a - '0') * 100) + ((b - '0') * 10) + (c - '0');
        return true;
    }

    /// <summary>True when what stands at <paramref name="pos"/> may follow an enhanced code: the end, a blank, punctuation, a closing bracket or quote, non-ASCII text.</summary>
    public static bool IsAfterEnhancedCode<T>(ReadOnlySpan<T> s, int pos, int end)
        where T : unmanaged, IEquatable<T>
    {
        if (pos >= end)
            return true;
        int c = At(s, pos);
        return c is ' ' or '\t' or '\r' or '\n' or '.' or ';' or ',' or ':' or '\\' or ')' or ']' or '"' or '\'' or '>' or '-' || c >= 0x80;
    }
}
