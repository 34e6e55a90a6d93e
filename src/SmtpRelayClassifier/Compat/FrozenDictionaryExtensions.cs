#if !NET
using System.Collections.Generic;

namespace System.Collections.Frozen;

/// <summary>The <c>ToFrozenDictionary</c> builders of .NET, for netstandard2.0.</summary>
internal static class FrozenDictionaryExtensions
{
    public static FrozenDictionary<TKey, TValue> ToFrozenDictionary<TKey, TValue>(this IEnumerable<KeyValuePair<TKey, TValue>> source)
        where TKey : notnull
    {
        var items = new Dictionary<TKey, TValue>();
        foreach (var pair in source)
            items.Add(pair.Key, pair.Value);
        return new FrozenDictionary<TKey, TValue>(items);
    }

    public static FrozenDictionary<TKey, TSource> ToFrozenDictionary<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
        where TKey : notnull
    {
        var items = new Dictionary<TKey, TSource>();
        foreach (var item in source)
            items.Add(keySelector(item), item);
        return new FrozenDictionary<TKey, TSource>(items);
    }
}
#endif
