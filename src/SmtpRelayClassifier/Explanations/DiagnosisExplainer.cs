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

    /// <summary>The name of a kind in a language, as explanations title it ("Relay denied", "Relais refusé").</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="culture">The language; null takes <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The kind's display name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static string KindName(SmtpFailureKind kind, CultureInfo? culture = null)
    {
        if (!Enum.IsDefined(typeof(SmtpFailureKind), kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind is not a defined SmtpFailureKind.");
        return PackFor(culture ?? CultureInfo.CurrentUICulture).Titles[kind];
    }

    /// <inheritdoc />
    public DiagnosisExplanation Explain(RelayBlockDiagnosis diagnosis, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        var pack = PackFor(culture ?? CultureInfo.CurrentUICulture);
        var labels = pack.Labels;
        var decision = ExplanationDecision.For(diagnosis);
        bool remote = decision.Remote;

        string? mailbox = _options.ShowFullAddresses ? diagnosis.Mailbox : AddressRedactor.MaskOrNull(diagnosis.Mailbox);
        string Fill(string template) => FillTemplate(pack, template, diagnosis.Server, diagnosis.Port, mailbox, remote);

        var (title, happenedTemplate) = decision.Outcome switch
        {
            ExplanationOutcome.Accepted => (pack.Outcomes.AcceptedTitle, pack.Outcomes.AcceptedMessage),
            ExplanationOutcome.NotAFailure => (pack.Outcomes.NotFailureTitles[diagnosis.NotFailure], pack.Outcomes.NotFailureMessages[diagnosis.NotFailure]),
            ExplanationOutcome.NotAnSmtpRefusal => (pack.Outcomes.NotSmtpTitle, pack.Outcomes.NotSmtpMessage),
            ExplanationOutcome.Canceled => (pack.Outcomes.NotSmtpTitle, pack.Outcomes.CanceledMessage),
            _ => (pack.Titles[diagnosis.Kind],
                remote && pack.RemoteUserMessages.TryGetValue(diagnosis.Kind, out var remoteText) ? remoteText : pack.UserMessages[diagnosis.Kind]),
        };
        string happened = Fill(happenedTemplate);
        var causes = decision.Outcome is ExplanationOutcome.Accepted or ExplanationOutcome.NotAFailure ? [] : diagnosis.Causes.Select(c => Fill(pack.Causes[c])).ToArray();
        var steps = decision.Steps;
        var remedies = steps.Select(s => Fill(pack.Remedies[s.Remedy])).ToArray();
        string party = decision.Outcome switch
        {
            ExplanationOutcome.Accepted or ExplanationOutcome.NotAFailure => pack.Outcomes.Nobody,
            ExplanationOutcome.RetriedAutomatically => pack.Outcomes.NobodyNow,
            _ => pack.Parties[decision.Party],
        };
        string waiting = decision.Outcome switch
        {
            ExplanationOutcome.Accepted => pack.Outcomes.WaitingNotNeeded,
            ExplanationOutcome.NotAFailure => pack.Outcomes.WaitingNotAFailure,
            ExplanationOutcome.NotAnSmtpRefusal or ExplanationOutcome.Canceled => pack.Outcomes.WaitingNotTheServer,
            ExplanationOutcome.RetriedAutomatically => pack.Outcomes.WaitingRetriedAutomatically,
            ExplanationOutcome.RetryLater => pack.Outcomes.WaitingHelps,
            _ => pack.Outcomes.WaitingDoesNotHelp,
        };

        int firstUserStep = IndexOfUserStep(steps);
        string userMessage = firstUserStep >= 0 ? happened + " " + remedies[firstUserStep] : happened;

        var text = new StringBuilder();
        text.Append(title).Append('.').Append('\n');
        text.Append(string.Join(" · ", Evidence(pack, diagnosis))).Append('\n');
        if (_options.IncludeReplyText && !string.IsNullOrEmpty(diagnosis.ReplyText))
        {
            string reply = _options.ShowFullAddresses ? diagnosis.ReplyText : AddressRedactor.MaskAll(diagnosis.ReplyText);
            text.Append(labels.ServerReply).Append(labels.Colon).Append(' ').Append(labels.OpenQuote).Append(reply.ReplaceLineEndings(" / ")).Append(labels.CloseQuote).Append('\n');
        }

        text.Append(happened).Append('\n');
        if (diagnosis.IsRelayBlock && decision.Outcome is not (ExplanationOutcome.Accepted or ExplanationOutcome.NotAFailure))
            text.Append(remote ? labels.RemoteRelayBlock : labels.RelayBlock).Append('\n');
        if (remote)
            text.Append(labels.ReportedByRemoteServer).Append('\n');
        if (causes.Length > 0)
        {
            text.Append(labels.LikelyCauses).Append(labels.Colon).Append('\n');
            foreach (string cause in causes)
                text.Append("- ").Append(cause).Append('\n');
        }

        AppendSteps(text, labels.WhatToDo + labels.Colon, steps, remedies, s => s.Audience == StepAudience.User && !s.IfItPersists);
        AppendSteps(text, labels.IfItPersists + labels.Colon, steps, remedies, s => s.Audience == StepAudience.User && s.IfItPersists);
        AppendSteps(text, labels.ForTheAdministrator + labels.Colon, steps, remedies, s => s.Audience == StepAudience.Administrator);
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
            Facts = Facts(pack, diagnosis, title, mailbox, party),
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

    private static int IndexOfUserStep(IReadOnlyList<ExplanationStep> steps)
    {
        for (int i = 0; i < steps.Count; i++)
        {
            if (steps[i].Audience == StepAudience.User)
                return i;
        }

        return -1;
    }

    private static void AppendSteps(StringBuilder text, string heading, IReadOnlyList<ExplanationStep> steps, string[] remedies, Func<ExplanationStep, bool> include)
    {
        int n = 0;
        for (int i = 0; i < steps.Count; i++)
        {
            if (!include(steps[i]))
                continue;
            if (n == 0)
                text.Append(heading).Append('\n');
            text.Append(++n).Append(". ").Append(remedies[i]).Append('\n');
        }
    }

    private static List<string> Evidence(LanguagePack pack, RelayBlockDiagnosis diagnosis)
    {
        var labels = pack.Labels;
        var evidence = new List<string>();
        if (diagnosis.Stage != SmtpStage.Unknown)
            evidence.Add(labels.Stage + labels.Colon + " " + pack.Stages[diagnosis.Stage]);
        if (Codes(diagnosis) is { } codes)
            evidence.Add(labels.ReplyCode + labels.Colon + " " + codes);
        if (diagnosis.HResult is { } hresult)
            evidence.Add("Outlook" + labels.Colon + " " + hresult + (hresult.Name is null ? string.Empty : " (" + hresult.Name + ")"));
        evidence.Add(labels.Rule + labels.Colon + " " + diagnosis.RuleId);
        evidence.Add(labels.Confidence + labels.Colon + " " + ConfidenceName(labels, diagnosis.Confidence));
        return evidence;
    }

    private static string? Codes(RelayBlockDiagnosis d) =>
        d.ReplyCode is null && d.EnhancedStatusCode is null ? null
            : string.Join(' ', new[] { d.ReplyCode?.ToString(CultureInfo.InvariantCulture), d.EnhancedStatusCode?.ToString() }.Where(s => s is not null));

    private static string ConfidenceName(ExplanationLabels labels, DiagnosisConfidence confidence) => confidence switch
    {
        DiagnosisConfidence.High => labels.ConfidenceHigh,
        DiagnosisConfidence.Medium => labels.ConfidenceMedium,
        _ => labels.ConfidenceLow,
    };

    private static KeyValuePair<string, string>[] Facts(LanguagePack pack, RelayBlockDiagnosis d, string title, string? mailbox, string party)
    {
        var f = pack.Facts;
        var facts = new List<KeyValuePair<string, string>>(12);
        void Add(string label, string? value)
        {
            if (value is not null)
                facts.Add(new(label, value));
        }

        Add(f.Kind, title);
        Add(f.RelayBlock, d.IsRelayBlock ? f.Yes : f.No);
        Add(f.RetryCanHelp, d.IsTransient ? f.Yes : f.No);
        Add(f.Stage, d.Stage == SmtpStage.Unknown ? null : pack.Stages[d.Stage]);
        Add(f.ReplyCode, d.ReplyCode?.ToString(CultureInfo.InvariantCulture));
        Add(f.EnhancedCode, d.EnhancedStatusCode?.ToString());
        Add(f.Mailbox, mailbox);
        Add(f.Server, d.Server is null ? null : d.Port is { } p ? d.Server + ":" + p.ToString(CultureInfo.InvariantCulture) : d.Server);
        Add(f.OutlookError, d.HResult is { } h ? h + (h.Name is null ? string.Empty : " " + h.Name) : null);
        Add(f.Source, d.Source switch
        {
            DiagnosisSource.SubmissionSession => f.SourceSubmission,
            DiagnosisSource.RemoteServer => f.SourceRemote,
            _ => f.SourceUnknown,
        });
        Add(f.WhoMustAct, party);
        Add(f.Rule, d.RuleId);
        Add(pack.Labels.Confidence, ConfidenceName(pack.Labels, d.Confidence));
        return facts.ToArray();
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

    internal static string FillTemplate(LanguagePack pack, string template, string? server, int? port, string? mailbox, bool remote = false)
    {
        string text = Optional(template, mailbox is not null);
        if (text.Contains("{server}", StringComparison.Ordinal))
            text = Place(text, "{server}", pack.ServerRef(server, port, remote), pack.CapitalizeAfterColon);
        if (mailbox is not null && text.Contains("{mailbox}", StringComparison.Ordinal))
            text = Place(text, "{mailbox}", mailbox, pack.CapitalizeAfterColon);
        return text;
    }

    // "[ to {mailbox}]" keeps its words (without the brackets) when the address is known, and is left out when it is not.
    private static string Optional(string template, bool keep)
    {
        int open = template.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
            return template;
        var text = new StringBuilder(template.Length);
        int at = 0;
        while (open >= 0)
        {
            int close = template.IndexOf(']', open);
            if (close < 0)
                break;
            text.Append(template, at, open - at);
            if (keep)
                text.Append(template, open + 1, close - open - 1);
            at = close + 1;
            open = template.IndexOf('[', at);
        }

        return text.Append(template, at, template.Length - at).ToString();
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
}
