#if !NET
using System.Collections.Generic;

namespace System.Collections.Frozen;

/// <summary>
/// The read-only dictionary of .NET's <c>System.Collections.Frozen</c>, for netstandard2.0: a plain
/// <see cref="Dictionary{TKey, TValue}"/> behind the members the code uses. Safe for concurrent reads.
/// </summary>
internal sealed class FrozenDictionary<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _items;

    internal FrozenDictionary(Dictionary<TKey, TValue> items) => _items = items;

    public int Count => _items.Count;

    public IEnumerable<TKey> Keys => _items.Keys;

    public IEnumerable<TValue> Values => _items.Values;

    public TValue this[TKey key] => _items[key];

    public bool ContainsKey(TKey key) => _items.ContainsKey(key);

    public bool TryGetValue(TKey key, out TValue value) => _items.TryGetValue(key, out value!);

    public TValue? GetValueOrDefault(TKey key) => _items.TryGetValue(key, out var value) ? value : default;
}
#endif
