using System;
using System.Collections.Generic;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier;

/// <summary>
/// The diagnosis of a failed send: what happened, whether it is a relay block, whether retrying can help, the likely
/// causes, the remedies, who must act, and the evidence it was decided from. Immutable and thread-safe.
/// </summary>
public sealed record RelayBlockDiagnosis
{
    /// <summary>The kind of failure.</summary>
    public required SmtpFailureKind Kind { get; init; }

    /// <summary>
    /// True when the server, or the network in between, refuses to carry this client's mail because of who or where
    /// the client is, not because of the message or the recipient: every <see cref="SmtpFailureKind.RelayDenied"/>,
    /// <see cref="SmtpFailureKind.AuthenticationRequired"/> at MAIL or RCPT, a sender the account does not own, an
    /// outbound port 25 block, and a dynamic address told to use its provider's relay.
    /// </summary>
    public bool IsRelayBlock { get; init; }

    /// <summary>True when sending the same thing again later, unchanged, can succeed.</summary>
    public bool IsTransient { get; init; }

    /// <summary>The step of the session that failed.</summary>
    public SmtpStage Stage { get; init; }

    /// <summary>The server's three-digit reply code, when there was one.</summary>
    public int? ReplyCode { get; init; }

    /// <summary>The enhanced status code (RFC 3463), when the reply carried one.</summary>
    public EnhancedStatusCode? EnhancedStatusCode { get; init; }

    /// <summary>The mailbox the failure is about (the rejected recipient or sender), when known.</summary>
    public string? Mailbox { get; init; }

    /// <summary>The server's reply text (lines joined with <c>\n</c>, without the reply code), when there was one.</summary>
    public string? ReplyText { get; init; }

    /// <summary>The likely causes, most likely first.</summary>
    public IReadOnlyList<FailureCause> Causes { get; init; } = [];

    /// <summary>The remedies, in the order to try them.</summary>
    public IReadOnlyList<FailureRemedy> Remedies { get; init; } = [];

    /// <summary>Who has to act.</summary>
    public ResponsibleParty ResponsibleParty { get; init; }

    /// <summary>Whether the reply came from the client's own submission session or from a remote server (a bounce).</summary>
    public DiagnosisSource Source { get; init; }

    /// <summary>The stable id of the rule that decided, such as <c>postfix.relay-access-denied</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>How strongly the evidence supports the diagnosis, from the weighing of everything that held (see <see cref="Evidence"/>).</summary>
    public DiagnosisConfidence Confidence { get; init; }

    /// <summary>The evidence the diagnosis was decided from, and what contradicted it; the default value when no rule weighed the reply.</summary>
    public DiagnosisEvidence Evidence { get; init; }

    /// <summary>The Outlook / Outlook Express / Windows Mail error number, when the input carried one.</summary>
    public OutlookHResult? HResult { get; init; }

    /// <summary>The server's host name, when known.</summary>
    public string? Server { get; init; }

    /// <summary>The server's port, when known.</summary>
    public int? Port { get; init; }

    /// <summary>
    /// For connection and TLS failures, the error type in the words MailKit and HttpClient use for the
    /// <c>error.type</c> metric tag: <c>host_not_found</c>, <c>connection_refused</c>, <c>timed_out</c>,
    /// <c>connection_reset</c>, <c>network_unreachable</c>, <c>secure_connection_error</c>, <c>protocol_error</c>.
    /// </summary>
    public string? ErrorType { get; init; }

    /// <summary>The DNS block list or reputation service the reply names as the reason for the refusal, when it names one.</summary>
    public BlockList? BlockList { get; init; }

    /// <summary>
    /// The IP address (for a list of <see cref="BlockListKind.Ip"/>) or domain the reply says is listed, as it stands in
    /// the reply; null when the reply names a list but not what it lists.
    /// </summary>
    public string? ListedItem { get; init; }

    /// <summary>
    /// A public page that explains this reply: the first <c>http://</c> or <c>https://</c> link in the reply text when
    /// it has one, otherwise the error page of the provider whose rule decided (Microsoft, Gmail, Yahoo, Outlook.com,
    /// Apple, Comcast, Orange); null when neither is known. Always an absolute http or https address.
    /// </summary>
    public Uri? HelpLink { get; init; }

    /// <summary>A one-line English summary.</summary>
    public required string Summary { get; init; }
}
