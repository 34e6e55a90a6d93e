using System;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier;

/// <summary>
/// Masks e-mail addresses the way the package's logs, explanations and readers do: <c>bob@example.org</c> becomes
/// <c>b***@example.org</c>, <c>"erin x"@example.org</c> becomes <c>"e***"@example.org</c>, <c>dave@[192.0.2.1]</c> becomes
/// <c>d***@[192.0.2.1]</c>. Every address form of RFC 5321 (with the UTF-8 addresses of RFC 6531) is found, in time
/// linear in the length of the text. Thread-safe: it keeps no state.
/// </summary>
public static class AddressMasking
{
    /// <summary>Masks the local part of every address in a text.</summary>
    /// <param name="text">The text, such as a server reply or an exception message.</param>
    /// <returns>The text with every address masked; the same instance when it holds none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string MaskAddresses(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AddressRedactor.MaskAll(text);
    }

    /// <summary>Masks one address, such as <see cref="RelayBlockDiagnosis.Mailbox"/>.</summary>
    /// <param name="address">The address.</param>
    /// <returns>The masked address; a text that is not an address becomes <c>***</c> followed by what follows its last '@'.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public static string MaskAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return AddressRedactor.Mask(address);
    }

    /// <summary>A copy of a diagnosis with its <see cref="RelayBlockDiagnosis.Mailbox"/> and the addresses in its <see cref="RelayBlockDiagnosis.ReplyText"/> masked.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <returns>The redacted copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diagnosis"/> is null.</exception>
    public static RelayBlockDiagnosis Redact(RelayBlockDiagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        return AddressRedactor.Redact(diagnosis);
    }
}
