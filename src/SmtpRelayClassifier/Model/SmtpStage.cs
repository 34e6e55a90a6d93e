namespace SmtpRelayClassifier;

/// <summary>The step of an SMTP session at which a failure happened.</summary>
#if NET
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SmtpStage>))]
#endif
public enum SmtpStage
{
    /// <summary>The stage is not known.</summary>
    Unknown = 0,

    /// <summary>Opening the connection or reading the server's greeting.</summary>
    Connect,

    /// <summary>The <c>EHLO</c> (or <c>HELO</c>) command.</summary>
    Ehlo,

    /// <summary>The <c>STARTTLS</c> command or the TLS handshake that follows it.</summary>
    StartTls,

    /// <summary>The <c>AUTH</c> command.</summary>
    Auth,

    /// <summary>The <c>MAIL FROM</c> command (the envelope sender).</summary>
    Mail,

    /// <summary>The <c>RCPT TO</c> command (one envelope recipient).</summary>
    Rcpt,

    /// <summary>The <c>DATA</c> (or <c>BDAT</c>) command itself.</summary>
    Data,

    /// <summary>The reply to the end of the message data (the final <c>.</c> or <c>BDAT … LAST</c>).</summary>
    EndOfData,
}
