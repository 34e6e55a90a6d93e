using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>
/// qmail, netqmail and notqmail (qmail-smtpd.c: err_nogateway and friends), with the chkuser patch, Plesk's SMTP-AUTH
/// patch and the POP-before-SMTP set-ups of ISPs. The enhanced code comes last: "(#5.7.1)".
/// </summary>
internal static class QmailRules
{
    private const string V = "qmail";

    public static IEnumerable<SmtpFailureRule> All =>
    [
        // "553 To send mail, first check your mail with a valid POP account; this prevents unauthorized SPAM relaying. (#5.7.1)"
        new() { Id = "qmail.pop-before-smtp", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationRequired,
            AnyPhrase = ["first check your mail with a valid pop account", "pop before smtp", "pop-before-smtp", "check your mail first"],
            Causes = [UnauthenticatedSubmission], Remedies = [AuthenticateOnSubmissionPort, UseSmtpServerOfCurrentNetwork],
            Summary = "The server relays only for users who checked their mail (POP before SMTP) or logged in first." },

        // Plesk: "sorry, you don't authenticate or the domain isn't in my list of allowed rcpthosts"
        new() { Id = "qmail.rcpthosts-unauthenticated", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AllPhrases = ["allowed rcpthosts"], AnyPhrase = ["you don't authenticate", "you do not authenticate"], Stages = Stages.Envelope,
            Causes = [UnauthenticatedSubmission, RecipientDomainNotServed], Remedies = [AuthenticateOnSubmissionPort, UseSmtpServerOfCurrentNetwork] },
        new() { Id = "qmail.rcpthosts", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["allowed rcpthosts", "list of allowed rcpthosts", "rcpthosts"], Stages = Stages.Envelope, Transience = Transience.Never },
        new() { Id = "qmail.no-mailbox", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientUnknown,
            AnyPhrase = ["no mailbox here by that name"] },
        // The validrcptto and badrcptto patches: "553 sorry, this recipient is not in my validrcptto list (#5.7.1)".
        new() { Id = "qmail.validrcptto", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientUnknown,
            AnyPhrase = ["validrcptto", "envelope recipient has been denied", "envelope recipient is in my badrcptto", "badrcptto"] },
        new() { Id = "qmail.envelope-sender-denied", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderAddressRejected,
            AnyPhrase = ["envelope sender has been denied", "envelope sender is in my badmailfrom"], Causes = [SenderOnBlockList] },
        new() { Id = "qmail.sender-domain-must-exist", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderAddressRejected,
            AnyPhrase = ["envelope sender domain must exist", "sender domain must exist"], Causes = [SenderAddressInvalid],
            Remedies = [UseValidSenderAddress] },
        new() { Id = "qmail.bare-lf", Vendor = V, Tier = RuleTier.Vendor, Kind = ProtocolError,
            AnyPhrase = ["smtplf.html", "bare lf", "bare linefeed"], Causes = [ClientProtocolViolation], Remedies = [FixClientSoftware],
            Transience = Transience.Never, Summary = "The server refused a message line that ended in a bare LF instead of CRLF." },
        new() { Id = "qmail.qq-temporary-problem", Vendor = V, Tier = RuleTier.Vendor, Kind = ServiceUnavailable,
            AnyPhrase = ["qq temporary problem", "qq timeout", "qq read error", "qq crashed"], Transience = Transience.Always },
        // qmail-remote's own words for a remote refusal after DATA: the message was refused, whatever the vague #5.3.0 beside it says.
        new() { Id = "qmail.remote-rejected-message", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageRejected,
            AnyPhrase = ["mail server permanently rejected message"], Causes = [ContentPolicy], Remedies = [ReviewMessageContent] },
    ];
}
