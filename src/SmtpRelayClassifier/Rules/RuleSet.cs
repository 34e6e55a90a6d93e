using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using SmtpRelayClassifier.Classification;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// Rules compiled for matching: every phrase of every rule goes into one <see cref="SearchValues{T}"/>, so a text is
/// scanned once (vectorized) for all of them; the rules are then tried in tier order against the set of phrases found,
/// which costs a few bit tests each. Immutable and thread-safe once built.
/// </summary>
internal sealed class RuleSet
{
    private const int NonAsciiBucket = 128;

    private readonly CompiledRule[] _rules;
    private readonly string[] _phrases;
    private readonly SearchValues<string>? _search;
    private readonly int[][] _buckets;

    public RuleSet(IEnumerable<SmtpFailureRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        var duplicate = list.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Rule id '{duplicate.Key}' is used by {duplicate.Count()} rules; ids must be unique.", nameof(rules));

        var phraseIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int Id(string phrase)
        {
            if (string.IsNullOrWhiteSpace(phrase))
                throw new ArgumentException("A rule phrase must not be empty.", nameof(rules));
            if (!phraseIds.TryGetValue(phrase, out int id))
                phraseIds[phrase] = id = phraseIds.Count;
            return id;
        }

        // Stable sort: tier first, then the order in which the rules were declared.
        _rules = list
            .Select((rule, index) => (rule, index))
            .OrderBy(x => x.rule.Tier)
            .ThenBy(x => x.index)
            .Select(x => new CompiledRule(
                x.rule,
                x.rule.AnyPhrase.Select(Id).ToArray(),
                x.rule.AllPhrases.Select(Id).ToArray(),
                x.rule.NotPhrases.Select(Id).ToArray(),
                x.rule.EnhancedCodes.Select(EnhancedCodePattern.Parse).ToArray()))
            .ToArray();

        _phrases = new string[phraseIds.Count];
        foreach (var (phrase, id) in phraseIds)
            _phrases[id] = phrase;
        _search = _phrases.Length > 0 ? SearchValues.Create(_phrases, StringComparison.OrdinalIgnoreCase) : null;

        var buckets = new List<int>[NonAsciiBucket + 1];
        for (int i = 0; i < buckets.Length; i++)
            buckets[i] = [];
        for (int id = 0; id < _phrases.Length; id++)
            buckets[BucketOf(_phrases[id][0])].Add(id);
        _buckets = buckets.Select(b => b.ToArray()).ToArray();

        if (_rules.Length == 0 || !_rules[^1].IsUnconditional)
            throw new ArgumentException("The last rule must need no evidence, so that every input gets a diagnosis.", nameof(rules));
    }

    public IReadOnlyList<SmtpFailureRule> Rules => _rules.Select(r => r.Rule).ToArray();

    public int PhraseCount => _phrases.Length;

    /// <summary>Returns the first rule, in tier order, whose evidence holds. Never null: the last rule needs none.</summary>
    public SmtpFailureRule Evaluate(ReadOnlySpan<char> text, int code, EnhancedStatusCode enhanced, SmtpStage stage)
    {
        Span<ulong> found = stackalloc ulong[(_phrases.Length + 63) >> 6];
        found.Clear();
        FindPhrases(text, found);

        int codeClass = code != 0 ? code / 100 : enhanced.Class;
        foreach (var rule in _rules)
        {
            if (rule.Matches(found, code, codeClass, enhanced, stage))
                return rule.Rule;
        }

        return _rules[^1].Rule;
    }

    private void FindPhrases(ReadOnlySpan<char> text, Span<ulong> found)
    {
        if (_search is null)
            return;
        int offset = 0;
        while (offset < text.Length)
        {
            int rel = text[offset..].IndexOfAny(_search);
            if (rel < 0)
                return;
            int at = offset + rel;
            var rest = text[at..];
            bool boundary = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            foreach (int id in _buckets[BucketOf(rest[0])])
            {
                string phrase = _phrases[id];
                if ((boundary || !char.IsLetterOrDigit(phrase[0])) && rest.StartsWith(phrase, StringComparison.OrdinalIgnoreCase) &&
                    !IsLocalPart(rest, phrase.Length))
                {
                    found[id >> 6] |= 1UL << id;
                }
            }

            offset = at + 1;
        }
    }

    // "relay@example.org" names a mailbox; the words of an address say nothing about the failure.
    private static bool IsLocalPart(ReadOnlySpan<char> rest, int length) =>
        rest.Length > length && char.IsLetterOrDigit(rest[length - 1]) && rest[length] is '@' or '.' && rest[length..].IndexOf('@') is >= 0 and < 64 &&
        rest[length..].IndexOfAny(' ', '>') is var stop && (stop < 0 || rest[length..].IndexOf('@') < stop);

    private static int BucketOf(char c) => c < 128 ? char.ToLowerInvariant(c) : NonAsciiBucket;

    private sealed class CompiledRule
    {
        private readonly int[] _any;
        private readonly int[] _all;
        private readonly int[] _not;
        private readonly EnhancedCodePattern[] _enhanced;
        private readonly uint _stageMask;

        public CompiledRule(SmtpFailureRule rule, int[] any, int[] all, int[] not, EnhancedCodePattern[] enhanced)
        {
            Rule = rule;
            _any = any;
            _all = all;
            _not = not;
            _enhanced = enhanced;
            foreach (var stage in rule.Stages)
                _stageMask |= 1u << (int)stage;
        }

        public SmtpFailureRule Rule { get; }

        public bool IsUnconditional =>
            _any.Length == 0 && _all.Length == 0 && _enhanced.Length == 0 && _stageMask == 0 &&
            Rule.Codes.Count == 0 && Rule.CodeClass == 0;

        public bool Matches(ReadOnlySpan<ulong> found, int code, int codeClass, EnhancedStatusCode enhanced, SmtpStage stage)
        {
            if (_stageMask != 0)
            {
                if (stage == SmtpStage.Unknown ? Rule.StageRequired : (_stageMask & (1u << (int)stage)) == 0)
                    return false;
            }

            if (Rule.CodeClass != 0 && Rule.CodeClass != codeClass)
                return false;

            if (Rule.Codes.Count != 0 && !Contains(Rule.Codes, code))
                return false;

            if (_enhanced.Length != 0)
            {
                bool any = false;
                foreach (var pattern in _enhanced)
                    any |= pattern.Matches(enhanced);
                if (!any)
                    return false;
            }

            if (_any.Length != 0)
            {
                bool any = false;
                foreach (int id in _any)
                    any |= Has(found, id);
                if (!any)
                    return false;
            }

            foreach (int id in _all)
            {
                if (!Has(found, id))
                    return false;
            }

            foreach (int id in _not)
            {
                if (Has(found, id))
                    return false;
            }

            return true;
        }

        private static bool Has(ReadOnlySpan<ulong> found, int id) => (found[id >> 6] & (1UL << id)) != 0;

        private static bool Contains(IReadOnlyList<int> codes, int code)
        {
            for (int i = 0; i < codes.Count; i++)
            {
                if (codes[i] == code)
                    return true;
            }

            return false;
        }
    }
}
