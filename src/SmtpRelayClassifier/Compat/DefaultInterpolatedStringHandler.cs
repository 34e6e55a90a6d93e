#if !NET
using System.Text;

namespace System.Runtime.CompilerServices;

/// <summary>
/// The interpolated-string builder of .NET, for netstandard2.0: the members the code and the compiler use, over a
/// <see cref="StringBuilder"/> (the caller's initial buffer is not used).
/// </summary>
[InterpolatedStringHandler]
internal ref struct DefaultInterpolatedStringHandler
{
    private readonly IFormatProvider? _provider;
    private StringBuilder _builder;

    public DefaultInterpolatedStringHandler(int literalLength, int formattedCount)
        : this(literalLength, formattedCount, null)
    {
    }

    public DefaultInterpolatedStringHandler(int literalLength, int formattedCount, IFormatProvider? provider)
    {
        _provider = provider;
        _builder = new StringBuilder(literalLength + (formattedCount * 11));
    }

    public DefaultInterpolatedStringHandler(int literalLength, int formattedCount, IFormatProvider? provider, Span<char> initialBuffer)
        : this(literalLength, formattedCount, provider)
    {
        _ = initialBuffer;
    }

    public void AppendLiteral(string value) => _builder.Append(value);

    public void AppendFormatted(string? value) => _builder.Append(value);

    public void AppendFormatted(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
            _builder.Append(c);
    }

    public void AppendFormatted<T>(T value) => AppendFormatted(value, 0, null);

    public void AppendFormatted<T>(T value, string? format) => AppendFormatted(value, 0, format);

    public void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

    public void AppendFormatted<T>(T value, int alignment, string? format)
    {
        string text = value is IFormattable formattable ? formattable.ToString(format, _provider) : value?.ToString() ?? string.Empty;
        if (alignment > 0)
            _builder.Append(' ', Math.Max(0, alignment - text.Length)).Append(text);
        else
            _builder.Append(text).Append(' ', Math.Max(0, -alignment - text.Length));
    }

    public string ToStringAndClear()
    {
        string text = _builder.ToString();
        _builder = new StringBuilder();
        return text;
    }

    public override string ToString() => _builder.ToString();
}
#endif
