#if !NET
namespace System.Numerics;

/// <summary>The bit counts of .NET's <c>BitOperations</c> that the rule tables use, for netstandard2.0.</summary>
internal static class BitOperations
{
    public static int TrailingZeroCount(ulong value)
    {
        if (value == 0)
            return 64;
        int count = 0;
        while ((value & 1) == 0)
        {
            value >>= 1;
            count++;
        }

        return count;
    }

    public static int PopCount(ulong value)
    {
        int count = 0;
        while (value != 0)
        {
            value &= value - 1;
            count++;
        }

        return count;
    }
}
#endif
