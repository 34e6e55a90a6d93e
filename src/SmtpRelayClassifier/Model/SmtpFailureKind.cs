namespace SmtpRelayClassifier;

/// <summary>
/// The closed set of failure kinds every input is mapped to. The member names are a public contract: they appear
/// in the JSON output of the command-line tool and in logs, and are never renamed or merged.
/// </summary>
#if NET
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SmtpFailureKind>))]
#endif
public enum SmtpFailureKind
{
    /// <summary>Nothing can be decided with confidence.</summary>
    Unknown = 0,

    /// <summary>
    /// The server will not accept mail for a recipient outside its own domains from this client, because the client
    /// is neither authenticated nor on a network or address it relays for (the case of Microsoft KB 290842).
    /// </summary>
    RelayDenied,

    /// <summary>The server wants the client to log in (SMTP AUTH) before it accepts this command.</summary>
    AuthenticationRequired,

    /// <summary>Logging in was tried and refused, or is impossible (wrong credentials, AUTH disabled, no common mechanism).</summary>
    AuthenticationFailed,

    /// <summary>The client or account may not send with this sender address or domain (not owned, send-as denied, SPF).</summary>
    SenderNotAuthorized,

    /// <summary>The sender address itself is refused: malformed, unresolvable domain, failed verification, block-listed.</summary>
    SenderAddressRejected,

    /// <summary>The recipient does not exist, is disabled, has moved, or its domain does not exist.</summary>
    RecipientUnknown,

    /// <summary>The recipient could not be verified right now; the server refused for the moment (KB 290842's intermittent case).</summary>
    RecipientVerificationDeferred,

    /// <summary>The recipient's mailbox is over quota.</summary>
    MailboxFull,

    /// <summary>The message is larger than the server or the mailbox accepts.</summary>
    MessageTooLarge,

    /// <summary>The sending host itself is refused for who it is: block list, reputation, reverse DNS, dynamic address.</summary>
    ClientBlocked,

    /// <summary>Too much, too fast: throttling, too many connections, recipients or messages, greylisting.</summary>
    RateLimited,

    /// <summary>The server requires an encrypted connection (STARTTLS or implicit TLS) before this command.</summary>
    TlsRequired,

    /// <summary>Encryption was attempted and failed (handshake, certificate, TLS against a plain-text port or the reverse).</summary>
    TlsFailed,

    /// <summary>The message was refused for its content or by policy: spam, virus, DMARC, headers, attachments.</summary>
    MessageRejected,

    /// <summary>The server is not accepting mail at all right now, or failed internally.</summary>
    ServiceUnavailable,

    /// <summary>No usable connection: host not found, refused, timed out, reset, closed; includes an outbound port 25 block.</summary>
    ConnectionFailed,

    /// <summary>The client spoke out of turn or sent something the server could not parse.</summary>
    ProtocolError,
}
