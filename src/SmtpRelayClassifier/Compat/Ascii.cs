#if !NET
namespace System.Text;

/// <summary>The ASCII check of .NET's <c>System.Text.Ascii</c>, for netstandard2.0.</summary>
internal static class Ascii
{
    /// <summary>True when every byte is ASCII.</summary>
    public static bool IsValid(ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            if (b >= 0x80)
                return false;
        }

        return true;
    }
}
#endif
