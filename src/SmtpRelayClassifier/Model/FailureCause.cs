namespace SmtpRelayClassifier;

/// <summary>A likely cause of a failed send. A diagnosis lists the causes that fit, most likely first.</summary>
#if NET
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<FailureCause>))]
#endif
public enum FailureCause
{
    /// <summary>The client is on a local network whose Internet gateway belongs to another provider than the SMTP server it uses.</summary>
    LanGatewayToAnotherProvider,

    /// <summary>The client is connected through provider A and submits through provider B's SMTP server.</summary>
    ConnectedThroughAnotherProvider,

    /// <summary>The client is on a cable or DSL line of another provider than the SMTP server it uses.</summary>
    CableOrDslLineOfAnotherProvider,

    /// <summary>The client submitted without logging in (SMTP AUTH) to a server that relays only for authenticated users.</summary>
    UnauthenticatedSubmission,

    /// <summary>The recipient's domain is not one this server accepts or relays for.</summary>
    RecipientDomainNotServed,

    /// <summary>The sender address does not belong to the account that logged in, or the account may not send as it.</summary>
    SenderDoesNotMatchAccount,

    /// <summary>The server checks that the recipient or its domain exists before relaying, and could not check it at the moment.</summary>
    RecipientVerificationUnavailable,

    /// <summary>The network the client is on blocks outgoing connections to port 25.</summary>
    OutboundPort25Blocked,

    /// <summary>The client's address is a dynamic or residential one, listed as such, that must use its provider's relay.</summary>
    DynamicIpListed,

    /// <summary>The client's address or host name is on a block list.</summary>
    ClientOnBlockList,

    /// <summary>The client's address or domain has a poor sending reputation.</summary>
    PoorReputation,

    /// <summary>The client's address has no valid reverse DNS (PTR) name, or it does not match.</summary>
    MissingReverseDns,

    /// <summary>The user name or password was refused.</summary>
    InvalidCredentials,

    /// <summary>The account needs an app-specific password, a sign-in through the web, or modern authentication.</summary>
    AppPasswordOrWebSignInRequired,

    /// <summary>SMTP AUTH is turned off for this account, tenant or listener, or the account is disabled.</summary>
    SmtpAuthDisabled,

    /// <summary>The server offers no authentication mechanism the client supports, or none at all before TLS.</summary>
    NoCommonAuthenticationMechanism,

    /// <summary>Too many failed logins; the server locked the account or address out for a while.</summary>
    TooManyLoginAttempts,

    /// <summary>The server requires encryption (STARTTLS or implicit TLS) and the client did not start it.</summary>
    EncryptionNotStarted,

    /// <summary>The server does not offer STARTTLS although the client asked for it.</summary>
    StartTlsNotOffered,

    /// <summary>The server's certificate was not valid for this host (name mismatch, expired, untrusted chain).</summary>
    CertificateInvalid,

    /// <summary>TLS was started on a port that speaks plain text, or plain text on a port that expects implicit TLS.</summary>
    TlsModeMismatch,

    /// <summary>The TLS handshake failed (no common protocol version or cipher, or the server's TLS set-up is broken).</summary>
    TlsHandshakeFailed,

    /// <summary>The sender's address or domain is malformed, does not resolve, or failed the server's sender verification.</summary>
    SenderAddressInvalid,

    /// <summary>The sender address is on a block list.</summary>
    SenderOnBlockList,

    /// <summary>The sender identity (address or domain) has not been verified with the sending service.</summary>
    SenderIdentityNotVerified,

    /// <summary>The sending host is not permitted by the sender domain's SPF record.</summary>
    SpfFailure,

    /// <summary>The recipient mailbox does not exist, is disabled or has moved.</summary>
    RecipientMailboxMissing,

    /// <summary>The recipient's domain does not exist or has no mail server.</summary>
    RecipientDomainMissing,

    /// <summary>The recipient domain's MX records point to a server that does not serve that domain.</summary>
    RecipientMxMisconfigured,

    /// <summary>The recipient's mailbox is over its quota.</summary>
    MailboxOverQuota,

    /// <summary>The message exceeds a size limit of the server or the mailbox.</summary>
    MessageSizeLimit,

    /// <summary>The content was judged to be spam, phishing or otherwise unwanted.</summary>
    SpamContent,

    /// <summary>A virus or malware was found in the message.</summary>
    VirusDetected,

    /// <summary>The message failed the sender domain's DMARC, DKIM or related authentication policy.</summary>
    DmarcOrDkimFailure,

    /// <summary>The message breaks a content or format policy (headers, attachments, RFC 5322 conformance).</summary>
    ContentPolicy,

    /// <summary>Too many messages, recipients or connections in a period of time.</summary>
    RateLimitExceeded,

    /// <summary>The server greylists first attempts from unknown senders and accepts a later retry.</summary>
    Greylisting,

    /// <summary>The server is overloaded, shutting down, or failed internally.</summary>
    ServerUnavailable,

    /// <summary>The server, connector or relay set-up on the sending side is wrong (for example a tenant's inbound connector).</summary>
    ServerMisconfigured,

    /// <summary>The server's host name could not be resolved.</summary>
    HostNotFound,

    /// <summary>Nothing listens on that host and port, or a firewall actively refused the connection.</summary>
    ConnectionRefused,

    /// <summary>The server did not answer in time.</summary>
    ConnectionTimedOut,

    /// <summary>The connection was closed or reset in the middle of the session.</summary>
    ConnectionDropped,

    /// <summary>A firewall or security appliance between client and server interferes with SMTP (for example by hiding EHLO or AUTH).</summary>
    FirewallInterference,

    /// <summary>The client sent a command out of order, malformed, or one the server does not implement.</summary>
    ClientProtocolViolation,

    /// <summary>The server sent something that is not a valid SMTP reply.</summary>
    ServerProtocolViolation,

    /// <summary>The application used the SMTP client wrongly (not connected, no sender or no recipients given).</summary>
    ClientMisuse,

    /// <summary>The operation was canceled before it completed.</summary>
    OperationCanceled,
}
