using Microsoft.Extensions.Logging;

namespace SmtpRelayClassifier;

/// <summary>
/// The event ids this package logs with. Numbers are grouped in blocks and never reused for another meaning:
/// 1000–1099 diagnoses, 1100–1199 sends through MailKit, 1200–1299 probes, 1300–1399 reading mail logs and bounces.
/// The README lists them.
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

    /// <summary>1103: a send through MailKit reached every recipient (Debug).</summary>
    public static readonly EventId Sent = new(1103, "SmtpSent");

    /// <summary>1201: a probe step ended: its port, kind, outcome, description and duration (Debug).</summary>
    public static readonly EventId ProbeStepEnded = new(1201, "SmtpProbeStepEnded");

    /// <summary>1202: a probe ended with its verdict (Information).</summary>
    public static readonly EventId ProbeCompleted = new(1202, "SmtpProbeCompleted");

    /// <summary>1301: a mail log reader read past part of a log: the line number and the <c>SkipReason</c> (Information).</summary>
    public static readonly EventId LogLineSkipped = new(1301, "SmtpLogLineSkipped");

    /// <summary>1302: a mail log was read to its end: lines, failures found, parts read past (Debug).</summary>
    public static readonly EventId LogRead = new(1302, "SmtpLogRead");

    /// <summary>1303: a bounce message was parsed: its failures and whether it is a delivery-status report (Debug).</summary>
    public static readonly EventId BounceRead = new(1303, "SmtpBounceRead");

    /// <summary>1304: a bounce reader read past a message: its number in the file and the <c>SkipReason</c> (Information).</summary>
    public static readonly EventId BounceSkipped = new(1304, "SmtpBounceSkipped");
}
