#if !NET
using System.Collections.Generic;

namespace System;

/// <summary>The hash-code builder of .NET, for netstandard2.0: the members the code uses (not randomized per process).</summary>
internal struct HashCode
{
    private int _hash;

    public void Add<T>(T value) => Add(value, null);

    public void Add<T>(T value, IEqualityComparer<T>? comparer)
    {
        int h = value is null ? 0 : (comparer ?? EqualityComparer<T>.Default).GetHashCode(value);
        _hash = unchecked((_hash * -1521134295) + h);
    }

    public readonly int ToHashCode() => _hash;

    public static int Combine<T1, T2>(T1 value1, T2 value2)
    {
        var hash = default(HashCode);
        hash.Add(value1);
        hash.Add(value2);
        return hash.ToHashCode();
    }

    public static int Combine<T1, T2, T3>(T1 value1, T2 value2, T3 value3)
    {
        var hash = default(HashCode);
        hash.Add(value1);
        hash.Add(value2);
        hash.Add(value3);
        return hash.ToHashCode();
    }
}
#endif
