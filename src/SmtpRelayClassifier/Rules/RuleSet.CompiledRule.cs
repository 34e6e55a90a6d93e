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

        public CompiledRule(SmtpFailureRule rule, int[] any, int[] all, int[] not, EnhancedCodePattern[] enhanced)
        {
            Rule = rule;
            _any = any;
            _all = all;
            _not = not;
            _enhanced = enhanced;
            _codes = rule.Codes.ToArray();
            _codeClass = rule.CodeClass;
            foreach (var stage in rule.Stages)
                _stageMask |= 1u << (int)stage;
            Evidence = new RuleEvidence(
                EvidenceWeighing.StrengthOf(rule.Tier),
                UsesPhrase: any.Length + all.Length > 0,
                UsesEnhancedCode: enhanced.Length > 0,
                UsesReplyCode: _codes.Length > 0 || _codeClass != 0,
                UsesStage: _stageMask != 0,
                NamesAKind: EvidenceWeighing.NamesAKind(EvidenceWeighing.StrengthOf(rule.Tier), rule.Kind));
        }

        public RuleEvidence Evidence { get; }

        public SmtpFailureRule Rule { get; }

        /// <summary>The enhanced codes the rule needs (empty: none).</summary>
        public EnhancedCodePattern[] EnhancedPatterns => _enhanced;

        public bool IsUnconditional =>
            _any.Length == 0 && _all.Length == 0 && _enhanced.Length == 0 && _stageMask == 0 &&
            Rule.Codes.Count == 0 && Rule.CodeClass == 0;

        /// <summary>The stages the rule is limited to, one bit each (0: any).</summary>
        public uint StageMask => _stageMask;

        /// <summary>The rule's any-of, all-of and none-of phrases, as ids.</summary>
        public int[] AnyPhrases => _any;

        /// <inheritdoc cref="AnyPhrases"/>
        public int[] AllPhrases => _all;

        /// <inheritdoc cref="AnyPhrases"/>
        public int[] NotPhrases => _not;

        /// <summary>Whether the reply code and the enhanced code are among those the rule names (each, when it names any).</summary>
        public bool CodesAllow(int code, EnhancedStatusCode enhanced) =>
            (_codes.Length == 0 || Contains(_codes, code)) && (_enhanced.Length == 0 || AnyMatches(_enhanced, enhanced));

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

        /// <summary>The rule's own string for a phrase id of its lists.</summary>
        public string? PhraseOf(int id)
        {
            int at = Array.IndexOf(_any, id);
            if (at >= 0)
                return Rule.AnyPhrase[at];
            at = Array.IndexOf(_all, id);
            return at >= 0 ? Rule.AllPhrases[at] : null;
        }
    }
}
