using System;
using System.IO;
using System.Linq;

namespace SmtpRelayClassifier.Cli;

/// <summary>Writes diagnoses for a person to read, with addresses shown as the explainer allows (masked by default).</summary>
internal sealed class TextDiagnosisWriter(TextWriter output, Explainer explainer)
{
    private bool _first = true;

    public void Write(ReadOnlySpan<char> input, RelayBlockDiagnosis d)
    {
        Separate();
        Line("Input", explainer.ShowText(input).ToString());
        WriteDiagnosis(d);
    }

    public void Write(OutlookErrorDialog dialog, RelayBlockDiagnosis d)
    {
        Separate();
        output.WriteLine($"Outlook error dialog ({(dialog.Language == "fr" ? "French" : "English")}):");
        Line("  Message", explainer.ShowText(dialog.Message));
        Line("  Rejected address", explainer.ShowMailbox(dialog.RejectedAddress));
        Line("  Subject", explainer.ShowText(dialog.Subject));
        Line("  Account", explainer.ShowText(dialog.Account));
        Line("  Server", explainer.ShowText(dialog.Server));
        Line("  Protocol", dialog.Protocol);
        Line("  Server response", explainer.ShowText(dialog.ServerResponse));
        Line("  Port", dialog.Port?.ToString());
        Line("  Secure (SSL)", dialog.Secure is { } s ? (s ? "yes" : "no") : null);
        Line("  Server error", dialog.ServerError);
        Line("  Socket error", dialog.SocketError?.ToString());
        Line("  Error number", dialog.ErrorNumber is { } n ? $"{n} {n.Name}" : null);
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
        Line("Kind", d.Kind.ToString());
        Line("Relay block", d.IsRelayBlock ? "yes" : "no");
        Line("Retry can help", d.IsTransient ? "yes" : "no");
        Line("Stage", d.Stage.ToString());
        Line("Reply code", d.ReplyCode?.ToString());
        Line("Enhanced code", d.EnhancedStatusCode?.ToString());
        Line("Mailbox", explainer.ShowMailbox(d.Mailbox));
        Line("Server", d.Server is null ? null : d.Port is { } p ? $"{d.Server}:{p}" : d.Server);
        Line("Outlook error", d.HResult is { } h ? $"{h} {h.Name}" : null);
        Line("Error type", d.ErrorType);
        Line("Source", d.Source.ToString());
        Line("Who must act", d.ResponsibleParty.ToString());
        Line("Rule", $"{d.RuleId} (confidence: {d.Confidence})");
        Line("Evidence", EvidenceText(d.Evidence));
        Line("Summary", explainer.ShowText(d.Summary));
        if (d.Causes.Count > 0)
            Line("Likely causes", string.Join(", ", d.Causes));
        if (d.Remedies.Count > 0)
            Line("Remedies", string.Join(" > ", d.Remedies.Select((r, i) => $"{i + 1}. {r}")));
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

    private void Line(string label, string? value)
    {
        if (value is not null)
            output.WriteLine($"{label + ":",-20}{value}");
    }
}
