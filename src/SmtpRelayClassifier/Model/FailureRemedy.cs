namespace SmtpRelayClassifier;

/// <summary>Something that can be done about a failed send. A diagnosis lists the remedies in the order to try them.</summary>
#if NET
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<FailureRemedy>))]
#endif
public enum FailureRemedy
{
    /// <summary>Send through the SMTP server of the network the client is connected to.</summary>
    UseSmtpServerOfCurrentNetwork,

    /// <summary>Log in before sending: port 587 with STARTTLS, or port 465 with implicit TLS.</summary>
    AuthenticateOnSubmissionPort,

    /// <summary>Ask the mail provider to allow relaying from the client's static IP address or address range.</summary>
    AskProviderToAllowStaticIp,

    /// <summary>Use a From / envelope sender address that belongs to the account that logs in.</summary>
    MatchFromAddressToAccount,

    /// <summary>Wait and send again later; the server is expected to accept then.</summary>
    RetryLater,

    /// <summary>Nothing needs to be done; the mail system retries by itself.</summary>
    NoActionNeeded,

    /// <summary>Check the recipient's address for typing mistakes and that it still exists.</summary>
    VerifyRecipientAddress,

    /// <summary>Check the user name and password, or reset the password.</summary>
    CheckCredentials,

    /// <summary>Create an app-specific password, or switch to the provider's modern (OAuth) sign-in.</summary>
    UseAppPasswordOrOAuth,

    /// <summary>Have SMTP AUTH enabled for the account or tenant by its administrator.</summary>
    EnableSmtpAuthForAccount,

    /// <summary>Turn on encryption: STARTTLS on port 587 (or 25), or implicit TLS on port 465.</summary>
    EnableTls,

    /// <summary>Match the TLS mode to the port: implicit TLS only on 465, STARTTLS on 587 and 25.</summary>
    MatchTlsModeToPort,

    /// <summary>Fix or renew the server's certificate, or connect with the host name it was issued for.</summary>
    FixServerCertificate,

    /// <summary>Ask for the client's address or domain to be removed from the block list, after fixing what put it there.</summary>
    RequestBlockListRemoval,

    /// <summary>Send through the relay (smarthost) of the client's Internet or hosting provider instead of directly.</summary>
    UseProviderRelay,

    /// <summary>Send fewer messages, recipients or connections at a time.</summary>
    ReduceSendingRate,

    /// <summary>Make the message smaller (compress attachments or share them by link).</summary>
    ReduceMessageSize,

    /// <summary>Review the message content, links and attachments.</summary>
    ReviewMessageContent,

    /// <summary>Publish or fix the sender domain's DNS records (SPF, DKIM, DMARC, reverse DNS).</summary>
    FixSenderDnsRecords,

    /// <summary>Verify the sender address or domain with the sending service.</summary>
    VerifySenderIdentity,

    /// <summary>Use a valid sender address whose domain exists.</summary>
    UseValidSenderAddress,

    /// <summary>Ask the recipient to free space in the mailbox, or reach them another way.</summary>
    ContactRecipient,

    /// <summary>Ask the recipient's mail administrator to fix the domain's MX records or mail server.</summary>
    AskRecipientAdministratorToFixMx,

    /// <summary>Ask the mail provider or administrator to fix the server, connector or relay configuration.</summary>
    ContactMailAdministrator,

    /// <summary>Ask the network provider to open outbound port 25, or send on port 587 / 465 instead.</summary>
    UseSubmissionPortInsteadOf25,

    /// <summary>Check the server name and port in the client's settings.</summary>
    CheckServerNameAndPort,

    /// <summary>Check the network connection, firewall and proxy between the client and the server.</summary>
    CheckNetworkAndFirewall,

    /// <summary>Turn off SMTP inspection (for example "fixup protocol smtp") on the firewall in between.</summary>
    DisableFirewallSmtpInspection,

    /// <summary>Fix the client's use of the protocol or update the software (the client sent something the server refused).</summary>
    FixClientSoftware,

    /// <summary>Connect (and authenticate) before sending, and reconnect after a dropped connection.</summary>
    ConnectBeforeSending,
}
