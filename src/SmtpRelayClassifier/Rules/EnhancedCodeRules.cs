using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// Enhanced status codes, built from the registry (<see cref="EnhancedStatusCodeRegistry"/>): one rule per registered
/// code that names a kind (two when class 4 and class 5 mean different things), one per subject for the details
/// nobody registered, and a few rules where the stage or the basic code changes what a code means. A code with one
/// meaning outranks weak wording; a vague one (X.7.1, X.7.0) comes after the specific basic codes, and is not enough
/// for any kind.
/// </summary>
internal static class EnhancedCodeRules
{
    private const int Exact = RuleTier.EnhancedCode;
    private const int LastDetail = 999;

    public static IEnumerable<SmtpFailureRule> All => Combined.Concat(FromRegistry(EnhancedStatusCodeRegistry.Entries));

    /// <summary>Where the stage or the basic code changes what an enhanced code means; tried before the registry's rules of the same tier.</summary>
    private static IEnumerable<SmtpFailureRule> Combined =>
    [
        new() { Id = "enhanced.x.1.x-at-mail", Tier = Exact, Kind = SenderAddressRejected, EnhancedCodes = ["4.1.x", "5.1.x"],
            Stages = Stages.Mail, StageRequired = true, Causes = [SenderAddressInvalid], Remedies = [UseValidSenderAddress],
            Transience = Transience.ByCodeClass },
        // Exchange Online sends 5.4.1 (registered: no answer from host) for "Recipient address rejected: Access denied".
        new() { Id = "enhanced.5.4.1", Tier = Exact, Kind = RecipientUnknown, EnhancedCodes = ["5.4.1"], Confidence = DiagnosisConfidence.Low },
        new() { Id = "enhanced.x.7.0-530", Tier = Exact, Kind = AuthenticationRequired, EnhancedCodes = ["x.7.0", "x.7.1"], Codes = [530],
            Causes = [UnauthenticatedSubmission], Remedies = [AuthenticateOnSubmissionPort] },
        // After DATA the message is what is judged: a vague X.7.1 there is a policy rejection of the message (TAXONOMY).
        new() { Id = "enhanced.x.7.1-at-data", Tier = RuleTier.EnhancedSubject, Kind = MessageRejected, EnhancedCodes = ["x.7.0", "x.7.1"],
            Stages = Stages.Content, StageRequired = true, Causes = [ContentPolicy, SpamContent], Confidence = DiagnosisConfidence.Low,
            Transience = Transience.ByCodeClass },
        new() { Id = "enhanced.x.7.3-535", Tier = Exact, Kind = AuthenticationFailed, EnhancedCodes = ["x.7.3"], Codes = [535] },
        new() { Id = "enhanced.x.7.4-at-auth", Tier = Exact, Kind = AuthenticationFailed, EnhancedCodes = ["x.7.4"],
            Stages = Stages.Auth, StageRequired = true, Causes = [NoCommonAuthenticationMechanism], Remedies = [EnableTls, AuthenticateOnSubmissionPort] },
        new() { Id = "enhanced.x.7.13-at-auth", Tier = Exact, Kind = AuthenticationFailed, EnhancedCodes = ["x.7.13"],
            Stages = Stages.Auth, StageRequired = true, Causes = [SmtpAuthDisabled], Remedies = [ContactMailAdministrator] },
    ];

    /// <summary>The rules of the registry's rows; entries whose kind is null make none, so that the text or the basic code decides.</summary>
    internal static IEnumerable<SmtpFailureRule> FromRegistry(IReadOnlyList<EnhancedStatusCodeEntry> entries)
    {
        foreach (var entry in entries)
        {
            string subject = entry.Code[..entry.Code.IndexOf('.')];
            if (entry.Code.EndsWith(".x", System.StringComparison.Ordinal))
            {
                var unregistered = UnregisteredDetails(entries, subject).ToArray();
                if (entry.Permanent is { } kind && unregistered.Length > 0)
                    yield return Rule(entry, $"enhanced.x.{subject}.x", kind, RuleTier.EnhancedSubject, [.. unregistered.SelectMany(d => Both(subject, d))]);
                continue;
            }

            if (!entry.ClassMatters)
            {
                if (entry.Permanent is { } kind)
                {
                    foreach (var rule in Rules(entry, $"x.{entry.Code}", kind, [$"4.{entry.Code}", $"5.{entry.Code}"]))
                        yield return rule;
                }

                continue;
            }

            // The causes and remedies of a row are those of its permanent kind; the transient one takes its kind's defaults.
            if (entry.Transient is { } transient)
            {
                foreach (var rule in Rules(entry with { Causes = null, Remedies = null }, $"4.{entry.Code}", transient, [$"4.{entry.Code}"]))
                    yield return rule;
            }

            if (entry.Permanent is { } permanent)
            {
                foreach (var rule in Rules(entry, $"5.{entry.Code}", permanent, [$"5.{entry.Code}"]))
                    yield return rule;
            }
        }
    }

    // A specific code at every stage needs no rule of the exact tier; one specific at some stages needs both.
    private static IEnumerable<SmtpFailureRule> Rules(EnhancedStatusCodeEntry entry, string name, SmtpFailureKind kind, string[] codes)
    {
        bool vague = kind == SmtpFailureKind.Unknown;
        if (entry.SpecificAt is { } stages && !vague)
        {
            yield return Rule(entry, stages.Count == 0 ? $"enhanced.{name}" : $"enhanced.{name}-at-{string.Join('-', stages).ToLowerInvariant()}",
                kind, RuleTier.SpecificCode, codes) with { Stages = stages, StageRequired = stages.Count > 0 };
            if (stages.Count == 0)
                yield break;
        }

        yield return Rule(entry, $"enhanced.{name}", kind, vague ? RuleTier.EnhancedSubject : Exact, codes);
    }

    private static SmtpFailureRule Rule(EnhancedStatusCodeEntry entry, string id, SmtpFailureKind kind, int tier, string[] codes) => new()
    {
        Id = id, Tier = tier, Kind = kind, EnhancedCodes = codes, Causes = entry.Causes, Remedies = entry.Remedies,
        Responsible = entry.Responsible, Confidence = entry.Confidence ?? (tier == RuleTier.SpecificCode ? DiagnosisConfidence.Medium : null),
        Transience = entry.Transience, Summary = entry.Summary,
    };

    private static IEnumerable<string> Both(string subject, string details) => [$"4.{subject}.{details}", $"5.{subject}.{details}"];

    /// <summary>The details of <paramref name="subject"/> that no row registers, as ranges (<c>11-999</c>).</summary>
    private static IEnumerable<string> UnregisteredDetails(IReadOnlyList<EnhancedStatusCodeEntry> entries, string subject)
    {
        var registered = entries
            .Where(e => e.Code.StartsWith(subject + ".", System.StringComparison.Ordinal) && !e.Code.EndsWith(".x", System.StringComparison.Ordinal))
            .Select(e => int.Parse(e.Code[(subject.Length + 1)..], CultureInfo.InvariantCulture))
            .ToHashSet();
        int from = -1;
        for (int detail = 0; detail <= LastDetail + 1; detail++)
        {
            bool free = detail <= LastDetail && !registered.Contains(detail);
            if (free && from < 0)
                from = detail;
            else if (!free && from >= 0)
            {
                yield return from == detail - 1 ? $"{from}" : $"{from}-{detail - 1}";
                from = -1;
            }
        }
    }
}
