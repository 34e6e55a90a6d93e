using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SmtpRelayClassifier.Cli;

/// <summary>Writes diagnoses for a person to read, with addresses shown as the explainer allows (masked by default).</summary>
internal sealed class TextDiagnosisWriter(TextWriter output, Explainer explainer)
{
    private bool _first = true;

    /// <summary>Writes an input and its diagnosis; with <paramref name="candidates"/> (<c>--why</c>), the rules weighed after it.</summary>
    public void Write(ReadOnlySpan<char> input, RelayBlockDiagnosis d, IReadOnlyList<RuleCandidate>? candidates = null)
    {
        Separate();
        Line(explainer.Labels.Input, explainer.ShowText(input).ToString());
        WriteDiagnosis(d);
        if (candidates is not null)
            new WhyTextWriter(output, explainer).Write(input, d, candidates);
    }

    public void Write(OutlookErrorDialog dialog, RelayBlockDiagnosis d)
    {
        Separate();
        var l = explainer.Labels;
        int width = Width(new[] { l.Message, l.RejectedAddress, l.Subject, l.Account, l.Server, l.Protocol, l.ServerResponse, l.Port, l.Secure, l.ServerError, l.SocketError, l.ErrorNumber }.Select(s => "  " + s));
        output.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, l.DialogHeading, dialog.Language == "fr" ? l.DialogFrench : l.DialogEnglish) + l.Colon);
        Line("  " + l.Message, explainer.ShowText(dialog.Message), width);
        Line("  " + l.RejectedAddress, explainer.ShowMailbox(dialog.RejectedAddress), width);
        Line("  " + l.Subject, explainer.ShowText(dialog.Subject), width);
        Line("  " + l.Account, explainer.ShowText(dialog.Account), width);
        Line("  " + l.Server, explainer.ShowText(dialog.Server), width);
        Line("  " + l.Protocol, dialog.Protocol, width);
        Line("  " + l.ServerResponse, explainer.ShowText(dialog.ServerResponse), width);
        Line("  " + l.Port, dialog.Port?.ToString(), width);
        Line("  " + l.Secure, dialog.Secure is { } s ? (s ? l.Yes : l.No) : null, width);
        Line("  " + l.ServerError, dialog.ServerError, width);
        Line("  " + l.SocketError, dialog.SocketError?.ToString(), width);
        Line("  " + l.ErrorNumber, dialog.ErrorNumber is { } n ? $"{n} {n.Name}" : null, width);
        output.WriteLine();
        WriteDiagnosis(d);
    }

    public void Write(SmtpRelayClassifier.Probing.RelayProbeReport report)
    {
        Separate();
        Line("Host", report.Host);
        Line("Verdict", report.Verdict.ToString());
        Line("Summary", explainer.ShowText(report.Summary));
        output.WriteLine();
        foreach (var port in report.Ports)
        {
            output.WriteLine($"Port {port.Port}: {port.Reachability}{(port.TlsEstablished ? ", TLS" : string.Empty)}{(port.TlsError is null ? string.Empty : ", TLS failed: " + explainer.ShowText(port.TlsError))}");
            Line("  Greeting", explainer.ShowText(port.Greeting));
            if (port.CapabilitiesBeforeTls.Count > 0)
                Line("  Before TLS", string.Join(", ", port.CapabilitiesBeforeTls));
            if (port.CapabilitiesAfterTls.Count > 0)
                Line("  After TLS", string.Join(", ", port.CapabilitiesAfterTls));
            if (port.AuthenticationMechanisms.Count > 0)
                Line("  AUTH", string.Join(" ", port.AuthenticationMechanisms));
        }

        output.WriteLine();
        output.WriteLine("Steps:");
        foreach (var step in report.Steps)
        {
            string reply = step.ReplyCode is { } code ? $" -> {code} {explainer.ShowText(step.Reply)}" : string.Empty;
            string kind = step.Diagnosis is { } sd ? $" [{sd.Kind}]" : string.Empty;
            output.WriteLine($"  {step.Port,5} {step.Kind,-12} {step.Outcome,-9} {explainer.ShowText(step.Description)}{reply}{kind}");
        }

        output.WriteLine();
        output.WriteLine("Transcript:");
        foreach (var line in report.Transcript)
            output.WriteLine($"  {line.Port,5} {explainer.ShowText(line.ToString())}");
        if (report.Diagnosis is { } diagnosis)
        {
            output.WriteLine();
            WriteDiagnosis(diagnosis);
        }
    }

    private void WriteDiagnosis(RelayBlockDiagnosis d)
    {
        var explanation = explainer.Explain(d);
        output.WriteLine(explanation.UserMessage);
        output.WriteLine();
        output.WriteLine(explanation.TechnicalExplanation);
        output.WriteLine();
        // The facts in the explanation's language; the lines in the contract's English names are for English only.
        var l = explainer.Labels.Diagnosis;
        int width = Width(explanation.Facts.Select(f => f.Key).Concat([l.RecipientAction, l.RetryAfter, l.BlockList, l.ListedItem, l.HelpLink]));
        foreach (var (label, value) in explanation.Facts)
            Line(label, value, width);
        Line(l.RecipientAction, l.RecipientActions[d.RecipientAction], width);
        Line(l.RetryAfter, RetryText(l, d), width);
        Line(l.BlockList, d.BlockList is { } list
            ? string.Format(CultureInfo.InvariantCulture, l.BlockListValue, list.Name, l.BlockListKinds[list.Lists], list.DelistingPage.AbsoluteUri)
            : null, width);
        Line(l.ListedItem, d.ListedItem, width);
        Line(l.HelpLink, d.HelpLink?.OriginalString, width);
        if (explanation.Language != "en")
            return;
        Line("Contract names", $"{d.Kind}, {d.Stage}, {d.Source}, {d.ResponsibleParty}, {d.Confidence}");
        Line("Error type", d.ErrorType);
        Line("Evidence", EvidenceText(d.Evidence));
        Line("Summary", explainer.ShowText(d.Summary));
        if (d.Causes.Count > 0)
            Line("Likely causes", string.Join(", ", d.Causes));
        if (d.Remedies.Count > 0)
            Line("Remedies", string.Join(" > ", d.Remedies.Select((r, i) => $"{i + 1}. {r}")));
    }

    // "15 min, as the server said [40..49]" when the server named the wait; "1 h, the default for this kind" otherwise.
    private static string? RetryText(DiagnosisLabels l, RelayBlockDiagnosis d)
    {
        if (d.RetryAfter is not { } wait)
            return null;
        var said = d.Evidence.RetryAfterRange;
        return said.End.Value > said.Start.Value
            ? string.Format(CultureInfo.InvariantCulture, l.RetryNamedByServer, Duration(wait), $"[{said.Start.Value}..{said.End.Value}]")
            : string.Format(CultureInfo.InvariantCulture, l.RetryKindDefault, Duration(wait));
    }

    // A wait in hours, minutes and seconds, the units every language of the tool writes alike: "1 h 30 min", "45 s".
    internal static string Duration(TimeSpan wait)
    {
        var parts = new List<string>(3);
        long hours = (long)wait.TotalHours;
        if (hours > 0)
            parts.Add(hours.ToString(CultureInfo.InvariantCulture) + " h");
        if (wait.Minutes > 0)
            parts.Add(wait.Minutes.ToString(CultureInfo.InvariantCulture) + " min");
        if (wait.Seconds > 0 || parts.Count == 0)
            parts.Add(wait.Seconds.ToString(CultureInfo.InvariantCulture) + " s");
        return string.Join(" ", parts);
    }

    // "phrase 'relay access denied' at 16-35, reply code, stage (Phrase); 1 agreeing; against: ClientBlocked by generic.block-list (WeakPhrase)"
    private static string? EvidenceText(in DiagnosisEvidence e)
    {
        if (e.Strength == EvidenceStrength.None && e.ContradictingKind is null)
            return null;
        var parts = new System.Collections.Generic.List<string>();
        if (e.Phrase is not null)
        {
            var (start, end) = (e.PhraseRange.Start.Value, e.PhraseRange.End.Value);
            parts.Add(end > start ? $"phrase '{e.Phrase}' at {start}-{end}" : $"phrase '{e.Phrase}'");
        }

        if (e.UsedEnhancedCode)
            parts.Add("enhanced code");
        if (e.UsedReplyCode)
            parts.Add("reply code");
        if (e.UsedStage)
            parts.Add("stage");
        string text = $"{(parts.Count == 0 ? "none" : string.Join(", ", parts))} ({e.Strength}); {e.Support} agreeing";
        return e.ContradictingKind is { } kind ? $"{text}; against: {kind} by {e.ContradictingRuleId} ({e.ContradictingStrength})" : text;
    }

    private void Separate()
    {
        if (!_first)
            output.WriteLine();
        _first = false;
    }

    // The values of a block start in one column: 20, or further when a label in that language is longer.
    private int Width(System.Collections.Generic.IEnumerable<string> labels) => Math.Max(20, labels.Max(l => l.Length) + explainer.Labels.Colon.Length + 1);

    private void Line(string label, string? value, int width = 20)
    {
        if (value is not null)
            output.WriteLine((label + explainer.Labels.Colon).PadRight(width) + value);
    }
}
