namespace SmtpRelayClassifier.Probing;

/// <summary>The steps of a probe, in the order they run on each port.</summary>
public enum ProbeStepKind
{
    /// <summary>Opening a TCP connection.</summary>
    TcpConnect,

    /// <summary>Reading the server's greeting and sending EHLO, in plain text.</summary>
    Greeting,

    /// <summary>Setting up TLS (STARTTLS, or implicit TLS on 465) with certificate validation.</summary>
    Tls,

    /// <summary>Logging in with the given credentials.</summary>
    Authenticate,

    /// <summary><c>MAIL FROM</c>.</summary>
    MailFrom,

    /// <summary><c>RCPT TO</c> an outside recipient, or the local one.</summary>
    RcptTo,

    /// <summary><c>RSET</c>, ending a transaction without sending anything.</summary>
    Reset,

    /// <summary><c>QUIT</c>.</summary>
    Quit,
}
