using System;
using System.Collections.Generic;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// Trying a candidate rule: its head (<see cref="RuleHead"/>) and the phrase-id pool say whether it holds; the compiled
/// rule is read only for the reply and enhanced codes a few rules name.
/// </summary>
internal sealed partial class RuleSet
{
    private static (RuleHead[] Heads, int[] Pool) BuildHeads(CompiledRule[] rules)
    {
        var heads = new RuleHead[rules.Length];
        var pool = new List<int>();
        for (int r = 0; r < rules.Length; r++)
        {
            var rule = rules[r];
            heads[r] = new RuleHead(rule.Rule.Kind, rule.Evidence, rule.StageMask, rule.Rule.StageRequired, rule.Rule.CodeClass,
                needsCodes: rule.EnhancedPatterns.Length > 0 || rule.Rule.Codes.Count > 0,
                pool.Count, rule.AnyPhrases.Length, rule.AllPhrases.Length, rule.NotPhrases.Length);
            pool.AddRange(rule.AnyPhrases);
            pool.AddRange(rule.AllPhrases);
            pool.AddRange(rule.NotPhrases);
        }

        return (heads, pool.ToArray());
    }

    /// <summary>
    /// Whether a candidate rule (<see cref="Prepare"/>) holds. Its any-of phrases are not looked at again: a rule that
    /// has them is a candidate only when one of them was found.
    /// </summary>
    private bool Holds(int r, ReadOnlySpan<ulong> found, int code, int codeClass, EnhancedStatusCode enhanced, SmtpStage stage)
    {
        ref readonly var head = ref _heads[r];
        if (head.StageMask != 0 && (stage == SmtpStage.Unknown ? head.StageRequired : (head.StageMask & (1u << (int)stage)) == 0))
            return false;
        if (head.CodeClass != 0 && head.CodeClass != codeClass)
            return false;
        if (head.NeedsCodes && !_rules[r].CodesAllow(code, enhanced))
            return false;
        foreach (int id in head.All(_pool))
        {
            if (!Has(found, id))
                return false;
        }

        foreach (int id in head.Not(_pool))
        {
            if (Has(found, id))
                return false;
        }

        return true;
    }

    // The first of a rule's trigger phrases that was found, or -1.
    private int FirstFound(int r, ReadOnlySpan<ulong> found)
    {
        foreach (int id in _heads[r].Triggers(_pool))
        {
            if (Has(found, id))
                return id;
        }

        return -1;
    }

    private static bool Has(ReadOnlySpan<ulong> found, int id) => (found[id >> 6] & (1UL << id)) != 0;
}
