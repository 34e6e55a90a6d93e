using System;
using System.Linq;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Rules;

/// <summary>One rule compiled for matching: its phrases as ids, its codes and stages as masks, what its evidence is.</summary>
internal sealed partial class RuleSet
{
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
            Evidence = new RuleEvidence(
                EvidenceWeighing.StrengthOf(rule.Tier),
                UsesPhrase: any.Length + all.Length > 0,
                UsesEnhancedCode: enhanced.Length > 0,
                UsesReplyCode: _codes.Length > 0 || _codeClass != 0,
                UsesStage: _stageMask != 0,
                NamesAKind: EvidenceWeighing.NamesAKind(EvidenceWeighing.StrengthOf(rule.Tier), rule.Kind));
            NamesAKind = Evidence.NamesAKind;
        }

        public RuleEvidence Evidence { get; }

        /// <summary>As <see cref="RuleEvidence.NamesAKind"/>, read without copying the evidence.</summary>
        public bool NamesAKind { get; }

        public SmtpFailureRule Rule { get; }

        /// <summary>The enhanced codes the rule needs (empty: none).</summary>
        public EnhancedCodePattern[] EnhancedPatterns => _enhanced;

        /// <summary>The phrases that can make the rule true: the any-of phrases, or else the all-of ones (any one of them is a candidate).</summary>
        public int[] TriggerPhrases => _any.Length > 0 ? _any : _all;

        public bool IsUnconditional =>
            _any.Length == 0 && _all.Length == 0 && _enhanced.Length == 0 && _stageMask == 0 &&
            Rule.Codes.Count == 0 && Rule.CodeClass == 0;

        /// <summary>
        /// Whether the rule holds, for a rule that is a candidate (<see cref="Prepare"/>): its any-of phrases are not
        /// looked at again, since a rule that has them is a candidate only when one of them was found.
        /// </summary>
        public bool HoldsAsCandidate(ReadOnlySpan<ulong> found, int code, int codeClass, EnhancedStatusCode enhanced, SmtpStage stage)
        {
            if (_stageMask != 0)
            {
                if (stage == SmtpStage.Unknown ? _stageRequired : (_stageMask & (1u << (int)stage)) == 0)
                    return false;
            }

            if (_codeClass != 0 && _codeClass != codeClass)
                return false;

            if (_codes.Length != 0 && !Contains(_codes, code))
                return false;

            if (_enhanced.Length != 0 && !AnyMatches(_enhanced, enhanced))
                return false;

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

        private static bool Contains(int[] codes, int code)
        {
            foreach (int c in codes)
            {
                if (c == code)
                    return true;
            }

            return false;
        }

        private static bool AnyMatches(EnhancedCodePattern[] patterns, EnhancedStatusCode enhanced)
        {
            foreach (var pattern in patterns)
            {
                if (pattern.Matches(enhanced))
                    return true;
            }

            return false;
        }

        /// <summary>The first of the rule's trigger phrases that was found, or -1.</summary>
        public int FirstFound(ReadOnlySpan<ulong> found)
        {
            foreach (int id in TriggerPhrases)
            {
                if (Has(found, id))
                    return id;
            }

            return -1;
        }

        /// <summary>The rule's own string for a phrase id of its lists.</summary>
        public string? PhraseOf(int id)
        {
            int at = Array.IndexOf(_any, id);
            if (at >= 0)
                return Rule.AnyPhrase[at];
            at = Array.IndexOf(_all, id);
            return at >= 0 ? Rule.AllPhrases[at] : null;
        }

        private static bool Has(ReadOnlySpan<ulong> found, int id) => (found[id >> 6] & (1UL << id)) != 0;
    }
}
