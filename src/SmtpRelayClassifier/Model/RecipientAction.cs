namespace SmtpRelayClassifier;

/// <summary>
/// What to do with the recipient (and the message) after a failure: the question an operator with a day of logs or a
/// mailbox of bounces asks. A closed set; the member names appear in logs and output and are never renamed.
/// </summary>
public enum RecipientAction
{
    /// <summary>Nothing can be decided from this failure alone: look at it (or at the recipient's history) before acting.</summary>
    Review = 0,

    /// <summary>The address is bad (it does not exist, is disabled, its domain takes no mail): stop sending to it.</summary>
    Suppress,

    /// <summary>Send the same message later, unchanged, by the same route.</summary>
    RetryLater,

    /// <summary>The sending host or route is refused for who it is: send from another IP address, relay or provider.</summary>
    RetryFromElsewhere,

    /// <summary>
    /// The sending side is set up wrongly (authentication, TLS, SPF, DKIM, DMARC, relay set-up, sender address): no recipient is
    /// at fault, so never suppress one for it.
    /// </summary>
    FixSenderConfiguration,

    /// <summary>The message itself was refused (content, spam or virus verdict, size): change it before sending it again.</summary>
    ReviewContent,

    /// <summary>It is not a failure (a 2xx or 3xx reply): nothing to do.</summary>
    None,
}
