using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;

namespace SmtpRelayClassifier.Benchmarks;

/// <summary>
/// Classifying the whole corpus (332 real replies). The baseline is what applications write by hand today: a list of
/// compiled regular expressions tried in order. Goals: at least 10x faster than the baseline; one allocation per
/// reply for the full diagnosis (the record), none for the kind or the brief diagnosis.
/// </summary>
[MemoryDiagnoser]
public class ClassificationBenchmarks
{
    private static readonly (Regex Pattern, SmtpFailureKind Kind)[] Patterns =
    [
        (Rx("relay(ing)? (access )?(denied|not permitted|prohibited|not allowed)|unable to relay|allowed rcpthosts|relais refus"), SmtpFailureKind.RelayDenied),
        (Rx("must issue a starttls|starttls (is )?required|tls required|encryption required"), SmtpFailureKind.TlsRequired),
        (Rx("authentication (is )?required|not authenticated|must authenticate|please authenticate|authentication turned on"), SmtpFailureKind.AuthenticationRequired),
        (Rx("authentication (failed|unsuccessful|credentials invalid)|username and password not accepted|incorrect authentication|^535"), SmtpFailureKind.AuthenticationFailed),
        (Rx("not owned by|send ?as|does not match authentication|must be same as|not verified"), SmtpFailureKind.SenderNotAuthorized),
        (Rx("sender address rejected|sender verify failed|domain of sender address"), SmtpFailureKind.SenderAddressRejected),
        (Rx("user unknown|no such user|does not exist|mailbox (not found|unavailable)|recipient not found|unrouteable|\\b5\\.1\\.1\\b"), SmtpFailureKind.RecipientUnknown),
        (Rx("unverified address|could not verify|temporary lookup failure"), SmtpFailureKind.RecipientVerificationDeferred),
        (Rx("mailbox (is )?full|over quota|quota exceeded|\\b[45]\\.2\\.2\\b"), SmtpFailureKind.MailboxFull),
        (Rx("message (size exceeds|too (large|big))|size limit|\\b5\\.3\\.4\\b"), SmtpFailureKind.MessageTooLarge),
        (Rx("blocked using|blacklist|block ?list|spamhaus|spamcop|reputation|client host rejected|ptr record"), SmtpFailureKind.ClientBlocked),
        (Rx("too many|rate limit|throttl|greylist|try again later"), SmtpFailureKind.RateLimited),
        (Rx("spam|virus|dmarc|content"), SmtpFailureKind.MessageRejected),
        (Rx("service (not available|unavailable)|shutting down|local error|^421"), SmtpFailureKind.ServiceUnavailable),
        (Rx("syntax error|command unrecognized|bad sequence|^50[0-4]"), SmtpFailureKind.ProtocolError),
    ];

    private readonly string[] _replies = Corpus.Replies;
    private readonly SmtpFailureClassifier _classifier = SmtpFailureClassifier.Default;

    [Benchmark(Baseline = true, Description = "RegexList")]
    public int RegexList()
    {
        int relay = 0;
        foreach (string reply in _replies)
        {
            var kind = SmtpFailureKind.Unknown;
            foreach (var (pattern, k) in Patterns)
            {
                if (pattern.IsMatch(reply))
                {
                    kind = k;
                    break;
                }
            }

            relay += kind == SmtpFailureKind.RelayDenied ? 1 : 0;
        }

        return relay;
    }

    [Benchmark]
    public int Classify()
    {
        int relay = 0;
        foreach (string reply in _replies)
            relay += _classifier.Classify(reply).IsRelayBlock ? 1 : 0;
        return relay;
    }

    [Benchmark]
    public int ClassifyBrief()
    {
        int relay = 0;
        foreach (string reply in _replies)
            relay += _classifier.ClassifyBrief(reply).IsRelayBlock ? 1 : 0;
        return relay;
    }

    [Benchmark]
    public int ClassifyKind()
    {
        int relay = 0;
        foreach (string reply in _replies)
            relay += _classifier.ClassifyKind(reply) == SmtpFailureKind.RelayDenied ? 1 : 0;
        return relay;
    }

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
