using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>
/// Deutsche Telekom's t-online.de MX servers: the connection of a sending IP they refuse is answered with "554 IP=… - A
/// problem occurred. (Ask your postmaster for help or to contact … to clarify.)", with a tag such as "(BL)" for block lists
/// (postmaster.t-online.de, "Why was the establishment of an SMTP connection rejected").
/// </summary>
internal static class TOnlineRules
{
    private const string V = "Deutsche Telekom (t-online.de)";

    public static IEnumerable<SmtpFailureRule> All =>
    [
        new() { Id = "tonline.ip-refused", Vendor = V, Tier = RuleTier.Vendor, Kind = ClientBlocked,
            AllPhrases = ["a problem occurred", "ask your postmaster"], Causes = [ClientOnBlockList, PoorReputation],
            Remedies = [RequestBlockListRemoval, ContactMailAdministrator], Transience = Transience.ByCodeClass },
    ];
}
