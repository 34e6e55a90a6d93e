#if !NET
namespace System.Collections.Generic;

/// <summary>The <c>KeyValuePair.Create</c> of .NET, for netstandard2.0.</summary>
internal static class KeyValuePair
{
    public static KeyValuePair<TKey, TValue> Create<TKey, TValue>(TKey key, TValue value) => new(key, value);
}
#endif
