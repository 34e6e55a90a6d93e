using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SmtpRelayClassifier.Languages;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier;

/// <summary>
/// Writes explanations in English, French, German and Spanish from plain C# tables (no resource generator). The
/// culture is matched by language (<c>fr-CA</c> takes French); any other language falls back to English. Immutable
/// and thread-safe; use <see cref="Default"/> or one instance per set of options.
/// </summary>
public sealed class DiagnosisExplainer : IDiagnosisExplainer
{
    private static readonly LanguagePack[] Packs = [English.Pack, French.Pack, German.Pack, Spanish.Pack];

    private readonly ExplanationOptions _options;

    /// <summary>Creates an explainer.</summary>
    /// <param name="options">How to write; null takes <see cref="ExplanationOptions.Default"/>.</param>
    public DiagnosisExplainer(ExplanationOptions? options = null)
    {
        _options = options ?? ExplanationOptions.Default;
    }

    /// <summary>An explainer with the default options (addresses masked).</summary>
    public static DiagnosisExplainer Default { get; } = new();

    /// <summary>
    /// The two-letter codes of the languages explanations are written in: <c>en</c> (the fallback), <c>fr</c>,
    /// <c>de</c>, <c>es</c>. No culture is created from them, so the explainer works under invariant globalization.
    /// </summary>
    public static IReadOnlyList<string> SupportedLanguages { get; } = Packs.Select(p => p.Code).ToArray();

    internal static IReadOnlyList<LanguagePack> LanguagePacks => Packs;

    /// <inheritdoc />
    public DiagnosisExplanation Explain(RelayBlockDiagnosis diagnosis, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        var pack = PackFor(culture ?? CultureInfo.CurrentUICulture);
        var labels = pack.Labels;

        string? mailbox = _options.ShowFullAddresses ? diagnosis.Mailbox : AddressRedactor.MaskOrNull(diagnosis.Mailbox);
        string Fill(string template) => FillTemplate(pack, template, diagnosis.Server, diagnosis.Port, mailbox);

        string title = pack.Titles[diagnosis.Kind];
        string happened = Fill(pack.UserMessages[diagnosis.Kind]);
        var causes = diagnosis.Causes.Select(c => Fill(pack.Causes[c])).ToArray();
        var remedies = diagnosis.Remedies.Select(r => Fill(pack.Remedies[r])).ToArray();
        string party = pack.Parties[diagnosis.ResponsibleParty];
        string waiting = diagnosis.IsTransient ? labels.WaitingHelps : labels.WaitingDoesNotHelp;

        string userMessage = remedies.Length > 0 ? happened + " " + remedies[0] : happened;

        var text = new StringBuilder();
        text.Append(title).Append('.').Append('\n');
        var evidence = new List<string>();
        if (diagnosis.Stage != SmtpStage.Unknown)
            evidence.Add(labels.Stage + labels.Colon + " " + StageName(diagnosis.Stage));
        if (diagnosis.ReplyCode is not null || diagnosis.EnhancedStatusCode is not null)
            evidence.Add(labels.ReplyCode + labels.Colon + " " + string.Join(' ', new[] { diagnosis.ReplyCode?.ToString(CultureInfo.InvariantCulture), diagnosis.EnhancedStatusCode?.ToString() }.Where(s => s is not null)));
        if (diagnosis.HResult is { } hresult)
            evidence.Add("Outlook" + labels.Colon + " " + hresult + (hresult.Name is null ? string.Empty : " (" + hresult.Name + ")"));
        string confidence = diagnosis.Confidence switch
        {
            DiagnosisConfidence.High => labels.ConfidenceHigh,
            DiagnosisConfidence.Medium => labels.ConfidenceMedium,
            _ => labels.ConfidenceLow,
        };
        evidence.Add(labels.Rule + labels.Colon + " " + diagnosis.RuleId);
        evidence.Add(labels.Confidence + labels.Colon + " " + confidence);
        text.Append(string.Join(" · ", evidence)).Append('\n');
        if (_options.IncludeReplyText && !string.IsNullOrEmpty(diagnosis.ReplyText))
        {
            string reply = _options.ShowFullAddresses ? diagnosis.ReplyText : AddressRedactor.MaskAll(diagnosis.ReplyText);
            text.Append(labels.ServerReply).Append(labels.Colon).Append(' ').Append(labels.OpenQuote).Append(reply.ReplaceLineEndings(" / ")).Append(labels.CloseQuote).Append('\n');
        }

        text.Append(happened).Append('\n');
        if (diagnosis.IsRelayBlock)
            text.Append(labels.RelayBlock).Append('\n');
        if (diagnosis.Source == DiagnosisSource.RemoteServer)
            text.Append(labels.ReportedByRemoteServer).Append('\n');
        if (causes.Length > 0)
        {
            text.Append(labels.LikelyCauses).Append(labels.Colon).Append('\n');
            foreach (string cause in causes)
                text.Append("- ").Append(cause).Append('\n');
        }

        if (remedies.Length > 0)
        {
            text.Append(labels.WhatToDo).Append(labels.Colon).Append('\n');
            for (int i = 0; i < remedies.Length; i++)
                text.Append(i + 1).Append(". ").Append(remedies[i]).Append('\n');
        }

        text.Append(labels.WhoMustAct).Append(labels.Colon).Append(' ').Append(party).Append(".\n");
        text.Append(waiting);
        AppendLinks(text, pack.Code, diagnosis);

        return new DiagnosisExplanation
        {
            Language = pack.Code,
            Title = title,
            UserMessage = userMessage,
            TechnicalExplanation = text.ToString(),
            Causes = causes,
            Remedies = remedies,
            ResponsibleParty = party,
            Waiting = waiting,
        };
    }

    // The block list the reply names and its help page, each on a line of its own after the rest.
    private static void AppendLinks(StringBuilder text, string language, RelayBlockDiagnosis diagnosis)
    {
        var (listLine, linkLine) = language switch
        {
            "fr" => (French.BlockListLine, French.HelpLinkLine),
            "de" => (German.BlockListLine, German.HelpLinkLine),
            "es" => (Spanish.BlockListLine, Spanish.HelpLinkLine),
            _ => (English.BlockListLine, English.HelpLinkLine),
        };
        if (diagnosis.BlockList is { } list)
        {
            text.Append('\n').Append(listLine
                .Replace("{name}", list.Name, StringComparison.Ordinal)
                .Replace("{item}", diagnosis.ListedItem is null ? string.Empty : " (" + diagnosis.ListedItem + ")", StringComparison.Ordinal)
                .Replace("{url}", list.DelistingPage.AbsoluteUri, StringComparison.Ordinal));
        }

        if (diagnosis.HelpLink is { } link)
            text.Append('\n').Append(linkLine.Replace("{url}", link.OriginalString, StringComparison.Ordinal));
    }

    internal static LanguagePack PackFor(CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            foreach (var pack in Packs)
            {
                if (string.Equals(c.TwoLetterISOLanguageName, pack.Code, StringComparison.OrdinalIgnoreCase))
                    return pack;
            }
        }

        return English.Pack;
    }

    internal static string FillTemplate(LanguagePack pack, string template, string? server, int? port, string? mailbox)
    {
        string text = template;
        if (text.Contains("{server}", StringComparison.Ordinal))
            text = Place(text, "{server}", pack.ServerRef(server, port), pack.CapitalizeAfterColon);
        if (text.Contains("{mailbox}", StringComparison.Ordinal))
            text = Place(text, "{mailbox}", pack.MailboxRef(mailbox), pack.CapitalizeAfterColon);
        return text;
    }

    // A reference that starts a sentence, or (in German) follows a colon, starts with a capital letter.
    private static string Place(string text, string placeholder, string value, bool capitalizeAfterColon)
    {
        int at = text.IndexOf(placeholder, StringComparison.Ordinal);
        while (at >= 0)
        {
            var before = text.AsSpan(0, at).TrimEnd();
            bool sentenceStart = before.Length == 0 || before[^1] is '.' or '!' or '?' || (capitalizeAfterColon && before[^1] == ':');
            string placed = sentenceStart && value.Length > 0 ? char.ToUpperInvariant(value[0]) + value[1..] : value;
            text = string.Concat(text.AsSpan(0, at), placed, text.AsSpan(at + placeholder.Length));
            at = text.IndexOf(placeholder, at + placed.Length, StringComparison.Ordinal);
        }

        return text;
    }

    private static string StageName(SmtpStage stage) => stage switch
    {
        SmtpStage.Connect => "220 (connect)",
        SmtpStage.Ehlo => "EHLO",
        SmtpStage.StartTls => "STARTTLS",
        SmtpStage.Auth => "AUTH",
        SmtpStage.Mail => "MAIL FROM",
        SmtpStage.Rcpt => "RCPT TO",
        SmtpStage.Data => "DATA",
        SmtpStage.EndOfData => "DATA (.)",
        _ => stage.ToString(),
    };
}
