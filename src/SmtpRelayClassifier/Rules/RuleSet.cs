using System;
using System.Collections.Generic;
using System.Linq;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// Rules compiled for matching. Phrases start at a word boundary, so the text is read once, and only where a word
/// starts are the phrases that begin with its first two characters compared (a table lookup, then a few characters).
/// Each phrase found marks the rules it can make true; only those, and the rules that need no phrase, are then tried,
/// in tier order. Allocation-free; immutable and thread-safe once built.
/// </summary>
internal sealed class RuleSet
{
    private const int LocalPartTail = 64;

    private readonly CompiledRule[] _rules;
    private readonly string[] _phrases;
    private readonly PhraseTrie _trie;
    private readonly bool[] _anyStart;
    private readonly int[][] _rulesByPhrase;
    private readonly ulong[] _phraseless;
    private readonly ulong[][] _bySubject;
    private readonly Dictionary<int, ulong[]> _byCode;
    private readonly int _rulesWords;

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
        {
            if (phrase.Length < 3)
                throw new ArgumentException($"Rule phrase '{phrase}' is too short: phrases have at least three characters.", nameof(rules));
            _phrases[id] = phrase.ToLowerInvariant();
        }

        _trie = new PhraseTrie(_phrases);
        _anyStart = new bool[129];
        foreach (string phrase in _phrases)
        {
            if (!char.IsLetterOrDigit(phrase[0]))
                _anyStart[phrase[0] < 128 ? phrase[0] : 128] = true;
        }

        // Which rules each phrase can make true, and the rules that need no phrase at all: only those are tried.
        _rulesWords = (_rules.Length + 63) >> 6;
        var byPhrase = new List<int>[_phrases.Length];
        for (int i = 0; i < byPhrase.Length; i++)
            byPhrase[i] = [];
        // Rules that need no phrase are indexed by what they do need: an enhanced code's subject, or a reply code.
        _phraseless = new ulong[_rulesWords];
        _bySubject = new ulong[9][];
        for (int i = 0; i < _bySubject.Length; i++)
            _bySubject[i] = new ulong[_rulesWords];
        _byCode = new Dictionary<int, ulong[]>();
        for (int r = 0; r < _rules.Length; r++)
        {
            var trigger = _rules[r].TriggerPhrases;
            foreach (int id in trigger)
                byPhrase[id].Add(r);
            if (trigger.Length > 0)
                continue;
            var patterns = _rules[r].EnhancedPatterns;
            if (patterns.Length > 0)
            {
                foreach (var pattern in patterns)
                {
                    int subject = pattern.Subject == EnhancedCodePattern.Any ? 8 : Math.Min(pattern.Subject, 8);
                    _bySubject[subject][r >> 6] |= 1UL << r;
                    if (pattern.Subject == EnhancedCodePattern.Any)
                    {
                        for (int i = 0; i < 8; i++)
                            _bySubject[i][r >> 6] |= 1UL << r;
                    }
                }
            }
            else if (_rules[r].Rule.Codes.Count > 0)
            {
                foreach (int code in _rules[r].Rule.Codes)
                {
                    if (!_byCode.TryGetValue(code, out var bits))
                        _byCode[code] = bits = new ulong[_rulesWords];
                    bits[r >> 6] |= 1UL << r;
                }
            }
            else
            {
                _phraseless[r >> 6] |= 1UL << r;
            }
        }

        _rulesByPhrase = byPhrase.Select(l => l.ToArray()).ToArray();

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
        Span<ulong> candidates = stackalloc ulong[_rulesWords];
        _phraseless.CopyTo(candidates);
        if (!enhanced.IsEmpty)
            Or(candidates, _bySubject[Math.Min(enhanced.Subject, 8)]);
        if (code != 0 && _byCode.TryGetValue(code, out var byCode))
            Or(candidates, byCode);
        FindPhrases(text, found, candidates);

        int codeClass = code != 0 ? code / 100 : enhanced.Class;
        for (int word = 0; word < candidates.Length; word++)
        {
            ulong bits = candidates[word];
            while (bits != 0)
            {
                int r = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (_rules[r].Matches(found, code, codeClass, enhanced, stage))
                    return _rules[r].Rule;
            }
        }

        return _rules[^1].Rule;
    }

    private void FindPhrases(ReadOnlySpan<char> text, Span<ulong> found, Span<ulong> candidates)
    {
        var sink = new Sink(this, found, candidates);
        bool previousIsWord = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool isWord = c < 128 ? IsAsciiWord(c) : char.IsLetterOrDigit(c);
            // Phrases starting with a letter or digit begin only where a word begins; the few others anywhere.
            if (isWord ? !previousIsWord : _anyStart[c < 128 ? c : 128])
            {
                sink.Start(text[i..]);
                _trie.Match(text[i..], ref sink);
            }

            previousIsWord = isWord;
        }
    }

    private static void Or(Span<ulong> into, ulong[] bits)
    {
        for (int i = 0; i < into.Length; i++)
            into[i] |= bits[i];
    }

    private static bool IsAsciiWord(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;

    /// <summary>Marks each phrase found, and the rules it can make true.</summary>
    private ref struct Sink(RuleSet set, Span<ulong> found, Span<ulong> candidates) : IPhraseSink
    {
        private readonly RuleSet _set = set;
        private readonly Span<ulong> _found = found;
        private readonly Span<ulong> _candidates = candidates;
        private ReadOnlySpan<char> _at;

        public void Start(ReadOnlySpan<char> at) => _at = at;

        public void Found(int id, int length)
        {
            if ((_found[id >> 6] & (1UL << id)) != 0 || IsLocalPart(_at, length))
                return;
            _found[id >> 6] |= 1UL << id;
            foreach (int r in _set._rulesByPhrase[id])
                _candidates[r >> 6] |= 1UL << r;
        }
    }

    // "relay@example.org" names a mailbox; the words of an address say nothing about the failure. A phrase is part of
    // a local part when an '@' follows it within LocalPartTail characters, with no ' ' or '>' between. Only those
    // characters are read: the check costs the same wherever in a long text the phrase is.
    private static bool IsLocalPart(ReadOnlySpan<char> rest, int length)
    {
        if (rest.Length <= length || !char.IsLetterOrDigit(rest[length - 1]) || rest[length] is not ('@' or '.'))
            return false;
        var tail = rest[length..];
        int at = tail[..Math.Min(tail.Length, LocalPartTail)].IndexOf('@');
        return at >= 0 && tail[..at].IndexOfAny(' ', '>') < 0;
    }

    private sealed class CompiledRule
    {
        private readonly int[] _any;
        private readonly int[] _all;
        private readonly int[] _not;
        private readonly EnhancedCodePattern[] _enhanced;
        private readonly uint _stageMask;
        private readonly int[] _codes;
        private readonly int _codeClass;
        private readonly bool _stageRequired;

        public CompiledRule(SmtpFailureRule rule, int[] any, int[] all, int[] not, EnhancedCodePattern[] enhanced)
        {
            Rule = rule;
            _any = any;
            _all = all;
            _not = not;
            _enhanced = enhanced;
            _codes = rule.Codes.ToArray();
            _codeClass = rule.CodeClass;
            _stageRequired = rule.StageRequired;
            foreach (var stage in rule.Stages)
                _stageMask |= 1u << (int)stage;
        }

        public SmtpFailureRule Rule { get; }

        /// <summary>The enhanced codes the rule needs (empty: none).</summary>
        public EnhancedCodePattern[] EnhancedPatterns => _enhanced;

        /// <summary>The phrases that can make the rule true: the any-of phrases, or else the all-of ones (any one of them is a candidate).</summary>
        public int[] TriggerPhrases => _any.Length > 0 ? _any : _all;

        public bool IsUnconditional =>
            _any.Length == 0 && _all.Length == 0 && _enhanced.Length == 0 && _stageMask == 0 &&
            Rule.Codes.Count == 0 && Rule.CodeClass == 0;

        public bool Matches(ReadOnlySpan<ulong> found, int code, int codeClass, EnhancedStatusCode enhanced, SmtpStage stage)
        {
            if (_stageMask != 0)
            {
                if (stage == SmtpStage.Unknown ? _stageRequired : (_stageMask & (1u << (int)stage)) == 0)
                    return false;
            }

            if (_codeClass != 0 && _codeClass != codeClass)
                return false;

            if (_codes.Length != 0 && Array.IndexOf(_codes, code) < 0)
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
    }
}
