using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// The tool's explainer: one language for the whole run, addresses masked (unless <c>--show-addresses</c>), the reply
/// left to its own field. Explanations repeat wherever everything but the address is the same, so each is written once
/// with a placeholder address and the address is put in per input: a stream of millions of replies costs a lookup and
/// a replace. The writers show every other text that may hold an address through <see cref="ShowText(string?)"/>.
/// </summary>
internal sealed class Explainer(CultureInfo culture, bool showAddresses = false)
{
    private const int MaxCached = 4096;
    private const string Placeholder = "\u0001mailbox\u0001";

    private static readonly DiagnosisExplainer Texts = new(new ExplanationOptions { IncludeReplyText = false, ShowFullAddresses = true });

    private readonly Dictionary<Key, DiagnosisExplanation> _cache = [];

    /// <summary>An explainer like this one, with caches of its own, for another thread.</summary>
    public Explainer ForAnotherThread() => new(culture, showAddresses);

    /// <summary>The tool's own words in the language of the explanations.</summary>
    public TextLabels Labels { get; } = TextLabels.For(culture);
    private readonly Dictionary<DiagnosisExplanation, JsonTemplate> _json = new(ReferenceEqualityComparer.Instance);

    /// <summary>The explanation of a diagnosis, for JSON: its two texts already escaped, in pieces around the address.</summary>
    public JsonTemplate ExplainForJson(RelayBlockDiagnosis diagnosis)
    {
        var template = Template(diagnosis);
        if (!_json.TryGetValue(template, out var json))
        {
            if (_json.Count >= MaxCached)
                _json.Clear();
            json = new JsonTemplate(template.Language, Pieces(template.UserMessage), Pieces(template.TechnicalExplanation),
                diagnosis.Mailbox is null ? null : System.Text.Json.JsonEncodedText.Encode(Mask(diagnosis.Mailbox), JsonEncoder).EncodedUtf8Bytes.ToArray());
            _json[template] = json;
        }

        return diagnosis.Mailbox is null
            ? json
            : json with { Mailbox = System.Text.Json.JsonEncodedText.Encode(Mask(diagnosis.Mailbox), JsonEncoder).EncodedUtf8Bytes.ToArray() };
    }

    public DiagnosisExplanation Explain(RelayBlockDiagnosis diagnosis)
    {
        var template = Template(diagnosis);
        if (diagnosis.Mailbox is null)
            return template;
        string masked = Mask(diagnosis.Mailbox);
        return template with
        {
            UserMessage = template.UserMessage.Replace(Placeholder, masked, StringComparison.Ordinal),
            TechnicalExplanation = template.TechnicalExplanation.Replace(Placeholder, masked, StringComparison.Ordinal),
            Facts = Array.ConvertAll([.. template.Facts], f => new KeyValuePair<string, string>(f.Key, f.Value.Replace(Placeholder, masked, StringComparison.Ordinal))),
        };
    }

    private static readonly System.Text.Encodings.Web.JavaScriptEncoder JsonEncoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static byte[][] Pieces(string text) =>
        Array.ConvertAll(text.Split(Placeholder), piece => System.Text.Json.JsonEncodedText.Encode(piece, JsonEncoder).EncodedUtf8Bytes.ToArray());

    private DiagnosisExplanation Template(RelayBlockDiagnosis diagnosis)
    {
        var key = new Key(diagnosis.Kind, diagnosis.Stage, diagnosis.ReplyCode, diagnosis.EnhancedStatusCode, diagnosis.RuleId, diagnosis.Confidence,
            diagnosis.Source, diagnosis.IsRelayBlock, diagnosis.IsTransient, diagnosis.Causes, diagnosis.Remedies, diagnosis.ResponsibleParty,
            diagnosis.HResult, diagnosis.Server, diagnosis.Port, diagnosis.Mailbox is not null, diagnosis.BlockList, diagnosis.ListedItem, diagnosis.HelpLink?.OriginalString);
        if (!_cache.TryGetValue(key, out var template))
        {
            if (_cache.Count >= MaxCached)
                _cache.Clear();
            template = Texts.Explain(diagnosis with { Mailbox = diagnosis.Mailbox is null ? null : Placeholder, ReplyText = null }, culture);
            _cache[key] = template;
        }

        return template;
    }

    /// <summary>A text as the output shows it: every address in it masked, as the library's logs mask them, unless <c>--show-addresses</c>.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public string? ShowText(string? text) => text is null || showAddresses ? text : AddressMasking.MaskAddresses(text);

    /// <summary>An input line as the output shows it; a line without '@' is shown as it is, without a copy.</summary>
    public ReadOnlySpan<char> ShowText(ReadOnlySpan<char> text) =>
        showAddresses || !text.Contains('@') ? text : AddressMasking.MaskAddresses(text.ToString());

    /// <summary>A mailbox as the output shows it: masked unless <c>--show-addresses</c>.</summary>
    [return: NotNullIfNotNull(nameof(address))]
    public string? ShowMailbox(string? address) => address is null ? null : Mask(address);

    private string Mask(string address) => showAddresses ? address : AddressMasking.MaskAddress(address);

    private readonly record struct Key(
        SmtpFailureKind Kind,
        SmtpStage Stage,
        int? ReplyCode,
        EnhancedStatusCode? Enhanced,
        string RuleId,
        DiagnosisConfidence Confidence,
        DiagnosisSource Source,
        bool IsRelayBlock,
        bool IsTransient,
        IReadOnlyList<FailureCause> Causes,
        IReadOnlyList<FailureRemedy> Remedies,
        ResponsibleParty Responsible,
        OutlookHResult? HResult,
        string? Server,
        int? Port,
        bool HasMailbox,
        BlockList? BlockList,
        string? ListedItem,
        string? HelpLink);

    /// <summary>An explanation as escaped JSON string content: the pieces of each text, with the escaped address between them.</summary>
    internal sealed record JsonTemplate(string Language, byte[][] UserMessage, byte[][] Explanation, byte[]? Mailbox);
}
