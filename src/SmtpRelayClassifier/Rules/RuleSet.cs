using System;
using System.Collections.Generic;
using System.Linq;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// Rules compiled for matching. Phrases start at a word boundary, so the text is read once, and only where a word
/// starts is the phrase trie walked, from where its first four characters lead (one table probe, then a few characters).
/// Each phrase found marks the rules it can make true; only those, and the rules that need no phrase, are then tried,
/// in tier order. Allocation-free; immutable and thread-safe once built.
/// </summary>
internal sealed partial class RuleSet
{
    private const int LocalPartTail = 64;
    private const int MaxIndexedDetail = 999;

    private readonly CompiledRule[] _rules;
    private readonly RuleHead[] _heads;
    private readonly int[] _pool;
    private readonly string[] _phrases;
    private readonly PhraseTrie _trie;
    private readonly bool[] _anyStart;
    private readonly char[] _anyStartChars;
    private readonly int[][] _rulesByPhrase;
    private readonly ulong[] _phraseless;
    private readonly ulong[][] _bySubject;
    private readonly int[][] _byDetail;
    private readonly ulong[][] _detailSets;
    private readonly ulong[]?[] _byCode;
    private readonly int _rulesWords;
    private readonly int[] _markers;
    private readonly ulong[] _markerMask;

    // The words of the found set that hold a marker phrase: the only ones the marker test reads.
    private readonly int[] _markerWords;

    /// <summary>Compiles the rules; <paramref name="markers"/> are phrases no rule needs that <see cref="EvaluateMarked"/> reports; the
    /// first <paramref name="leading"/> rules (a user's own) are tried before all the others, whatever their tiers.</summary>
    public RuleSet(IEnumerable<SmtpFailureRule> rules, IReadOnlyList<string>? markers = null, int leading = 0)
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

        // Stable sort: the leading rules first, then tier, then the order in which the rules were declared.
        _rules = list
            .Select((rule, index) => (rule, index))
            .OrderBy(x => x.index < leading ? 0 : 1)
            .ThenBy(x => x.rule.Tier)
            .ThenBy(x => x.index)
            .Select(x => new CompiledRule(
                x.rule,
                x.rule.AnyPhrase.Select(Id).ToArray(),
                x.rule.AllPhrases.Select(Id).ToArray(),
                x.rule.NotPhrases.Select(Id).ToArray(),
                x.rule.EnhancedCodes.Select(EnhancedCodePattern.Parse).ToArray()))
            .ToArray();
        (_heads, _pool) = BuildHeads(_rules);
        _markers = (markers ?? []).Select(Id).ToArray();

        _phrases = new string[phraseIds.Count];
        foreach (var (phrase, id) in phraseIds)
        {
            if (phrase.Length < 3)
                throw new ArgumentException($"Rule phrase '{phrase}' is too short: phrases have at least three characters.", nameof(rules));
            _phrases[id] = phrase.ToLowerInvariant();
        }

        _markerMask = new ulong[(_phrases.Length + 63) >> 6];
        foreach (int id in _markers)
            _markerMask[id >> 6] |= 1UL << id;
        _markerWords = Enumerable.Range(0, _markerMask.Length).Where(w => _markerMask[w] != 0).ToArray();

        _trie = new PhraseTrie(_phrases);
        _anyStart = new bool[129];
        foreach (string phrase in _phrases)
        {
            if (!char.IsLetterOrDigit(phrase[0]))
                _anyStart[phrase[0] < 128 ? phrase[0] : 128] = true;
        }

        _anyStartChars = Enumerable.Range(0, 128).Where(c => _anyStart[c]).Select(c => (char)c).ToArray();

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
        // Indexed by the three-digit reply code itself: one load, where a dictionary would hash.
        _byCode = new ulong[]?[1000];
        for (int r = 0; r < _rules.Length; r++)
        {
            var trigger = _heads[r].Triggers(_pool);
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
                    if (code is < 100 or > 999)
                        throw new ArgumentException($"Rule '{_rules[r].Rule.Id}' names {code}, which is not a three-digit reply code.", nameof(rules));
                    var bits = _byCode[code] ??= new ulong[_rulesWords];
                    bits[r >> 6] |= 1UL << r;
                }
            }
            else
            {
                _phraseless[r >> 6] |= 1UL << r;
            }
        }

        _rulesByPhrase = byPhrase.Select(l => l.ToArray()).ToArray();
        (_byDetail, _detailSets) = IndexByDetail();

        if (_rules.Length == 0 || !_rules[^1].IsUnconditional)
            throw new ArgumentException("The last rule must need no evidence, so that every input gets a diagnosis.", nameof(rules));
    }

    public IReadOnlyList<SmtpFailureRule> Rules => _rules.Select(r => r.Rule).ToArray();

    public int PhraseCount => _phrases.Length;

    /// <summary>How many rules the set holds.</summary>
    public int Count => _rules.Length;

    /// <summary>The most matching rules <see cref="Evaluate"/> weighs: the strongest ones, in tier order.</summary>
    public const int MaxMatches = 32;

    /// <summary>
    /// Weighs every rule whose evidence holds (<see cref="EvidenceWeighing"/>) and returns the decision. Never without a
    /// rule: the last rule needs no evidence. Allocation-free. <see cref="EvaluateMarked"/>, the markers left unread.
    /// </summary>
    public RuleDecision Evaluate(ReadOnlySpan<char> text, int code, EnhancedStatusCode enhanced, SmtpStage stage)
    {
        Span<int> markers = stackalloc int[_markers.Length];
        return EvaluateMarked(text, code, enhanced, stage, markers, out _);
    }

    /// <summary>
    /// The rule <see cref="Evaluate"/> decides by, without the rest of the weighing (support, contradiction, confidence):
    /// the rules are tried, in tier order, only until the first that names a kind. Returns its index in the compiled order
    /// (<see cref="RuleAt"/>). Allocation-free.
    /// </summary>
    public int EvaluateRule(ReadOnlySpan<char> text, int code, EnhancedStatusCode enhanced, SmtpStage stage)
    {
        Span<ulong> found = stackalloc ulong[(_phrases.Length + 63) >> 6];
        Span<ulong> candidates = stackalloc ulong[_rulesWords];
        int codeClass = Prepare(text, code, enhanced, found, candidates, [], out _);
        return FirstRule(found, candidates, code, codeClass, enhanced, stage);
    }

    // The first candidate that holds and names a kind, else the first that holds. Apart from the stack buffers its
    // caller sets up, as every loop of the hot path: a method with both is compiled once, without the runtime's profile.
    private int FirstRule(ReadOnlySpan<ulong> found, ReadOnlySpan<ulong> candidates, int code, int codeClass, EnhancedStatusCode enhanced,
        SmtpStage stage)
    {
        int first = -1;
        for (int word = 0; word < candidates.Length; word++)
        {
            ulong bits = candidates[word];
            while (bits != 0)
            {
                int r = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (!Holds(r, found, code, codeClass, enhanced, stage))
                    continue;
                if (_heads[r].Evidence.NamesAKind)
                    return r;
                if (first < 0)
                    first = r;
            }
        }

        return first < 0 ? _rules.Length - 1 : first;
    }

    // The rules among the candidates whose evidence holds, in tier order, over the phrases Prepare found, each with the
    // phrase that made it a candidate when the weighing reads it: the deciding match's (the first that names a kind, or
    // the first of all) and those of its kind; -1 for the others. Not where a phrase stands: only the deciding one's
    // position is read (Placed).
    private int CollectFound(int code, int codeClass, EnhancedStatusCode enhanced, SmtpStage stage, Span<RuleMatch> into, ReadOnlySpan<ulong> found,
        ReadOnlySpan<ulong> candidates)
    {
        int count = 0;
        bool decided = false;
        var decidedKind = SmtpFailureKind.Unknown;
        for (int word = 0; word < candidates.Length && count < into.Length; word++)
        {
            ulong bits = candidates[word];
            while (bits != 0 && count < into.Length)
            {
                int r = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (!Holds(r, found, code, codeClass, enhanced, stage))
                    continue;
                ref readonly var head = ref _heads[r];
                bool read = !decided || head.Kind == decidedKind;
                into[count++] = new RuleMatch(r, read ? FirstFound(r, found) : -1);
                if (!decided && head.Evidence.NamesAKind)
                    (decided, decidedKind) = (true, head.Kind);
            }
        }

        // The last rule needs no evidence; when the span filled up before it, the strongest rules are what is weighed.
        return count;
    }

    // The decision with where its phrase stands: from the table the phrase walk filled, or looked for again past it.
    private RuleDecision Placed(in RuleDecision decision, ReadOnlySpan<char> text, ReadOnlySpan<long> positions)
    {
        if (decision.PhraseId < 0 || decision.PhraseOffset >= 0)
            return decision;
        int at = PositionOf(positions, decision.PhraseId);
        return decision with { PhraseOffset = at >= 0 ? at : Locate(text, decision.PhraseId) };
    }

    // Where a found phrase first stands, from the table the phrase walk filled; -1 when it is not there (or no phrase).
    private static int PositionOf(ReadOnlySpan<long> positions, int phrase)
    {
        if (phrase < 0)
            return -1;
        foreach (long entry in positions)
        {
            if ((int)(entry >> 32) == phrase)
                return (int)(uint)entry;
        }

        return -1;
    }

    // Finds the phrases and marks the candidate rules: those that need no phrase, those the codes select, those the found phrases can make true.
    private int Prepare(ReadOnlySpan<char> text, int code, EnhancedStatusCode enhanced, Span<ulong> found, Span<ulong> candidates,
        Span<long> positions, out int positionCount)
    {
        found.Clear();
        _phraseless.CopyTo(candidates);
        if (!enhanced.IsEmpty)
            Or(candidates, EnhancedCandidates(enhanced));
        if ((uint)code < (uint)_byCode.Length && _byCode[code] is { } byCode)
            Or(candidates, byCode);
        Span<char> window = stackalloc char[Math.Min(text.Length, FoldWindow)];
        positionCount = FindPhrases(text, window, found, candidates, positions);
        return code != 0 ? code / 100 : enhanced.Class;
    }

    /// <summary>The rule at an index of the compiled order.</summary>
    public SmtpFailureRule RuleAt(int index) => _rules[index].Rule;

    /// <summary>What a rule at an index of the compiled order looks at.</summary>
    public RuleEvidence EvidenceOf(int index) => _heads[index].Evidence;

    /// <summary>The kind a rule at an index of the compiled order names, read from its head.</summary>
    public SmtpFailureKind KindAt(int index) => _heads[index].Kind;

    /// <summary>The phrase of a rule's own lists that has the given phrase id (the rule's own string), or null.</summary>
    public string? PhraseOf(int rule, int phraseId) => phraseId < 0 ? null : _rules[rule].PhraseOf(phraseId);

    /// <summary>
    /// Where a phrase the rules found first stands in <paramref name="text"/>, found as the phrase walk finds it
    /// (at a word start, not inside a mailbox's local part): its offset, or -1. For the rare text in which more phrases
    /// were found than the walk keeps the positions of.
    /// </summary>
    public int Locate(ReadOnlySpan<char> text, int phraseId)
    {
        if (phraseId < 0)
            return -1;
        string phrase = _phrases[phraseId];
        bool wordStart = char.IsLetterOrDigit(phrase[0]);
        bool previousIsWord = false;
        for (int i = 0; i + phrase.Length <= text.Length; i++)
        {
            char c = text[i];
            bool isWord = PhraseStarts.IsWord(c);
            if ((!wordStart || !previousIsWord) && text.Slice(i, phrase.Length).Equals(phrase, StringComparison.OrdinalIgnoreCase) &&
                !IsLocalPart(text[i..], phrase.Length))
                return i;
            previousIsWord = isWord;
        }

        return -1;
    }

    // The rules an enhanced code can make true: by subject and detail (details past MaxIndexedDetail by subject only).
    private ulong[] EnhancedCandidates(EnhancedStatusCode enhanced)
    {
        int subject = Math.Min(enhanced.Subject, 8);
        return (uint)enhanced.Detail <= MaxIndexedDetail ? _detailSets[_byDetail[subject][enhanced.Detail]] : _bySubject[subject];
    }

    // For each subject and detail, the code-indexed rules whose patterns allow it; equal sets are shared.
    private (int[][] ByDetail, ulong[][] Sets) IndexByDetail()
    {
        var sets = new List<ulong[]>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var byDetail = new int[9][];
        for (int subject = 0; subject < byDetail.Length; subject++)
        {
            byDetail[subject] = new int[MaxIndexedDetail + 1];
            for (int detail = 0; detail <= MaxIndexedDetail; detail++)
            {
                var bits = new ulong[_rulesWords];
                for (int r = 0; r < _rules.Length; r++)
                {
                    if ((_bySubject[subject][r >> 6] & (1UL << r)) != 0 && _rules[r].EnhancedPatterns.Any(p => Allows(p, subject, detail)))
                        bits[r >> 6] |= 1UL << r;
                }

                string key = string.Join(',', bits);
                if (!ids.TryGetValue(key, out int id))
                {
                    ids[key] = id = sets.Count;
                    sets.Add(bits);
                }

                byDetail[subject][detail] = id;
            }
        }

        return (byDetail, sets.ToArray());

        static bool Allows(EnhancedCodePattern p, int subject, int detail) =>
            (p.Subject == EnhancedCodePattern.Any || Math.Min(p.Subject, 8) == subject) &&
            (p.DetailFrom == EnhancedCodePattern.Any || (detail >= p.DetailFrom && detail <= p.DetailTo));
    }

    private static void Or(Span<ulong> into, ulong[] bits)
    {
        for (int i = 0; i < into.Length; i++)
            into[i] |= bits[i];
    }
}
