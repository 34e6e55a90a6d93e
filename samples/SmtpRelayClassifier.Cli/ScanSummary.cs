using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SmtpRelayClassifier.Scanning;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// What <c>scan --summary</c> prints: counts per kind, relay blocks per remote host, the rules that decided most often,
/// the inputs not read and what the readers read past, by reason.
/// </summary>
internal sealed class ScanSummary(System.Globalization.CultureInfo? culture = null)
{
    private readonly System.Globalization.CultureInfo _culture = culture ?? System.Globalization.CultureInfo.CurrentUICulture;

    private readonly Dictionary<SmtpFailureKind, long> _kinds = [];
    private readonly Dictionary<string, long> _relayBlocksByHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<SkipReason, long> _skipped = [];
    private long _total;
    private long _relayBlocks;

    /// <summary>How many inputs were not read at all (named on standard error).</summary>
    public int NotRead { get; set; }

    public void Add(ScanCommand.Result r)
    {
        _total++;
        _kinds[r.Diagnosis.Kind] = _kinds.GetValueOrDefault(r.Diagnosis.Kind) + 1;
        _rules[r.Diagnosis.RuleId] = _rules.GetValueOrDefault(r.Diagnosis.RuleId) + 1;
        if (r.Diagnosis.IsRelayBlock)
        {
            _relayBlocks++;
            string host = r.RemoteHost ?? r.RemoteAddress ?? string.Empty;
            _relayBlocksByHost[host] = _relayBlocksByHost.GetValueOrDefault(host) + 1;
        }
    }

    /// <summary>Adds what the readers of one input read past.</summary>
    public void AddSkipped(SkipCounts skipped)
    {
        foreach (var (reason, count) in skipped.ByReason)
            _skipped[reason] = _skipped.GetValueOrDefault(reason) + count;
    }

    public void WriteText(TextWriter output)
    {
        var l = TextLabels.For(_culture);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        output.WriteLine(string.Format(invariant, l.Failures, _total, _relayBlocks));
        output.WriteLine();
        output.WriteLine(l.ByKind + l.Colon);
        foreach (var (kind, count) in _kinds.OrderByDescending(p => p.Value).ThenBy(p => p.Key))
            output.WriteLine($"  {count,10}  {DiagnosisExplainer.KindName(kind, _culture)}");
        output.WriteLine();
        output.WriteLine(l.RelayBlocksByHost + l.Colon);
        foreach (var (host, count) in _relayBlocksByHost.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(20))
            output.WriteLine($"  {count,10}  {(host.Length == 0 ? l.UnknownHost : host)}");
        if (_relayBlocksByHost.Count == 0)
            output.WriteLine("  " + l.None);
        output.WriteLine();
        output.WriteLine(l.TopRules + l.Colon);
        foreach (var (rule, count) in _rules.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(10))
            output.WriteLine($"  {count,10}  {rule}");
        output.WriteLine();
        output.WriteLine(string.Format(invariant, l.InputsNotRead, NotRead));
        output.WriteLine(l.SkippedWhileReading + l.Colon);
        foreach (var (reason, count) in _skipped.OrderBy(p => p.Key))
            output.WriteLine($"  {count,10}  {l.SkipReasons[reason]}");
        if (_skipped.Count == 0)
            output.WriteLine("  " + l.None);
    }

    public void WriteJson(Utf8JsonWriter json, Stream output)
    {
        json.WriteStartObject();
        json.WriteNumber("failures", _total);
        json.WriteNumber("relayBlocks", _relayBlocks);
        json.WriteStartObject("byKind");
        foreach (var (kind, count) in _kinds.OrderByDescending(p => p.Value).ThenBy(p => p.Key))
            json.WriteNumber(kind.ToString(), count);
        json.WriteEndObject();
        json.WriteStartObject("relayBlocksByRemoteHost");
        foreach (var (host, count) in _relayBlocksByHost.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
            json.WriteNumber(host.Length == 0 ? "(unknown host)" : host, count);
        json.WriteEndObject();
        json.WriteStartObject("topRules");
        foreach (var (rule, count) in _rules.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(10))
            json.WriteNumber(rule, count);
        json.WriteEndObject();
        json.WriteNumber("inputsNotRead", NotRead);
        json.WriteStartObject("skipped");
        foreach (var (reason, count) in _skipped.OrderBy(p => p.Key))
            json.WriteNumber(reason.ToString(), count);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }
}
