using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SmtpRelayClassifier;

/// <summary>
/// The fields of an Outlook, Outlook Express or Windows Mail error dialog as a user pastes it, in English or French:
/// <c>… The rejected e-mail address was '…'. Subject '…', Account: '…', Server: '…', Protocol: SMTP, Server Response:
/// '…', Port: 25, Secure(SSL): No, Server Error: 550, Error Number: 0x800CCC79</c>. Both spellings of each label are
/// read (<c>Subject '…'</c> and <c>Subject: '…'</c>, <c>Secure(SSL)</c> and <c>Secure (SSL)</c>, <c>e-mail</c> and
/// <c>email</c>), as is the newer <c>Task '…' reported error (0x800CCC79) : '…'</c>. Immutable and thread-safe.
/// </summary>
public sealed record OutlookErrorDialog
{
    private enum Field
    {
        RejectedAddress,
        SenderAddress,
        Subject,
        Account,
        Server,
        Protocol,
        ServerResponse,
        Port,
        Secure,
        ServerError,
        SocketError,
        ErrorNumber,
    }

    private static readonly (Field Field, string Label, bool IsFrench)[] Labels =
    [
        (Field.RejectedAddress, "The rejected e-mail address was", false),
        (Field.RejectedAddress, "The rejected email address was", false),
        (Field.SenderAddress, "The sender's e-mail address was", false),
        (Field.SenderAddress, "The sender's email address was", false),
        (Field.Subject, "Subject", false),
        (Field.Account, "Account", false),
        (Field.Server, "Server", false),
        (Field.Protocol, "Protocol", false),
        (Field.ServerResponse, "Server Response", false),
        (Field.Port, "Port", false),
        (Field.Secure, "Secure(SSL)", false),
        (Field.Secure, "Secure (SSL)", false),
        (Field.ServerError, "Server Error", false),
        (Field.SocketError, "Socket Error", false),
        (Field.ErrorNumber, "Error Number", false),
        (Field.RejectedAddress, "L'adresse de messagerie refusée était", true),
        (Field.RejectedAddress, "L’adresse de messagerie refusée était", true),
        (Field.SenderAddress, "L'adresse de messagerie de l'expéditeur était", true),
        (Field.SenderAddress, "L’adresse de messagerie de l’expéditeur était", true),
        (Field.Subject, "Objet", true),
        (Field.Account, "Compte", true),
        (Field.Server, "Serveur", true),
        (Field.Protocol, "Protocole", true),
        (Field.ServerResponse, "Réponse du serveur", true),
        (Field.Secure, "Sécurisé (SSL)", true),
        (Field.Secure, "Sécurisé(SSL)", true),
        (Field.ServerError, "Erreur du serveur", true),
        (Field.SocketError, "Erreur de socket", true),
        (Field.ErrorNumber, "Numéro d'erreur", true),
        (Field.ErrorNumber, "Numéro d’erreur", true),
    ];

    /// <summary>The dialog's sentence before its fields, such as "The message could not be sent because one of the recipients was rejected by the server."</summary>
    public string? Message { get; init; }

    /// <summary>The rejected recipient (0x800CCC79) or sender (0x800CCC78) address, without quotes or angle brackets.</summary>
    public string? RejectedAddress { get; init; }

    /// <summary>The message's subject.</summary>
    public string? Subject { get; init; }

    /// <summary>The account name in Outlook.</summary>
    public string? Account { get; init; }

    /// <summary>The outgoing server's host name.</summary>
    public string? Server { get; init; }

    /// <summary>The protocol, usually SMTP.</summary>
    public string? Protocol { get; init; }

    /// <summary>The server's reply, with its code, as the dialog quotes it.</summary>
    public string? ServerResponse { get; init; }

    /// <summary>The server port.</summary>
    public int? Port { get; init; }

    /// <summary>Whether the account used SSL/TLS.</summary>
    public bool? Secure { get; init; }

    /// <summary>The "Server Error" field: a reply code such as 550, or an error number.</summary>
    public string? ServerError { get; init; }

    /// <summary>The Winsock error of a connection failure (10060 timed out, 10061 refused).</summary>
    public int? SocketError { get; init; }

    /// <summary>The error number, such as 0x800CCC79.</summary>
    public OutlookHResult? ErrorNumber { get; init; }

    /// <summary>The language of the dialog's labels: <c>en</c> or <c>fr</c>.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Reads the fields of a dialog text.</summary>
    /// <param name="text">The text the user copied from the dialog.</param>
    /// <param name="dialog">The fields when the text is a dialog.</param>
    /// <returns>True when the text holds an error number or a server response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static bool TryParse(string text, [NotNullWhen(true)] out OutlookErrorDialog? dialog)
    {
        ArgumentNullException.ThrowIfNull(text);
        dialog = null;
        var found = FindLabels(text);
        var values = new Dictionary<Field, string>();
        bool french = false;
        for (int i = 0; i < found.Count; i++)
        {
            var (_, valueStart, field, isFrench) = found[i];
            int valueEnd = i + 1 < found.Count ? found[i + 1].Start : text.Length;
            values.TryAdd(field, Clean(text[valueStart..valueEnd]));
            french |= isFrench;
        }

        OutlookHResult? number = null;
        if (values.TryGetValue(Field.ErrorNumber, out var numberText) && OutlookHResult.TryParse(numberText, out var parsedNumber))
            number = parsedNumber;
        number ??= FindHResult(text);

        values.TryGetValue(Field.ServerResponse, out var response);
        if (number is null && string.IsNullOrEmpty(response))
            return false;

        string? address = values.GetValueOrDefault(Field.RejectedAddress) ?? values.GetValueOrDefault(Field.SenderAddress);
        string? message = found.Count > 0 ? Clean(text[..found[0].Start]) : null;

        dialog = new OutlookErrorDialog
        {
            Message = string.IsNullOrEmpty(message) ? null : message,
            RejectedAddress = address?.Trim('<', '>', ' '),
            Subject = values.GetValueOrDefault(Field.Subject),
            Account = values.GetValueOrDefault(Field.Account),
            Server = values.GetValueOrDefault(Field.Server)?.Trim('<', '>', ' '),
            Protocol = values.GetValueOrDefault(Field.Protocol),
            ServerResponse = string.IsNullOrEmpty(response) ? null : response,
            Port = int.TryParse(values.GetValueOrDefault(Field.Port), NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and <= 65535 ? port : null,
            Secure = values.GetValueOrDefault(Field.Secure)?.ToUpperInvariant() switch { "YES" or "OUI" => true, "NO" or "NON" => false, _ => null },
            ServerError = values.GetValueOrDefault(Field.ServerError),
            SocketError = int.TryParse(values.GetValueOrDefault(Field.SocketError), NumberStyles.None, CultureInfo.InvariantCulture, out int socket) ? socket : null,
            ErrorNumber = number,
            Language = french ? "fr" : "en",
        };
        return true;
    }

    /// <summary>Reads the fields of a dialog text.</summary>
    /// <param name="text">The text the user copied from the dialog.</param>
    /// <returns>The fields.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text holds neither an error number nor a server response.</exception>
    public static OutlookErrorDialog Parse(string text) =>
        TryParse(text, out var dialog)
            ? dialog
            : throw new FormatException("The text is not an Outlook error dialog: it holds neither an error number (0x800CCCxx) nor a 'Server Response'.");

    private static List<(int Start, int ValueStart, Field Field, bool IsFrench)> FindLabels(string text)
    {
        var found = new List<(int Start, int ValueStart, Field Field, bool IsFrench)>();
        int i = 0;
        // The last character before i that is not a blank: the text's start counts as a line break.
        char lastMark = '\n';
        while (i < text.Length)
        {
            (int ValueStart, Field Field, bool IsFrench, int Length) best = default;
            // Every label starts with an ASCII letter: its first letter is compared before the label.
            if (IsFieldSeparator(lastMark) && char.IsAsciiLetter(text[i]))
            {
                int first = text[i] | 0x20;
                foreach (var (field, label, french) in Labels)
                {
                    if (label.Length <= best.Length || (label[0] | 0x20) != first ||
                        string.Compare(text, i, label, 0, label.Length, StringComparison.OrdinalIgnoreCase) != 0)
                        continue;
                    int valueStart = ValueStart(text, i + label.Length, field);
                    if (valueStart >= 0)
                        best = (valueStart, field, french, label.Length);
                }
            }

            int next = i + 1;
            if (best.Length > 0)
            {
                found.Add((i, best.ValueStart, best.Field, best.IsFrench));
                next = best.ValueStart;
            }

            // Each character is looked at once on the way: a run of blanks is not walked back over at every position.
            for (; i < next; i++)
            {
                if (text[i] is not (' ' or '\t'))
                    lastMark = text[i];
            }
        }

        return found;
    }

    // A label starts the text, or follows a field separator (", " or ". ") or a line break, after blanks if any.
    private static bool IsFieldSeparator(char c) => c is ',' or '.' or ';' or '\n' or '\r' or ':';

    // After a label: "Label: value", "Label : value" (French), or "Subject 'x'" / "Port 25" without a colon.
    private static int ValueStart(string text, int afterLabel, Field field)
    {
        int j = afterLabel;
        while (j < text.Length && text[j] is ' ' or '\u00A0' or '\u202F')
            j++;
        if (j < text.Length && text[j] == ':')
            return j + 1;
        if (j > afterLabel && j < text.Length && (text[j] is '\'' or '\u2019' || (field == Field.Port && char.IsAsciiDigit(text[j]))))
            return j;
        return -1;
    }

    private static string Clean(string value)
    {
        var span = value.AsSpan().Trim();
        span = span.TrimEnd(",;").TrimEnd();
        if (span.Length >= 2 && span[^1] == '.' && span[^2] is '\'' or '\u2019')
            span = span[..^1];
        if (span.Length >= 2 && span[0] is '\'' or '\u2019' && span[^1] is '\'' or '\u2019')
            span = span[1..^1];
        else if (span.Length >= 1 && span[^1] == '.' && !span.Contains(' '))
            span = span[..^1];
        return span.Trim().ToString();
    }

    private static OutlookHResult? FindHResult(string text)
    {
        int at = 0;
        while ((at = text.IndexOf("0x", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            int end = at + 2;
            while (end < text.Length && end - at < 10 && char.IsAsciiHexDigit(text[end]))
                end++;
            if (end - at == 10 && OutlookHResult.TryParse(text.AsSpan(at, 10), out var number) && number.IsKnown)
                return number;
            at += 2;
        }

        return null;
    }
}
