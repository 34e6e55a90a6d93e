using System;
using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>Comcast (Xfinity): its BLxxxxxx block codes, "554 5.1.0 Comcast block for spam (BL000000)" (postmaster.comcast.net).</summary>
internal static class ComcastRules
{
    private const string V = "Comcast";

    /// <summary>The vendor's public page for its replies: Comcast's postmaster list of SMTP error codes.</summary>
    public static readonly Uri HelpPage = new("https://postmaster.comcast.net/smtp-error-codes.php");

    public static IEnumerable<SmtpFailureRule> All =>
    [
        new() { Id = "comcast.block-for-spam", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AnyPhrase = ["comcast block for spam"], Causes = [ClientOnBlockList, PoorReputation] },
    ];
}
