using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SmtpRelayClassifier;

/// <summary>
/// The state of a diagnosis event: every value a dashboard groups by is a named field of the event itself (<c>Kind</c>,
/// <c>IsRelayBlock</c>, <c>IsTransient</c>, <c>Stage</c>, <c>ReplyCode</c>, <c>EnhancedStatusCode</c>, <c>RuleId</c>,
/// <c>Server</c>, <c>Port</c>, <c>Mailbox</c>, and <c>ReplyText</c> when it may be logged), then <c>{OriginalFormat}</c>,
/// the way the logging source generator shapes the state of a message with more than six values. Providers read it as
/// a list of name/value pairs; the message is formatted only when a provider asks for it, into one string.
/// </summary>
internal readonly struct SmtpFailureLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string Head =
        "SMTP send failed: {Kind} (relay block: {IsRelayBlock}, transient: {IsTransient}) at {Stage}, reply {ReplyCode} {EnhancedStatusCode}, rule {RuleId}, server {Server}:{Port}";

    private const string MailboxPart = ", mailbox {Mailbox}";
    private const string ReplyPart = "; reply: {ReplyText}";

    // The template for each combination of the optional parts: with a mailbox, with the reply text.
    private static readonly string[] Formats = [Head, Head + MailboxPart, Head + ReplyPart, Head + MailboxPart + ReplyPart];

    // The names of the kinds and stages, made once: an enum given to the generic formatting handler is boxed for as long
    // as the runtime runs that handler's first, unoptimized code, which on a busy process can be the whole time.
    private static readonly string[] KindNames = NamesOf<SmtpFailureKind>();
    private static readonly string[] StageNames = NamesOf<SmtpStage>();

    /// <summary>What the formatter passed to the logger calls.</summary>
    public static readonly Func<SmtpFailureLogState, Exception?, string> Formatter = static (state, _) => state.ToString();

    private readonly RelayBlockDiagnosis _diagnosis;
    private readonly string? _enhancedCode;
    private readonly string? _mailbox;
    private readonly string? _replyText;
    private readonly bool _hasReplyText;

    /// <summary>Makes the state of one event.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="mailbox">The mailbox as it may be logged (masked or in full), or null.</param>
    /// <param name="replyText">The reply text as it may be logged, or null when it is left out.</param>
    public SmtpFailureLogState(RelayBlockDiagnosis diagnosis, string? mailbox, string? replyText)
    {
        _diagnosis = diagnosis;
        _enhancedCode = diagnosis.EnhancedStatusCode?.ToString();
        _mailbox = mailbox;
        _replyText = replyText;
        _hasReplyText = replyText is not null;
    }

    /// <summary>The template of the message, with the optional parts this event has.</summary>
    public string OriginalFormat => Formats[(_mailbox is null ? 0 : 1) + (_hasReplyText ? 2 : 0)];

    /// <inheritdoc />
    public int Count => _hasReplyText ? 12 : 11;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("Kind", _diagnosis.Kind),
        1 => new("IsRelayBlock", _diagnosis.IsRelayBlock),
        2 => new("IsTransient", _diagnosis.IsTransient),
        3 => new("Stage", _diagnosis.Stage),
        4 => new("ReplyCode", _diagnosis.ReplyCode),
        5 => new("EnhancedStatusCode", _enhancedCode),
        6 => new("RuleId", _diagnosis.RuleId),
        7 => new("Server", _diagnosis.Server),
        8 => new("Port", _diagnosis.Port),
        9 => new("Mailbox", _mailbox),
        10 when _hasReplyText => new("ReplyText", _replyText),
        _ when index == Count - 1 => new("{OriginalFormat}", OriginalFormat),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"The index must be between 0 and {Count - 1}."),
    };

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
            yield return this[i];
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The message: the template filled in, <c>(null)</c> for a value that is not known, as <c>LoggerMessage</c> writes it.</summary>
    /// <returns>The message.</returns>
    public override string ToString()
    {
        var d = _diagnosis;
        // One string: the handler writes into the stack buffer (or a pooled one when it grows); enums come from the name tables.
        var message = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        message.AppendLiteral("SMTP send failed: ");
        message.AppendLiteral(NameOf(KindNames, (int)d.Kind));
        message.AppendLiteral(" (relay block: ");
        message.AppendLiteral(d.IsRelayBlock ? "True" : "False");
        message.AppendLiteral(", transient: ");
        message.AppendLiteral(d.IsTransient ? "True" : "False");
        message.AppendLiteral(") at ");
        message.AppendLiteral(NameOf(StageNames, (int)d.Stage));
        message.AppendLiteral(", reply ");
        AppendOrNull(ref message, d.ReplyCode);
        message.AppendLiteral(" ");
        message.AppendFormatted(_enhancedCode ?? "(null)");
        message.AppendLiteral(", rule ");
        message.AppendFormatted(d.RuleId);
        message.AppendLiteral(", server ");
        message.AppendFormatted(d.Server ?? "(null)");
        message.AppendLiteral(":");
        AppendOrNull(ref message, d.Port);
        if (_mailbox is not null)
        {
            message.AppendLiteral(", mailbox ");
            message.AppendFormatted(_mailbox);
        }

        if (_hasReplyText)
        {
            message.AppendLiteral("; reply: ");
            message.AppendFormatted(_replyText);
        }

        return message.ToStringAndClear();
    }

    private static string[] NamesOf<T>()
        where T : struct, Enum
    {
#if NET
        T[] values = Enum.GetValues<T>();
#else
        var values = (T[])Enum.GetValues(typeof(T));
#endif
        int count = 0;
        foreach (var value in values)
            count = Math.Max(count, Convert.ToInt32(value, CultureInfo.InvariantCulture) + 1);
        var names = new string[count];
        foreach (var value in values)
            names[Convert.ToInt32(value, CultureInfo.InvariantCulture)] = value.ToString();
        return names;
    }

    // A value outside the table (not a defined one) as its number, as the enum's own ToString writes it.
    private static string NameOf(string[] names, int value) =>
        (uint)value < (uint)names.Length && names[value] is { } name ? name : value.ToString(CultureInfo.InvariantCulture);

    private static void AppendOrNull(ref DefaultInterpolatedStringHandler message, int? value)
    {
        if (value is not { } number)
        {
            message.AppendLiteral("(null)");
            return;
        }

#if NET
        // Through a span: the generic AppendFormatted boxes the number in the runtime's first code for it (and in the code
        // that counts calls for its profile), which can run for seconds on a loaded machine before the optimized code comes.
        Span<char> digits = stackalloc char[11];
        number.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture);
        message.AppendFormatted(digits[..written]);
#else
        message.AppendFormatted(number);
#endif
    }
}
