namespace SmtpRelayClassifier;

/// <summary>Who has to act to make the send succeed.</summary>
#if NET
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ResponsibleParty>))]
#endif
public enum ResponsibleParty
{
    /// <summary>It cannot be told who has to act.</summary>
    Unknown = 0,

    /// <summary>The sending application or its user: settings, credentials, addresses, content.</summary>
    Sender,

    /// <summary>The administrator of the sender's mail server or mail service (accounts, connectors, relay permissions, DNS records).</summary>
    SenderMailAdministrator,

    /// <summary>The provider of the network the client is connected through (ISP, hosting or cloud provider).</summary>
    NetworkProvider,

    /// <summary>The recipient, or the administrator of the recipient's domain or mail server.</summary>
    RecipientSide,
}
