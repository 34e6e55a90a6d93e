using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// Generic wording of envelope phenomena that the broader rules of the same tier would take for another: a sender domain
/// the service does not send for, a recipient on the server's own refusal list, an address refused with no reason given.
/// </summary>
internal static partial class GenericPhraseRules
{
    // Concatenated first: inside its tier each of these comes before the broader wording it narrows.
    private static IEnumerable<SmtpFailureRule> EnvelopeWording =>
    [
        // A gateway's own domain claimed from outside ("550 Rejected by header based Anti-Spoofing policy", Mimecast): the
        // sender may not use that domain from there, whatever the reply says of headers (before generic.content-policy).
        new() { Id = "generic.anti-spoofing", Tier = RuleTier.Phrase, Kind = SenderNotAuthorized,
            AnyPhrase = ["anti-spoofing", "antispoofing", "spoofing policy"],
            Causes = [SenderDoesNotMatchAccount], Remedies = [MatchFromAddressToAccount, ContactMailAdministrator] },
        // The recipient is on the server's own refusal list, whoever sends (before generic.block-list, which is about the client).
        new() { Id = "generic.recipient-listed", Tier = RuleTier.Phrase, Kind = RecipientUnknown, Stages = Stages.Rcpt,
            AnyPhrase = ["recipient has been blacklisted", "recipient is blacklisted", "recipient blacklisted", "recipient address is blacklisted",
                "recipient has been blocklisted", "recipient is blocklisted", "blacklisted recipient", "blocklisted recipient"] },

        // The domains an account may send from ("550 5.7.1 Unconfigured Sending Domain <d>", SparkPost; "Unauthorized domain"):
        // weak, so that a stronger reading of the same reply (SPF, DMARC, a rate) wins.
        new() { Id = "generic.sending-domain-not-allowed", Tier = RuleTier.WeakPhrase, Kind = SenderNotAuthorized,
            AnyPhrase = ["sending domain", "unauthorized domain", "unauthorised domain", "not authorized domain", "not authorised domain"],
            Causes = [SenderIdentityNotVerified], Remedies = [VerifySenderIdentity, MatchFromAddressToAccount] },
        // "550 #5.1.0 Address rejected" (qmail), "521 Recipient address rejected" with no reason: the address, named by the stage;
        // Postfix's "Recipient address rejected: <reason>" leaves it to the reason.
        new() { Id = "generic.address-rejected-at-rcpt", Tier = RuleTier.WeakPhrase, Kind = RecipientUnknown, Stages = Stages.Rcpt,
            StageRequired = true, AnyPhrase = ["address rejected"], Confidence = DiagnosisConfidence.Medium,
            NotPhrases = ["address rejected:", "sender", "relay", "client", "helo"] },
        // The address between the words: "the destination mailbox <x> is full".
        new() { Id = "generic.mailbox-named-full", Tier = RuleTier.WeakPhrase, Kind = MailboxFull, Transience = Transience.ByCodeClass,
            AllPhrases = ["mailbox"], AnyPhrase = ["is full"], NotPhrases = ["queue is full", "disk is full", "sending"] },
        // TLS named apart from the word that requires it: "550 TLS encryption or CRAM-MD5 required" (Exim's spec, an ACL example);
        // not a policy that required TLS and then failed to get it ("TLS is required, but was not offered").
        new() { Id = "generic.tls-split-required", Tier = RuleTier.WeakPhrase, Kind = TlsRequired, AllPhrases = ["tls"], AnyPhrase = ["required"],
            NotPhrases = ["but", "not available", "unavailable", "failed", "not offered", "refused"], Transience = Transience.Never },
    ];
}
