namespace SmtpRelayClassifier;

/// <summary>What a block list or reputation service lists.</summary>
public enum BlockListKind
{
    /// <summary>Sending IP addresses (or ranges of them), looked up by the connecting client's address.</summary>
    Ip = 0,

    /// <summary>Domains, looked up by the sender's domain, the HELO name or a domain in the message.</summary>
    Domain,

    /// <summary>Domains and host names found in the links of a message's body.</summary>
    Url,
}
