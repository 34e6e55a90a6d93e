using System;
using System.Globalization;

namespace SmtpRelayClassifier;

/// <summary>
/// An Outlook, Outlook Express or Windows Mail error number (an HRESULT of the Internet transport, such as
/// <c>0x800CCC79</c>), with its symbolic name and meaning when known. Immutable and thread-safe.
/// </summary>
#if NET
[System.Text.Json.Serialization.JsonConverter(typeof(OutlookHResultJsonConverter))]
#endif
public readonly record struct OutlookHResult
{
    private OutlookHResult(uint value, string? name, string description)
    {
        Value = value;
        Name = name;
        Description = description;
    }

    /// <summary>The number, as the unsigned 32-bit value Outlook prints in hexadecimal.</summary>
    public uint Value { get; }

    /// <summary>The symbolic name from the transport header, such as <c>IXP_E_SMTP_REJECTED_RECIPIENTS</c>; null when the number is not known.</summary>
    public string? Name { get; }

    /// <summary>What the number means, in one English sentence.</summary>
    public string Description { get; }

    /// <summary>True when the number is one this library knows.</summary>
    public bool IsKnown => Name is not null;

    /// <summary>Looks a number up; an unknown number is kept, with <see cref="IsKnown"/> false.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The error number with its name and meaning when known.</returns>
    public static OutlookHResult FromValue(uint value) =>
        OutlookHResultTable.TryGet(value, out var info)
            ? new OutlookHResult(value, info.Name, info.Description)
            : new OutlookHResult(value, null, "An error number this library does not know.");

    /// <summary>Looks a number up given as a signed HRESULT (for example <c>Exception.HResult</c>).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The error number with its name and meaning when known.</returns>
    public static OutlookHResult FromValue(int value) => FromValue(unchecked((uint)value));

    /// <summary>
    /// Parses an error number written as Outlook writes it (<c>0x800CCC79</c>, any case), as eight hexadecimal digits
    /// without the prefix (<c>800CCC79</c>), or as a decimal HRESULT, signed (<c>-2146644871</c>) or unsigned.
    /// </summary>
    /// <param name="text">The text; surrounding white space and parentheses are ignored.</param>
    /// <param name="result">The error number.</param>
    /// <returns>True when the text is an error number.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out OutlookHResult result)
    {
        text = text.Trim().Trim("()").Trim();
        result = default;
        if (text.Length == 0)
            return false;
        uint value;
        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X')
        {
            var digits = text[2..];
            if (digits.Length is 0 or > 8 || !uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value))
                return false;
        }
        else if (text.Length == 8 && !text.ContainsAnyExcept("0123456789abcdefABCDEF") && text.ContainsAny("abcdefABCDEF"))
        {
            value = uint.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        else if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int signed) && signed < 0)
        {
            value = unchecked((uint)signed);
        }
        else if (!uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        result = FromValue(value);
        return true;
    }

    /// <summary>Returns the number as Outlook prints it, such as <c>0x800CCC79</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"0x{Value:X8}");
}
