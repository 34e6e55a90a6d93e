using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>Amazon SES SMTP interface (docs.aws.amazon.com/ses troubleshooting; AWS re:Post).</summary>
internal static class AmazonSesRules
{
    private const string V = "Amazon SES";

    public static IEnumerable<SmtpFailureRule> All =>
    [
        // "554 Message rejected: Email address is not verified. The following identities failed the check in region …" (after end of data).
        new() { Id = "ses.identity-not-verified", Vendor = V, Tier = RuleTier.Vendor, Kind = SenderNotAuthorized,
            AnyPhrase = ["email address is not verified", "identities failed the check"],
            Causes = [SenderIdentityNotVerified], Remedies = [VerifySenderIdentity, MatchFromAddressToAccount] },
        new() { Id = "ses.not-authorized-to-send", Vendor = V, Tier = RuleTier.Vendor, Kind = AuthenticationFailed,
            AnyPhrase = ["ses:sendrawemail", "account not subscribed to ses"], Causes = [SmtpAuthDisabled],
            Remedies = [EnableSmtpAuthForAccount, CheckCredentials], Responsible = ResponsibleParty.SenderMailAdministrator },
        new() { Id = "ses.sending-limits", Vendor = V, Tier = RuleTier.Vendor, Kind = RateLimited,
            AnyPhrase = ["maximum sending rate exceeded", "daily message quota exceeded"], Transience = Transience.Always },
    ];
}
