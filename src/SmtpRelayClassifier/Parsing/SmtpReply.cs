using System;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Parsing;

/// <summary>
/// What <see cref="SmtpReplyParser"/> found in a text: the reply code, the enhanced status code, the command stage
/// named by a wrapper, and where the codes, the text, the mailbox and the remote host lie in the parsed input.
/// </summary>
/// <remarks>
/// <para>
/// Codes are found wherever they stand: at the head of the text or of a wrapper's quoted reply, and, for what the head
/// lacks, anywhere in the text (after <c>#</c>, quotes, brackets, field labels, host names and timestamps, and in prose
/// such as "the server responded with 550 5.1.1"). A text may hold several; <see cref="EnumerateCodes(ReadOnlySpan{char})"/>
/// walks them all. The ones <b>chosen</b> for <see cref="Code"/> and <see cref="EnhancedStatusCode"/> are those of the
/// reply the client received: the head's codes when it has them, because their class says what the client must do — a
/// local <c>451 4.4.0</c> or <c>450 4.1.1</c> deferral that quotes a remote <c>550 5.1.1</c> is a deferral the local
/// server will retry (TAXONOMY: the kind follows the wording, which still holds the quoted reply; the transience
/// follows the head's class). What the head lacks is taken from the first failure code (class 4 or 5) of the text whose
/// class agrees with the class already known, so a code found elsewhere never turns a deferral into a permanent failure
/// or the reverse. In prose only class 4 and 5 count; parts of IP addresses, dotted numbers, versions, times, sizes and
/// counts are not codes.
/// </para>
/// <para>
/// A value type that holds offsets, not copies: <see cref="Text"/>, <see cref="Mailbox"/> and
/// <see cref="RemoteHost"/> are ranges of the span that was parsed (characters for a <c>char</c> span, bytes for a
/// UTF-8 span). Parsing allocates nothing; <see cref="GetText(ReadOnlySpan{char})"/> allocates the string it returns.
/// Immutable and thread-safe.
/// </para>
/// </remarks>
public readonly struct SmtpReply
{
    internal SmtpReply(
        int code,
        EnhancedStatusCode enhancedStatusCode,
        Range codeRange,
        Range enhancedCodeRange,
        SmtpStage stage,
        SmtpReplyWrappers wrappers,
        Range text,
        Range mailbox,
        Range remoteHost,
        int lineCount,
        bool isTruncated)
    {
        Code = code;
        EnhancedStatusCode = enhancedStatusCode;
        CodeRange = codeRange;
        EnhancedCodeRange = enhancedCodeRange;
        Stage = stage;
        Wrappers = wrappers;
        Text = text;
        Mailbox = mailbox;
        RemoteHost = remoteHost;
        LineCount = lineCount;
        IsTruncated = isTruncated;
    }

    /// <summary>
    /// True when the input held a reply: a three-digit reply code, an enhanced status code, or both. False means
    /// "not a reply": <see cref="Text"/> then covers the trimmed input so that it can still be read as free text.
    /// </summary>
    public bool IsReply => Code != 0 || !EnhancedStatusCode.IsEmpty;

    /// <summary>The three-digit reply code (for example 550): the head's, or the first failure code of the text; 0 when the input carried none.</summary>
    public int Code { get; }

    /// <summary>
    /// The enhanced status code: the head's (RFC 2034), qmail's trailing <c>(#5.7.1)</c>, or the first one of the text whose
    /// class agrees with <see cref="Code"/>; empty when absent.
    /// </summary>
    public EnhancedStatusCode EnhancedStatusCode { get; }

    /// <summary>Where the chosen <see cref="Code"/> stands in the parsed span; the default range when there is none.</summary>
#if NET
    public Range CodeRange { get; }
#else
    internal Range CodeRange { get; }
#endif

    /// <summary>Where the chosen <see cref="EnhancedStatusCode"/> stands in the parsed span; the default range when there is none.</summary>
#if NET
    public Range EnhancedCodeRange { get; }
#else
    internal Range EnhancedCodeRange { get; }
#endif

    /// <summary>The command the reply answered, when a wrapper names it (Postfix <c>(in reply to … command)</c>, Exim <c>after RCPT TO:</c>).</summary>
    public SmtpStage Stage { get; }

    /// <summary>The wrappers that were peeled off around the reply.</summary>
    public SmtpReplyWrappers Wrappers { get; }

    /// <summary>
    /// The reply text after the code and the enhanced code of its first line, up to the end of its last line, without
    /// wrappers. For a multi-line reply the range still holds the later lines' own code prefixes and line breaks:
    /// use <see cref="GetText(ReadOnlySpan{char})"/> for the lines joined with <c>\n</c>.
    /// </summary>
#if NET
    public Range Text { get; }
#else
    internal Range Text { get; }
#endif

    /// <summary>The mailbox the reply names (<c>&lt;bob@example.org&gt;</c>, Sendmail's <c>bob@example.org...</c>, Exim's <c>RCPT TO:&lt;…&gt;</c>), without brackets; empty when none.</summary>
#if NET
    public Range Mailbox { get; }
#else
    internal Range Mailbox { get; }
#endif

    /// <summary>The remote host a wrapper names (Postfix <c>host mx.example.com[192.0.2.1] said:</c>), empty when none.</summary>
#if NET
    public Range RemoteHost { get; }
#else
    internal Range RemoteHost { get; }
#endif

    /// <summary>The number of lines of the reply (1 for a single-line reply; 0 when the input was empty).</summary>
    public int LineCount { get; }

    /// <summary>True when the last line seen announced another one (<c>550-…</c>): the multi-line reply was cut short.</summary>
    public bool IsTruncated { get; }

    /// <summary>True when <see cref="Mailbox"/> is not empty.</summary>
    public bool HasMailbox => !Mailbox.Equals(default(Range));

    /// <summary>True when <see cref="RemoteHost"/> is not empty.</summary>
    public bool HasRemoteHost => !RemoteHost.Equals(default(Range));

    /// <summary>
    /// Returns the reply text as MailKit presents it: the text of every line, with the reply code and separator of
    /// each line removed, joined with <c>\n</c>. The enhanced status code of the first line is not included.
    /// </summary>
    /// <param name="source">The span this reply was parsed from.</param>
    /// <returns>The text; empty for a bare code.</returns>
    public string GetText(ReadOnlySpan<char> source) => ReplyScanner.NormalizeText(source, this);

    /// <summary>
    /// Walks every code of <paramref name="source"/> in order, with its position: the head's, those of quoted replies,
    /// of later lines of a transcript and of prose. Allocation-free: use the result with <c>foreach</c>.
    /// </summary>
    /// <param name="source">The span this reply was parsed from.</param>
    /// <returns>An enumerator of <see cref="SmtpCodeOccurrence"/> values.</returns>
    public static SmtpCodeEnumerator EnumerateCodes(ReadOnlySpan<char> source) => new(source);

    /// <summary>Returns the mailbox named in the reply, or null when it names none.</summary>
    /// <param name="source">The span this reply was parsed from.</param>
    /// <returns>The mailbox or null.</returns>
    public string? GetMailbox(ReadOnlySpan<char> source) => HasMailbox ? source[Mailbox].ToString() : null;

    /// <summary>Returns the remote host named by a wrapper, or null when none is named.</summary>
    /// <param name="source">The span this reply was parsed from.</param>
    /// <returns>The host or null.</returns>
    public string? GetRemoteHost(ReadOnlySpan<char> source) => HasRemoteHost ? source[RemoteHost].ToString() : null;
}
