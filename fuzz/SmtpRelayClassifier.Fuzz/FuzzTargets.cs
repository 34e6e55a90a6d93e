using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using MailKit.Net.Smtp;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Fuzz;

/// <summary>
/// The fuzz targets: the public entry points that read what a server, a log or a mail wrote. A target throws only
/// when the library misbehaves: an exception escaping the API, or a broken promise of its results (a range outside
/// the input, two entry points documented to agree that disagree). Thread-safe.
/// </summary>
public static class FuzzTargets
{
    // Properties, not fields: nothing of the library may run before SharpFuzz's fork server starts (the instrumented
    // code writes to the fuzzer's shared memory), and the type initializer runs when a target is looked up.
    private static SmtpFailureClassifier Classifier => SmtpFailureClassifier.Default;
    private static DiagnosisExplainer Explainer => DiagnosisExplainer.Default;
    private static readonly CultureInfo[] Cultures = [.. new[] { "en", "fr", "de", "es" }.Select(CultureInfo.GetCultureInfo)];
    private static readonly SmtpStage[] Stages = Enum.GetValues<SmtpStage>();
    private static readonly DiagnosisSource[] Sources = Enum.GetValues<DiagnosisSource>();
    private static readonly SmtpErrorCode[] ErrorCodes = Enum.GetValues<SmtpErrorCode>();

    /// <summary>Every target, in the order the README lists them.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("parser-chars", "replies", ParserChars),
        new("parser-bytes", "replies", ParserBytes),
        new("classifier", "replies", Classify),
        new("outlook-dialog", "dialogs", OutlookDialog),
        new("log-reader", "logs", ScanTargets.LogReader),
        new("bounce-reader", "bounces", ScanTargets.BounceReader),
    ];

    /// <summary>Finds a target by its name.</summary>
    /// <param name="name">The name, such as <c>parser-chars</c>.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentException">No target has that name.</exception>
    public static FuzzTarget Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(t => t.Name == name)
            ?? throw new ArgumentException($"No fuzz target is named '{name}'; the targets are {string.Join(", ", All.Select(t => t.Name))}.", nameof(name));
    }

    /// <summary>Explains a diagnosis in one of the four languages, chosen by <paramref name="pick"/>.</summary>
    internal static void Explain(RelayBlockDiagnosis diagnosis, int pick)
    {
        var explanation = Explainer.Explain(diagnosis, Cultures[(pick & int.MaxValue) % Cultures.Length]);
        Check(explanation.UserMessage.Length > 0, "an explanation has a user message");
    }

    /// <summary>Throws when a promise of the library's results is broken.</summary>
    internal static void Check(bool condition, string promise)
    {
        if (!condition)
            throw new InvalidOperationException("Broken promise: " + promise + ".");
    }

    /// <summary>The diagnosis as text, its lists included (a record prints lists by type name only): equal texts, equal diagnoses.</summary>
    /// <param name="d">The diagnosis.</param>
    /// <returns>Its text.</returns>
    public static string Fingerprint(RelayBlockDiagnosis d) =>
        (d with { Causes = [], Remedies = [] }) + " causes=" + string.Join(",", d.Causes) + " remedies=" + string.Join(",", d.Remedies);

    private static void ParserChars(ReadOnlySpan<byte> input)
    {
        ParseChars(SmtpReplyParser.DecodeText(input));
        // The same bytes read as UTF-16: any char sequence, lone surrogates included.
        ParseChars(MemoryMarshal.Cast<byte, char>(input[..(input.Length & ~1)]));
    }

    private static void ParseChars(ReadOnlySpan<char> text)
    {
        bool found = SmtpReplyParser.TryParse(text, out var reply);
        Check(found == reply.IsReply, "TryParse returns IsReply");
        CheckRanges(reply, text.Length);
        _ = reply.GetText(text);
        _ = reply.GetMailbox(text);
        _ = reply.GetRemoteHost(text);
        _ = EnhancedStatusCode.TryParse(text, out _);
        _ = OutlookHResult.TryParse(text, out _);
    }

    private static void ParserBytes(ReadOnlySpan<byte> input)
    {
        bool found = SmtpReplyParser.TryParse(input, out var reply);
        Check(found == reply.IsReply, "TryParse returns IsReply");
        CheckRanges(reply, input.Length);
        string text = SmtpReplyParser.DecodeText(input);
        if (Ascii.IsValid(input))
        {
            Check(text.Length == input.Length, "ASCII decodes to as many characters");
            SmtpReplyParser.TryParse(text, out var fromChars);
            Check(Same(reply, fromChars), "ASCII bytes parse as their characters do");
        }
    }

    private static void Classify(ReadOnlySpan<byte> input)
    {
        string text = SmtpReplyParser.DecodeText(input);
        var context = new SmtpFailureContext
        {
            Stage = Stages[input.Length % Stages.Length],
            Source = Sources[input.Length / Stages.Length % Sources.Length],
        };

        var full = Classifier.Classify(text, context);
        string fingerprint = Fingerprint(full);
        var brief = Classifier.ClassifyBrief(text, context);
        Check(brief == new BriefDiagnosis(full.Kind, full.IsRelayBlock, full.IsTransient, full.RuleId, full.RecipientAction), "ClassifyBrief gives Classify's answers");
        Check(Classifier.ClassifyKind(text, context) == full.Kind, "ClassifyKind gives Classify's kind");
        Check(Fingerprint(Classifier.Classify(text.AsSpan(), context)) == fingerprint, "a span classifies as its string");
        Check(Fingerprint(Classifier.Classify(input, context)) == fingerprint, "bytes classify as their decoded text");
        Check(Enum.IsDefined(full.Kind) && full.RuleId.Length > 0 && full.Summary.Length > 0, "a diagnosis has a kind, a rule and a summary");
        for (int i = 0; i < Cultures.Length; i++)
            Explain(full, i);

        // The same text as MailKit's exception would carry it, and as the response of an Outlook error number.
        int code = full.ReplyCode ?? 550;
        var exception = new SmtpCommandException(ErrorCodes[input.Length % ErrorCodes.Length], (SmtpStatusCode)code, text);
        Explain(Classifier.Classify(exception, context), input.Length);
        byte last = input.IsEmpty ? (byte)0x79 : input[^1];
        Explain(Classifier.Classify(OutlookHResult.FromValue(0x800CCC00u | last), text, context), input.Length);
    }

    private static void OutlookDialog(ReadOnlySpan<byte> input)
    {
        string text = SmtpReplyParser.DecodeText(input);
        if (OutlookErrorDialog.TryParse(text, out var dialog))
        {
            Check(OutlookErrorDialog.Parse(text) == dialog, "Parse reads what TryParse reads");
            Explain(Classifier.Classify(dialog), input.Length);
        }
        else
        {
            bool threw = false;
            try
            {
                OutlookErrorDialog.Parse(text);
            }
            catch (FormatException)
            {
                threw = true;   // documented: the text is no dialog
            }
            Check(threw, "Parse throws FormatException where TryParse returns false");
        }
        Explain(Classifier.ClassifyOutlookDialog(text), input.Length);
    }

    private static void CheckRanges(in SmtpReply reply, int length)
    {
#if !LIBRARY_NETSTANDARD
        // The positions are public on the .NET builds only (the netstandard2.0 build has no public Range type).
        CheckRange(reply.Text, length, "Text");
        CheckRange(reply.Mailbox, length, "Mailbox");
        CheckRange(reply.RemoteHost, length, "RemoteHost");
#endif
        Check(reply.LineCount >= 0, "LineCount is not negative");
    }

#if !LIBRARY_NETSTANDARD
    private static void CheckRange(Range range, int length, string name)
    {
        int start = range.Start.GetOffset(length), end = range.End.GetOffset(length);
        Check(start >= 0 && start <= end && end <= length, $"{name} ({range}) lies within the {length} parsed elements");
    }
#endif

    private static bool Same(in SmtpReply a, in SmtpReply b) =>
        a.Code == b.Code && a.EnhancedStatusCode == b.EnhancedStatusCode && a.Stage == b.Stage && a.Wrappers == b.Wrappers &&
        a.Text.Equals(b.Text) && a.Mailbox.Equals(b.Mailbox) && a.RemoteHost.Equals(b.RemoteHost) &&
        a.LineCount == b.LineCount && a.IsTruncated == b.IsTruncated;
}
