using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using MailKit.Security;
using MimeKit;

namespace SmtpRelayClassifier.Probing;

/// <summary>What to probe and how. Immutable; <see cref="Validate"/> runs before every probe.</summary>
public sealed class RelayProbeOptions
{
    /// <summary>The server's host name or address. Required.</summary>
    public required string Host { get; init; }

    /// <summary>The envelope sender for the transactions (MAIL FROM). Required.</summary>
    public required string Sender { get; init; }

    /// <summary>A recipient outside the server's own domains: the relay test. Required.</summary>
    public required string ExternalRecipient { get; init; }

    /// <summary>The ports to try, in order. Default: 587, 465, 25.</summary>
    public IReadOnlyList<int> Ports { get; init; } = [587, 465, 25];

    /// <summary>
    /// The security per port. Default (a port not listed): implicit TLS on 465, STARTTLS when offered on any other
    /// port. Use <see cref="SecureSocketOptions.StartTls"/> to require STARTTLS, <see cref="SecureSocketOptions.None"/> for plain text.
    /// The login is tried only on an encrypted session, or on a port set to <see cref="SecureSocketOptions.None"/>: that
    /// is the one way to choose sending the password in clear text. When STARTTLS is only "when offered" and the
    /// certificate does not validate, the test without a login runs on a new plain-text connection.
    /// </summary>
    public IReadOnlyDictionary<int, SecureSocketOptions> Security { get; init; } = new Dictionary<int, SecureSocketOptions>();

    /// <summary>
    /// The name to send in EHLO: a domain or an address literal, without spaces or control characters. Default: null,
    /// MailKit's default (the machine's name).
    /// </summary>
    public string? HeloName { get; init; }

    /// <summary>A recipient in the server's own domain, to tell "refuses everything" from "refuses outside recipients". Default: null.</summary>
    public string? LocalRecipient { get; init; }

    /// <summary>Credentials to test relaying after login. Default: null (no login).</summary>
    public NetworkCredential? Credentials { get; init; }

    /// <summary>A second sender, not owned by the login, to test "From must match the account" after login. Default: null.</summary>
    public string? SecondSender { get; init; }

    /// <summary>The local address to connect from, as MailKit's <c>LocalEndPoint</c>. Default: null (the system's choice).</summary>
    public IPAddress? LocalAddress { get; init; }

    /// <summary>
    /// The longest one step (connect, greeting and EHLO, TLS, login, one command) may take: a deadline, however
    /// steadily the server sends. Default: 10 seconds.
    /// </summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest the whole probe may take: a deadline, as <see cref="StepTimeout"/> is. Default: 2 minutes.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The most bytes one server reply may take, all its lines together; a longer reply ends the session as a protocol
    /// error. Default: 65,536 (64 KiB). Between 512 and 16,777,216.
    /// </summary>
    public int MaxReplyBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// The most lines one server reply may have; a longer reply ends the session as a protocol error. Default: 1,000.
    /// Between 1 and 100,000.
    /// </summary>
    public int MaxReplyLines { get; init; } = 1000;

    /// <summary>
    /// The most lines <see cref="RelayProbeReport.Transcript"/> keeps; the rest are counted in a last line. Each line is
    /// cut at 1,000 characters. Default: 2,000. Between 10 and 1,000,000.
    /// </summary>
    public int MaxTranscriptLines { get; init; } = 2000;

    /// <summary>
    /// The SHA-256 fingerprint (hexadecimal, colons allowed) of a certificate to accept even though it does not
    /// validate, such as a test server's self-signed one. Default: null, so only valid certificates are accepted.
    /// </summary>
    public string? PinnedCertificateSha256 { get; init; }

    /// <summary>
    /// Whether this client is an outsider to the server, which decides between <see cref="RelayProbeVerdict.OpenRelay"/>
    /// and <see cref="RelayProbeVerdict.RelaysForThisNetwork"/> when the server relays without a login. Default: null,
    /// inferred from the address the client connected from: loopback, private and link-local addresses may be the
    /// server's own network; any other address is an outsider.
    /// </summary>
    public bool? ClientIsOutsider { get; init; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">
    /// An option is missing or out of range, or an option that reaches the wire (host, EHLO name, addresses) holds a
    /// control character, or a space outside the quoted local part of an address; the message names it.
    /// </exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
            throw new ArgumentException("Host is required: the SMTP server to probe.", nameof(Host));
        CheckWireText(Host, nameof(Host));
        if (HeloName is not null)
        {
            if (HeloName.Length == 0)
                throw new ArgumentException("HeloName must not be empty; leave it null for MailKit's default.", nameof(HeloName));
            CheckWireText(HeloName, nameof(HeloName));
        }

        CheckAddress(Sender, nameof(Sender));
        CheckAddress(ExternalRecipient, nameof(ExternalRecipient));
        if (LocalRecipient is not null)
            CheckAddress(LocalRecipient, nameof(LocalRecipient));
        if (SecondSender is not null)
            CheckAddress(SecondSender, nameof(SecondSender));
        if (Ports is null || Ports.Count == 0)
            throw new ArgumentException("Ports must name at least one port.", nameof(Ports));
        var bad = Ports.FirstOrDefault(p => p is < 1 or > 65535);
        if (bad != 0)
            throw new ArgumentException($"Port {bad} is out of range (1 to 65535).", nameof(Ports));
        if (SecondSender is not null && Credentials is null)
            throw new ArgumentException("SecondSender tests the sender after login, so Credentials are required with it.", nameof(SecondSender));
        if (StepTimeout <= TimeSpan.Zero || StepTimeout > TimeSpan.FromMinutes(10))
            throw new ArgumentException($"StepTimeout must be between 0 and 10 minutes; {StepTimeout} was given.", nameof(StepTimeout));
        if (TotalTimeout < StepTimeout)
            throw new ArgumentException($"TotalTimeout ({TotalTimeout}) must be at least StepTimeout ({StepTimeout}).", nameof(TotalTimeout));
        CheckRange(MaxReplyBytes, 512, 16 * 1024 * 1024, nameof(MaxReplyBytes));
        CheckRange(MaxReplyLines, 1, 100_000, nameof(MaxReplyLines));
        CheckRange(MaxTranscriptLines, 10, 1_000_000, nameof(MaxTranscriptLines));
        if (PinnedCertificateSha256 is not null && PinnedCertificateSha256.Replace(":", string.Empty, StringComparison.Ordinal).Length != 64)
            throw new ArgumentException("PinnedCertificateSha256 must be a SHA-256 fingerprint: 64 hexadecimal digits, colons allowed.", nameof(PinnedCertificateSha256));
    }

    internal SecureSocketOptions SecurityFor(int port) =>
        Security.TryGetValue(port, out var security) ? security : port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;

    private static void CheckAddress(string? address, string name)
    {
        if (string.IsNullOrWhiteSpace(address))
            throw new ArgumentException($"{name} is required.", name);
        CheckWireText(address, name, quotedSpaces: true);
        if (address.AsSpan().IndexOfAny('<', '>') >= 0 || !MailboxAddress.TryParse(address, out var parsed) ||
            parsed.Address.IndexOf('@', StringComparison.Ordinal) <= 0)
        {
            throw new ArgumentException($"{name} '{address}' is not an e-mail address.", name);
        }
    }

    // What goes into a command line: a CR or LF would end the command and start another one the caller never chose.
    // A space would end the argument, except inside the quoted local part of an address (RFC 5321 §4.1.2: "erin x"@example.org).
    private static void CheckWireText(string text, string name, bool quotedSpaces = false)
    {
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quotedSpaces && c == '"')
                quoted = !quoted;
            else if (quoted && c == '\\' && i + 1 < text.Length && !char.IsControl(text[i + 1]))
                i++;
            else if (char.IsControl(c) || (char.IsWhiteSpace(c) && !(quoted && c == ' ')))
            {
                string what = c switch { '\r' => "a carriage return", '\n' => "a line feed", ' ' => "a space", _ => $"the character U+{(int)c:X4}" };
                throw new ArgumentException($"{name} holds {what}, which would change the SMTP command it is sent in.", name);
            }
        }
    }

    private static void CheckRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
            throw new ArgumentException($"{name} must be between {min} and {max}; {value} was given.", name);
    }
}
