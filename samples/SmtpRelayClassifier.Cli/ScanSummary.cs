using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SmtpRelayClassifier.Scanning;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// What <c>scan --summary</c> prints: the failures counted by kind, by recipient action, by block list, by remote host
/// and by recipient domain, the relay blocks by remote host and by client host (the top 20 of each), the rules that
/// decided most often; apart from them the reports that are no failure, by type (and ARF feedback type); the inputs not
/// read and what the readers read past, by reason (also what <c>--since</c>/<c>--until</c> left out).
/// </summary>
internal sealed class ScanSummary(System.Globalization.CultureInfo? culture = null)
{
    private const int Top = 20;

    private readonly System.Globalization.CultureInfo _culture = culture ?? System.Globalization.CultureInfo.CurrentUICulture;

    private readonly ScanCounts<SmtpFailureKind> _kinds = new();
    private readonly ScanCounts<RecipientAction> _actions = new();
    private readonly ScanCounts<string> _blockLists = new(StringComparer.OrdinalIgnoreCase);
    private readonly ScanCounts<string> _remoteHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ScanCounts<string> _domains = new(StringComparer.OrdinalIgnoreCase);
    private readonly ScanCounts<string> _relayBlocksByHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly ScanCounts<string> _relayBlocksByClient = new(StringComparer.OrdinalIgnoreCase);
    private readonly ScanCounts<string> _rules = new(StringComparer.Ordinal);
    private readonly ScanCounts<NotFailureKind> _notFailures = new();
    private readonly ScanCounts<string> _feedbackTypes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ScanCounts<SkipReason> _skipped = new();
    private long _relayBlocks;

    /// <summary>How many inputs were not read at all (named on standard error).</summary>
    public int NotRead { get; set; }

    public void Add(ScanCommand.Result r)
    {
        var d = r.Diagnosis;
        if (!d.IsFailure)
        {
            // Counted apart: a report about no failure is in none of the failure counts.
            _notFailures.Add(d.NotFailure);
            if (r.FeedbackType is { } type)
                _feedbackTypes.Add(type);
            return;
        }

        _kinds.Add(d.Kind);
        _actions.Add(d.RecipientAction);
        _rules.Add(d.RuleId);
        if (d.BlockList is { } list)
            _blockLists.Add(list.Name);
        _remoteHosts.Add(r.RemoteHost ?? r.RemoteAddress ?? string.Empty);
        if (DomainOf(r.Recipient ?? d.Mailbox) is { } domain)
            _domains.Add(domain);
        if (d.IsRelayBlock)
        {
            _relayBlocks++;
            // A server's own refusal (a reject line) names the client that was refused; a delivery names the server that refused.
            if (d.Source == DiagnosisSource.SubmissionSession)
                _relayBlocksByClient.Add(r.RemoteAddress ?? r.RemoteHost ?? string.Empty);
            else
                _relayBlocksByHost.Add(r.RemoteHost ?? r.RemoteAddress ?? string.Empty);
        }
    }

    /// <summary>Adds the counts of another summary (one input's, made on a worker) to these.</summary>
    public void Add(ScanSummary other)
    {
        _kinds.Add(other._kinds);
        _actions.Add(other._actions);
        _blockLists.Add(other._blockLists);
        _remoteHosts.Add(other._remoteHosts);
        _domains.Add(other._domains);
        _relayBlocksByHost.Add(other._relayBlocksByHost);
        _relayBlocksByClient.Add(other._relayBlocksByClient);
        _rules.Add(other._rules);
        _notFailures.Add(other._notFailures);
        _feedbackTypes.Add(other._feedbackTypes);
        _skipped.Add(other._skipped);
        _relayBlocks += other._relayBlocks;
        NotRead += other.NotRead;
    }

    /// <summary>Adds what the readers of one input read past.</summary>
    public void AddSkipped(SkipCounts skipped)
    {
        foreach (var (reason, count) in skipped.ByReason)
            _skipped.Add(reason, count);
    }

    public void WriteText(TextWriter output)
    {
        var l = TextLabels.For(_culture);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        output.WriteLine(string.Format(invariant, l.Failures, _kinds.Total, _relayBlocks));
        Section(output, l, l.ByKind, _kinds.Ordered().Select(p => (DiagnosisExplainer.KindName(p.Key, _culture), p.Value)));
        Section(output, l, l.ByAction, _actions.Ordered().Select(p => (p.Key.ToString(), p.Value)));
        Section(output, l, l.ByBlockList, Hosts(l, _blockLists));
        Section(output, l, l.ByRemoteHost, Hosts(l, _remoteHosts));
        Section(output, l, l.ByRecipientDomain, Hosts(l, _domains));
        Section(output, l, l.RelayBlocksByHost, Hosts(l, _relayBlocksByHost));
        Section(output, l, l.RelayBlocksByClientHost, Hosts(l, _relayBlocksByClient));
        Section(output, l, l.TopRules, _rules.Ordered().Take(10).Select(p => (p.Key, p.Value)));
        output.WriteLine();
        output.WriteLine(string.Format(invariant, l.NotFailures, _notFailures.Total));
        Section(output, l, l.ByReportType, _notFailures.Ordered().Select(p => (p.Key.ToString(), p.Value))
            .Concat(_feedbackTypes.Ordered().Select(p => ($"{NotFailureKind.FeedbackReport} {p.Key}", p.Value))), blankBefore: false);
        output.WriteLine();
        output.WriteLine(string.Format(invariant, l.InputsNotRead, NotRead));
        Section(output, l, l.SkippedWhileReading, _skipped.Ordered().OrderBy(p => p.Key).Select(p => (l.SkipReasons[p.Key], p.Value)), blankBefore: false);
    }

    public void WriteJson(Utf8JsonWriter json, Stream output)
    {
        json.WriteStartObject();
        json.WriteNumber("failures", _kinds.Total);
        json.WriteNumber("relayBlocks", _relayBlocks);
        Object(json, "byKind", _kinds.Ordered().Select(p => (p.Key.ToString(), p.Value)));
        Object(json, "byAction", _actions.Ordered().Select(p => (p.Key.ToString(), p.Value)));
        Object(json, "byBlockList", Named(_blockLists));
        Object(json, "byRemoteHost", Named(_remoteHosts));
        Object(json, "byRecipientDomain", Named(_domains));
        Object(json, "relayBlocksByRemoteHost", Named(_relayBlocksByHost));
        Object(json, "relayBlocksByClientHost", Named(_relayBlocksByClient));
        Object(json, "topRules", _rules.Ordered().Take(10).Select(p => (p.Key, p.Value)));
        json.WriteStartObject("notFailures");
        json.WriteNumber("total", _notFailures.Total);
        Object(json, "byType", _notFailures.Ordered().Select(p => (p.Key.ToString(), p.Value)));
        Object(json, "byFeedbackType", _feedbackTypes.Ordered().Select(p => (p.Key, p.Value)));
        json.WriteEndObject();
        json.WriteNumber("inputsNotRead", NotRead);
        Object(json, "skipped", _skipped.Ordered().OrderBy(p => p.Key).Select(p => (p.Key.ToString(), p.Value)));
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    // "b***@example.org" -> "example.org" (a masked address keeps its domain).
    private static string? DomainOf(string? address)
    {
        int at = address?.LastIndexOf('@') ?? -1;
        return at >= 0 && at < address!.Length - 1 ? address[(at + 1)..].TrimEnd('>').ToLowerInvariant() : null;
    }

    private static IEnumerable<(string, long)> Hosts(TextLabels l, ScanCounts<string> counts) =>
        counts.Ordered().Take(Top).Select(p => (p.Key.Length == 0 ? l.UnknownHost : p.Key, p.Value));

    private static IEnumerable<(string, long)> Named(ScanCounts<string> counts) =>
        counts.Ordered().Take(Top).Select(p => (p.Key.Length == 0 ? "(unknown host)" : p.Key, p.Value));

    private static void Section(TextWriter output, TextLabels l, string heading, IEnumerable<(string Name, long Count)> rows, bool blankBefore = true)
    {
        if (blankBefore)
            output.WriteLine();
        output.WriteLine(heading + l.Colon);
        bool any = false;
        foreach (var (name, count) in rows)
        {
            output.WriteLine($"  {count,10}  {name}");
            any = true;
        }

        if (!any)
            output.WriteLine("  " + l.None);
    }

    private static void Object(Utf8JsonWriter json, string name, IEnumerable<(string Name, long Count)> rows)
    {
        json.WriteStartObject(name);
        foreach (var (key, count) in rows)
            json.WriteNumber(key, count);
        json.WriteEndObject();
    }
}
