using System.Collections.Generic;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules.Vendors;

/// <summary>
/// Aliyun DirectMail (its published SMTP replies): a limit "is achieved the maximum threshold", said of the length of
/// the message or of its recipients.
/// </summary>
internal static class AliyunRules
{
    private const string V = "Aliyun DirectMail";

    public static IEnumerable<SmtpFailureRule> All =>
    [
        new() { Id = "aliyun.length-threshold", Vendor = V, Tier = RuleTier.Vendor, Kind = MessageTooLarge,
            AllPhrases = ["maximum threshold"], AnyPhrase = ["length of"] },
        new() { Id = "aliyun.recipient-threshold", Vendor = V, Tier = RuleTier.Vendor, Kind = RateLimited, Transience = Transience.Always,
            AllPhrases = ["maximum threshold"], AnyPhrase = ["rcpt"], Remedies = [ReduceSendingRate, RetryLater] },
    ];
}
