using Microsoft.Extensions.Logging;

namespace SmtpRelayClassifier;

/// <summary>
/// The event ids this package logs with. Numbers are grouped in blocks and never reused for another meaning:
/// 1000–1099 diagnoses, 1100–1199 sends through MailKit. The README lists them.
/// </summary>
public static class SmtpFailureEventIds
{
    /// <summary>1001: a relay block (Warning).</summary>
    public static readonly EventId RelayBlock = new(1001, "SmtpRelayBlock");

    /// <summary>1002: a configuration problem of the sender's set-up: login, TLS, sender address, connection (Warning).</summary>
    public static readonly EventId ConfigurationProblem = new(1002, "SmtpConfigurationProblem");

    /// <summary>1003: a failure that can go away by itself: rate limit, greylisting, busy server (Information).</summary>
    public static readonly EventId TransientFailure = new(1003, "SmtpTransientFailure");

    /// <summary>1004: any other failure that will not go away by itself: recipient, mailbox, size, content (Warning).</summary>
    public static readonly EventId PermanentFailure = new(1004, "SmtpPermanentFailure");

    /// <summary>1101: a send through MailKit reached some recipients and not others (Warning).</summary>
    public static readonly EventId PartialSend = new(1101, "SmtpPartialSend");

    /// <summary>1102: a send through MailKit reached no recipient (Warning).</summary>
    public static readonly EventId SendFailed = new(1102, "SmtpSendFailed");
}
