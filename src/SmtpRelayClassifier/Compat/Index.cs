#if !NET
namespace System;

/// <summary>The index type of .NET (<c>^1</c>), for netstandard2.0: what the parser's span slicing needs.</summary>
internal readonly struct Index : IEquatable<Index>
{
    private readonly int _value;

    public Index(int value, bool fromEnd = false)
    {
        if (value < 0)
            throw new ArgumentOutOfRangeException(nameof(value), value, "An index must not be negative.");
        _value = fromEnd ? ~value : value;
    }

    public static Index Start => new(0);

    public static Index End => new(0, fromEnd: true);

    public int Value => _value < 0 ? ~_value : _value;

    public bool IsFromEnd => _value < 0;

    public static implicit operator Index(int value) => new(value);

    public static bool operator ==(Index left, Index right) => left._value == right._value;

    public static bool operator !=(Index left, Index right) => left._value != right._value;

    public static Index FromStart(int value) => new(value);

    public static Index FromEnd(int value) => new(value, fromEnd: true);

    public int GetOffset(int length) => IsFromEnd ? length - Value : _value;

    public bool Equals(Index other) => _value == other._value;

    public override bool Equals(object? obj) => obj is Index other && Equals(other);

    public override int GetHashCode() => _value;

    public override string ToString() => IsFromEnd ? "^" + Value.ToString(Globalization.CultureInfo.InvariantCulture) : Value.ToString(Globalization.CultureInfo.InvariantCulture);
}
#endif
