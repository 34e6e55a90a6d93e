namespace SmtpRelayClassifier.Probing;

/// <summary>What the probe found the server will do for this client. The member names are a contract: they appear in the tool's JSON.</summary>
public enum RelayProbeVerdict
{
    /// <summary>Nothing could be decided (for example every transaction was refused before RCPT for another reason).</summary>
    Inconclusive = 0,

    /// <summary>The server accepted an outside recipient from an unauthenticated client it has no reason to trust.</summary>
    OpenRelay,

    /// <summary>The server accepted an outside recipient only after the client logged in.</summary>
    RelaysAfterAuthentication,

    /// <summary>The server accepted an outside recipient without a login from this client's network (a trusted address range).</summary>
    RelaysForThisNetwork,

    /// <summary>The server refused to relay to an outside recipient.</summary>
    DoesNotRelay,

    /// <summary>The login was refused or impossible.</summary>
    AuthenticationFailed,

    /// <summary>The server refused a sender address for this login (From must match the account).</summary>
    SenderNotAuthorized,

    /// <summary>The encrypted connection could not be set up on any port that answered.</summary>
    TlsFailed,

    /// <summary>No port answered.</summary>
    Unreachable,
}
