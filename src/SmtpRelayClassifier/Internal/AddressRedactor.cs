using System;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using SmtpRelayClassifier.Classification;

namespace SmtpRelayClassifier.Internal;

/// <summary>
/// Masks e-mail addresses, which are personal data: <c>bob@example.org</c> becomes <c>b***@example.org</c>. The
/// domain stays, because it tells which side of the mail flow an address belongs to.
/// </summary>
internal static class AddressRedactor
{
    public static string Mask(string address)
    {
        int at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
            return at == 0 ? address : "***";
        return string.Concat(address.AsSpan(0, 1), "***", address.AsSpan(at));
    }

    /// <summary>Masks an address that may be absent.</summary>
    [return: NotNullIfNotNull(nameof(address))]
    public static string? MaskOrNull(string? address) => address is null ? null : Mask(address);

    /// <summary>The diagnosis with its mailbox and the addresses in its reply text masked.</summary>
    public static RelayBlockDiagnosis Redact(RelayBlockDiagnosis diagnosis) => diagnosis with
    {
        Mailbox = MaskOrNull(diagnosis.Mailbox),
        ReplyText = diagnosis.ReplyText is null ? null : MaskAll(diagnosis.ReplyText),
    };

    /// <summary>Masks the local part of every address in a text; text without '@' is returned as is.</summary>
    public static string MaskAll(string text)
    {
        int at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
            return text;

        var builder = new StringBuilder(text.Length);
        int copied = 0;
        while (at >= 0)
        {
            int start = at;
            while (start > copied && IsLocalPartChar(text[start - 1]))
                start--;
            if (start < at && at + 1 < text.Length && char.IsLetterOrDigit(text[at + 1]))
            {
                builder.Append(text, copied, start + 1 - copied).Append("***");
                copied = at;
            }

            at = text.IndexOf('@', at + 1);
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsLocalPartChar(char c) =>
        char.IsLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '\'' or '!' or '#' or '$' or '&' or '*' or '/' or '=' or '?' or '^' or '`' or '{' or '|' or '}' or '~';
}
