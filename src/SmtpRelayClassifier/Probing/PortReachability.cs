namespace SmtpRelayClassifier.Probing;

/// <summary>What a TCP connection to a port gave.</summary>
public enum PortReachability
{
    /// <summary>The port was not tried.</summary>
    NotTried = 0,

    /// <summary>The connection was accepted.</summary>
    Open,

    /// <summary>The connection was refused (nothing listens, or a firewall answered no).</summary>
    Refused,

    /// <summary>No answer in time: a silent drop, typical of an outbound port block.</summary>
    TimedOut,

    /// <summary>The host name could not be resolved.</summary>
    HostNotFound,

    /// <summary>Another network error.</summary>
    Error,
}
