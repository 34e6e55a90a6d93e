#if !NET
using System;
using System.Collections.Generic;
using System.Linq;

namespace SmtpRelayClassifier;

/// <summary>The collection and LINQ members of .NET that netstandard2.0 lacks, as the code uses them.</summary>
internal static class CollectionPolyfills
{
    public static TValue? GetValueOrDefault<TKey, TValue>(this Dictionary<TKey, TValue> dictionary, TKey key)
        where TKey : notnull => dictionary.TryGetValue(key, out var value) ? value : default;

    public static bool TryAdd<TKey, TValue>(this Dictionary<TKey, TValue> dictionary, TKey key, TValue value)
        where TKey : notnull
    {
        if (dictionary.ContainsKey(key))
            return false;
        dictionary.Add(key, value);
        return true;
    }

    public static void Deconstruct<TKey, TValue>(this KeyValuePair<TKey, TValue> pair, out TKey key, out TValue value)
    {
        key = pair.Key;
        value = pair.Value;
    }

    public static IOrderedEnumerable<T> Order<T>(this IEnumerable<T> source) => source.OrderBy(x => x);

    public static HashSet<T> ToHashSet<T>(this IEnumerable<T> source) => new(source);

    extension(Array)
    {
        public static void Fill<T>(T[] array, T value)
        {
            for (int i = 0; i < array.Length; i++)
                array[i] = value;
        }
    }

    extension(Enum)
    {
        public static TEnum[] GetValues<TEnum>()
            where TEnum : struct, Enum => (TEnum[])Enum.GetValues(typeof(TEnum));

        public static string[] GetNames<TEnum>()
            where TEnum : struct, Enum => Enum.GetNames(typeof(TEnum));
    }
}
#endif
