#if !NET
namespace System.Buffers;

/// <summary>The <c>SearchValues.Create</c> of .NET, for netstandard2.0: the set kept as its characters.</summary>
internal static class SearchValues
{
    public static SearchValues<char> Create(string values) => new(values);
}

/// <summary>A set of characters to search a span for, for netstandard2.0 (see <c>SpanPolyfills.IndexOfAny</c>).</summary>
internal sealed class SearchValues<T>(string values)
{
    public string Values { get; } = values;
}
#endif
