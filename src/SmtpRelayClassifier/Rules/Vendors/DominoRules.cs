using System.Collections.Generic;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>HCL (formerly IBM/Lotus) Domino; the text is observed in application code comments, no vendor document was found.</summary>
internal static class DominoRules
{
    private const string V = "HCL Domino";

    public static IEnumerable<SmtpFailureRule> All =>
    [
        new() { Id = "domino.relay-rejected", Vendor = V, Tier = RuleTier.Vendor, Kind = RelayDenied,
            AnyPhrase = ["relay rejected for policy reasons"], Stages = Stages.Envelope },
        // The recipient is not in the Domino Directory, in the languages Domino ships (its English, Spanish, French and Japanese NDRs).
        new() { Id = "domino.not-in-directory", Vendor = V, Tier = RuleTier.Vendor, Kind = RecipientUnknown,
            AnyPhrase = ["not listed in domino directory", "several matches found in domino directory", "cannot route mail to user",
                "no se encuentra en el directorio de domino", "non répertorié dans l'annuaire domino", "ディレクトリには見つかりません",
                "ディレクトリのリストにありません"] },
    ];
}
