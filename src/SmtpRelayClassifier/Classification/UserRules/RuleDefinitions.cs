using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using SmtpRelayClassifier.Rules;

namespace SmtpRelayClassifier;

/// <summary>
/// The one bridge between <see cref="SmtpFailureRuleDefinition"/> (the public form, in code and in rule files) and the
/// engine's <see cref="SmtpFailureRule"/>: the conversions both ways, the checks of one rule and of a whole set, and the
/// compilation of <see cref="SmtpFailureClassifierOptions"/>. Each check reports the field by its rule-file name. Thread-safe.
/// </summary>
internal static class RuleDefinitions
{
    /// <summary>The built-in rules as definitions, in the order they are declared.</summary>
    public static IReadOnlyList<SmtpFailureRuleDefinition> BuiltIn { get; } = DefaultRules.All.Select(ToDefinition).ToArray();

    /// <summary>The engine's form of a checked definition; the lists are copied, so later changes to the caller's lists do not reach it.</summary>
    public static SmtpFailureRule ToRule(SmtpFailureRuleDefinition d) => new()
    {
        Id = d.Id,
        Kind = d.Kind,
        Tier = RuleTier.Of(d.Strength),
        Vendor = d.Vendor,
        AnyPhrase = [.. d.Phrases],
        AllPhrases = [.. d.AllPhrases],
        NotPhrases = [.. d.NotPhrases],
        Stages = [.. d.Stages],
        StageRequired = d.StageRequired,
        Codes = [.. d.Codes],
        CodeClass = d.CodeClass,
        EnhancedCodes = [.. d.EnhancedCodes],
        Causes = d.Causes is null ? null : [.. d.Causes],
        Remedies = d.Remedies is null ? null : [.. d.Remedies],
        Responsible = d.Responsible,
        Confidence = d.Confidence,
        Transience = (Transience)d.Transience,
        Action = d.Action,
        HelpLink = d.HelpLink,
        Summary = d.Summary,
    };

    /// <summary>The public form of an engine rule; its lists are read-only copies, so that no caller can change the engine's.</summary>
    public static SmtpFailureRuleDefinition ToDefinition(SmtpFailureRule r) => new()
    {
        Id = r.Id,
        Kind = r.Kind,
        Strength = EvidenceWeighing.StrengthOf(r.Tier),
        Vendor = r.Vendor,
        Phrases = ReadOnly(r.AnyPhrase),
        AllPhrases = ReadOnly(r.AllPhrases),
        NotPhrases = ReadOnly(r.NotPhrases),
        Stages = ReadOnly(r.Stages),
        StageRequired = r.StageRequired,
        Codes = ReadOnly(r.Codes),
        CodeClass = r.CodeClass,
        EnhancedCodes = ReadOnly(r.EnhancedCodes),
        Causes = r.Causes is null ? null : ReadOnly(r.Causes),
        Remedies = r.Remedies is null ? null : ReadOnly(r.Remedies),
        Responsible = r.Responsible,
        Confidence = r.Confidence,
        Transience = (SmtpFailureRuleTransience)r.Transience,
        Action = r.Action,
        HelpLink = r.HelpLink,
        Summary = r.Summary,
    };

    /// <summary>Checks one rule; <paramref name="report"/> gets each error as the field's rule-file name and what is wrong with it.</summary>
    public static void Check(SmtpFailureRuleDefinition rule, Action<string, string> report)
    {
        if (string.IsNullOrWhiteSpace(rule.Id))
            report("id", "must not be empty");
        Defined(rule.Kind, "kind", report);
        Defined(rule.Strength, "strength", report);
        Phrases(rule.Phrases, "phrases", report);
        Phrases(rule.AllPhrases, "allPhrases", report);
        Phrases(rule.NotPhrases, "notPhrases", report);
        foreach (var stage in rule.Stages ?? Missing<SmtpStage>("stages", report))
        {
            if (stage == SmtpStage.Unknown || !Enum.IsDefined(typeof(SmtpStage), stage))
                report("stages", $"'{stage}' is not a stage a rule can name (Connect, Ehlo, StartTls, Auth, Mail, Rcpt, Data, EndOfData)");
        }

        foreach (int code in rule.Codes ?? Missing<int>("codes", report))
        {
            if (code is < 200 or > 599)
                report("codes", $"{code} is not a reply code (200 to 599)");
        }

        if (rule.CodeClass is not (0 or (>= 2 and <= 5)))
            report("codeClass", $"{rule.CodeClass} is not a reply class (2 to 5, or 0 for any)");
        foreach (string code in rule.EnhancedCodes ?? Missing<string>("enhancedCodes", report))
        {
            if (code is null || !EnhancedCodePattern.TryParse(code, out _))
                report("enhancedCodes", $"'{code}' is not an enhanced code such as 5.7.1, x.7.1, 5.7.x or 5.7.606-649");
        }

        Defined(rule.Causes, "causes", report);
        Defined(rule.Remedies, "remedies", report);
        if (rule.Responsible is { } responsible)
            Defined(responsible, "responsible", report);
        if (rule.Confidence is { } confidence)
            Defined(confidence, "confidence", report);
        Defined(rule.Transience, "transience", report);
        if (rule.Action is { } action)
            Defined(action, "action", report);
        if (rule.HelpLink is { } link && !(link.IsAbsoluteUri && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp)))
            report("helpLink", $"'{link}' is not an absolute http or https address");
        if (rule.Summary is { } summary && string.IsNullOrWhiteSpace(summary))
            report("summary", "must not be empty; leave it out to take the kind's");
        if (NeedsNoEvidence(rule) && rule.Strength != EvidenceStrength.None)
            report("strength", "a rule with no phrase, code, codeClass, enhanced code or stage would decide every reply: give it evidence, or the strength None");
    }

    /// <summary>
    /// Checks a whole set: every rule, unique ids, ids that clash with a built-in rule, disabled ids that are not
    /// built-in ones, and an evidence-free rule when the built-in rules are left out. <paramref name="report"/> gets the
    /// index of the rule (or -1), the index in <see cref="SmtpFailureClassifierOptions.DisabledRuleIds"/> (or -1), the
    /// field and the error.
    /// </summary>
    public static void CheckSet(SmtpFailureClassifierOptions options, Action<int, int, string, string> report, bool checkRules = true)
    {
        var rules = options.Rules ?? throw new ArgumentException("The options' Rules must not be null.", nameof(options));
        var disabled = options.DisabledRuleIds ?? throw new ArgumentException("The options' DisabledRuleIds must not be null.", nameof(options));
        var off = new HashSet<string>(disabled.Where(id => id is not null), StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule is null)
            {
                report(i, -1, "rules", "must not be null");
                continue;
            }

            if (checkRules)
                Check(rule, (field, message) => report(i, -1, field, message));
            if (string.IsNullOrWhiteSpace(rule.Id))
                continue;
            if (seen.TryGetValue(rule.Id, out int first))
                report(i, -1, "id", $"'{rule.Id}' is the id of rule #{first + 1} too; ids must be unique");
            else
                seen[rule.Id] = i;
            if (options.IncludeBuiltInRules && DefaultRules.IsBuiltIn(rule.Id) && !off.Contains(rule.Id))
                report(i, -1, "id", $"'{rule.Id}' is the id of a built-in rule: choose another, or disable the built-in one to replace it");
        }

        for (int i = 0; i < disabled.Count; i++)
        {
            string id = disabled[i];
            if (id == DefaultRules.FallbackId)
                report(-1, i, "disable", $"'{id}' is the rule every reply falls back to; it cannot be turned off");
            else if (id is null || !DefaultRules.IsBuiltIn(id))
                report(-1, i, "disable", $"'{id}' is not the id of a built-in rule");
        }

        if (!options.IncludeBuiltInRules && !rules.Any(r => r is not null && NeedsNoEvidence(r)))
            report(-1, -1, "includeBuiltInRules", "without the built-in rules, one rule must need no evidence (strength None), so that every reply gets a diagnosis");
    }

    /// <summary>The rule set of checked options.</summary>
    /// <exception cref="ArgumentException">The options hold errors; the message lists each, with the rule's number and id and the field.</exception>
    public static RuleSet Compile(SmtpFailureClassifierOptions options)
    {
        ThrowIfInvalid(options);
        return DefaultRules.Compose(options.Rules.Select(ToRule).ToArray(), options.DisabledRuleIds, options.IncludeBuiltInRules);
    }

    /// <summary>Throws when <see cref="CheckSet"/> finds errors.</summary>
    /// <exception cref="ArgumentException">The options hold errors; the message lists each, with the rule's number and id and the field.</exception>
    public static void ThrowIfInvalid(SmtpFailureClassifierOptions options)
    {
        var errors = new List<string>();
        CheckSet(options, (rule, disabled, field, message) => errors.Add(Describe(options, rule, disabled, field, message)));
        if (errors.Count > 0)
            throw new ArgumentException($"The classifier options hold {Count(errors.Count)}:\n  " + string.Join("\n  ", errors), nameof(options));
    }

    /// <summary>"1 error", "3 errors".</summary>
    public static string Count(int errors) => errors == 1 ? "1 error" : $"{errors} errors";

    /// <summary>Where an error of <see cref="CheckSet"/> is: the rule by number and id, or the disabled id by number.</summary>
    public static string Describe(SmtpFailureClassifierOptions options, int rule, int disabled, string field, string message) =>
        rule >= 0 ? $"rule #{rule + 1}{IdOf(options.Rules[rule])}, field '{field}': {message}"
        : disabled >= 0 ? $"field '{field}' #{disabled + 1}: {message}"
        : $"field '{field}': {message}";

    private static string IdOf(SmtpFailureRuleDefinition? rule) => string.IsNullOrWhiteSpace(rule?.Id) ? string.Empty : $" '{rule!.Id}'";

    private static ReadOnlyCollection<T> ReadOnly<T>(IReadOnlyList<T> list) => new([.. list]);

    private static bool NeedsNoEvidence(SmtpFailureRuleDefinition rule) =>
        rule.Phrases is { Count: 0 } && rule.AllPhrases is { Count: 0 } && rule.Codes is { Count: 0 } && rule.EnhancedCodes is { Count: 0 } &&
        rule.Stages is { Count: 0 } && rule.CodeClass == 0;

    private static IReadOnlyList<T> Missing<T>(string field, Action<string, string> report)
    {
        report(field, "must not be null; leave it out, or give an empty list");
        return [];
    }

    private static void Phrases(IReadOnlyList<string>? phrases, string field, Action<string, string> report)
    {
        foreach (string phrase in phrases ?? Missing<string>(field, report))
        {
            if (string.IsNullOrWhiteSpace(phrase))
                report(field, "a phrase must not be empty");
            else if (phrase.Length < 3)
                report(field, $"'{phrase}' is too short: a phrase has at least three characters");
        }
    }

    private static void Defined<T>(IReadOnlyList<T>? values, string field, Action<string, string> report)
        where T : struct, Enum
    {
        foreach (var value in values ?? [])
            Defined(value, field, report);
    }

    private static void Defined<T>(T value, string field, Action<string, string> report)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(typeof(T), value))
            report(field, $"{Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)} is not a {typeof(T).Name}");
    }
}
