using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace SmtpRelayClassifier.Tests.Infrastructure;

/// <summary>A logger that records every event with its structured properties and the properties of the scopes open around it.</summary>
public sealed class FakeLogger : ILogger
{
    private readonly List<object?> _scopes = [];

    public LogLevel MinimumLevel { get; init; } = LogLevel.Trace;

    public List<Entry> Entries { get; } = [];

    public IDisposable BeginScope<TState>(TState state)
        where TState : notnull
    {
        _scopes.Add(state);
        return new Pop(_scopes);
    }

    public bool IsEnabled(LogLevel logLevel) => logLevel >= MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        var properties = Properties(state);
        var scopeProperties = _scopes.SelectMany(Properties).ToDictionary(p => p.Key, p => p.Value);
        Entries.Add(new Entry(logLevel, eventId, formatter(state, exception), properties, scopeProperties, exception));
    }

    private static Dictionary<string, object?> Properties(object? state) =>
        state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Where(p => p.Key != "{OriginalFormat}").ToDictionary(p => p.Key, p => p.Value)
            : [];

    public sealed record Entry(
        LogLevel Level,
        EventId EventId,
        string Message,
        IReadOnlyDictionary<string, object?> Properties,
        IReadOnlyDictionary<string, object?> ScopeProperties,
        Exception? Exception)
    {
        public object? Get(string name) =>
            Properties.TryGetValue(name, out var value) ? value : ScopeProperties.TryGetValue(name, out var scoped) ? scoped : null;

        public bool Has(string name) => Properties.ContainsKey(name) || ScopeProperties.ContainsKey(name);
    }

    private sealed class Pop(List<object?> scopes) : IDisposable
    {
        public void Dispose() => scopes.RemoveAt(scopes.Count - 1);
    }
}
