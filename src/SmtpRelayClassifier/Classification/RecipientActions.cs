using System.Collections.Generic;
using static SmtpRelayClassifier.RecipientAction;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier;

/// <summary>
/// The decision table behind <see cref="RelayBlockDiagnosis.RecipientAction"/>: one row per kind, with the action for a
/// permanent and for a transient failure, once for the client's own session (or an unknown source) and once for a reply
/// a remote server sent back; then the few causes that outrank their kind's row. The README's table "What to do with the
/// recipient" is this table.
/// </summary>
internal static class RecipientActions
{
    private readonly record struct Row(
        SmtpFailureKind Kind, RecipientAction Permanent, RecipientAction Transient, RecipientAction RemotePermanent, RecipientAction RemoteTransient);

    private static readonly Row[] Rows =
    [
        new(Unknown, Review, Review, Review, Review),
        // A remote server that refuses to relay or wants a login is the recipient domain's routing (TAXONOMY): nobody's set-up to fix here, no address to drop.
        new(RelayDenied, FixSenderConfiguration, FixSenderConfiguration, Review, Review),
        new(AuthenticationRequired, FixSenderConfiguration, FixSenderConfiguration, Review, Review),
        // A temporary refusal of a login or of TLS (454 4.7.0, RFC 4954 §6) is the server's own trouble for the moment.
        new(AuthenticationFailed, FixSenderConfiguration, RetryLater, FixSenderConfiguration, RetryLater),
        new(SenderNotAuthorized, FixSenderConfiguration, FixSenderConfiguration, FixSenderConfiguration, FixSenderConfiguration),
        new(SenderAddressRejected, FixSenderConfiguration, RetryLater, FixSenderConfiguration, RetryLater),
        // The address is bad whoever says so, the user's own server included.
        new(RecipientUnknown, Suppress, RetryLater, Suppress, RetryLater),
        new(RecipientVerificationDeferred, Review, RetryLater, Review, RetryLater),
        // A permanently full mailbox may be emptied tomorrow or be abandoned: one reply cannot tell (Amazon SES reports it as a
        // transient bounce and does not suppress); suppress only after it repeats over days.
        new(MailboxFull, Review, RetryLater, Review, RetryLater),
        new(MessageTooLarge, ReviewContent, ReviewContent, ReviewContent, ReviewContent),
        new(ClientBlocked, RetryFromElsewhere, RetryFromElsewhere, RetryFromElsewhere, RetryFromElsewhere),
        new(RateLimited, RetryLater, RetryLater, RetryLater, RetryLater),
        new(TlsRequired, FixSenderConfiguration, FixSenderConfiguration, FixSenderConfiguration, FixSenderConfiguration),
        new(TlsFailed, FixSenderConfiguration, RetryLater, FixSenderConfiguration, RetryLater),
        new(MessageRejected, ReviewContent, RetryLater, ReviewContent, RetryLater),
        new(ServiceUnavailable, Review, RetryLater, Review, RetryLater),
        // The user's own server that cannot be reached for good is a wrong host name or port in the set-up.
        new(ConnectionFailed, FixSenderConfiguration, RetryLater, Review, RetryLater),
        new(ProtocolError, FixSenderConfiguration, RetryLater, Review, RetryLater),
    ];

    // The most likely cause outranks its kind's row, whatever the transience and the source.
    private static readonly (SmtpFailureKind Kind, FailureCause Cause, RecipientAction Action)[] ByCause =
    [
        (ClientBlocked, FailureCause.MissingReverseDns, FixSenderConfiguration),
        (MessageRejected, FailureCause.DmarcOrDkimFailure, FixSenderConfiguration),
        (MessageRejected, FailureCause.SpfFailure, FixSenderConfiguration),
        (ConnectionFailed, FailureCause.OutboundPort25Blocked, FixSenderConfiguration),
    ];

    /// <summary>The action for a failure of this kind, transience and source, with these causes (most likely first) and reply code (0 when none).</summary>
    public static RecipientAction For(SmtpFailureKind kind, bool transient, DiagnosisSource source, IReadOnlyList<FailureCause> causes, int replyCode)
    {
        if (kind == Unknown && replyCode is >= 200 and < 400)
            return None;
        foreach (var (k, cause, action) in ByCause)
        {
            // The kind first: the causes are read only for the few kinds a cause can decide.
            if (k == kind && causes.Count > 0 && cause == causes[0])
                return action;
        }

        ref readonly var row = ref Rows[(int)kind];
        return source == DiagnosisSource.RemoteServer
            ? (transient ? row.RemoteTransient : row.RemotePermanent)
            : (transient ? row.Transient : row.Permanent);
    }

    /// <summary>The table's rows in kind order, for the tests that hold the README to it.</summary>
    internal static IEnumerable<(SmtpFailureKind Kind, RecipientAction Permanent, RecipientAction Transient, RecipientAction RemotePermanent, RecipientAction RemoteTransient)> Table()
    {
        foreach (var row in Rows)
            yield return (row.Kind, row.Permanent, row.Transient, row.RemotePermanent, row.RemoteTransient);
    }
}
