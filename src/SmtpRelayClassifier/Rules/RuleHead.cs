using System;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// What the candidate loop and the weighing read of one rule, packed in one small value: its stage and code-class
/// tests, its kind and evidence, and where its phrase ids stand in the rule set's shared pool (any-of, then all-of, then
/// none-of). The heads of all rules lie side by side in one array, so that trying a candidate reads that array and the
/// pool, not a rule object and its lists.
/// </summary>
internal readonly struct RuleHead
{
    public RuleHead(SmtpFailureKind kind, RuleEvidence evidence, uint stageMask, bool stageRequired, int codeClass, bool needsCodes,
        int poolStart, int anyCount, int allCount, int notCount)
    {
        Kind = kind;
        Evidence = evidence;
        StageMask = stageMask;
        StageRequired = stageRequired;
        CodeClass = checked((byte)codeClass);
        NeedsCodes = needsCodes;
        PoolStart = poolStart;
        AnyCount = checked((ushort)anyCount);
        AllCount = checked((ushort)allCount);
        NotCount = checked((ushort)notCount);
    }

    /// <summary>The kind the rule names.</summary>
    public SmtpFailureKind Kind { get; }

    /// <summary>What the rule looks at, and how strong that is.</summary>
    public RuleEvidence Evidence { get; }

    /// <summary>The stages the rule is limited to, one bit each (0: any).</summary>
    public uint StageMask { get; }

    /// <summary>Whether an unknown stage fails the stage test.</summary>
    public bool StageRequired { get; }

    /// <summary>The reply class the rule needs (0: any).</summary>
    public byte CodeClass { get; }

    /// <summary>Whether the rule names reply codes or enhanced codes, which the compiled rule tests.</summary>
    public bool NeedsCodes { get; }

    /// <summary>Where the rule's phrase ids begin in the pool.</summary>
    public int PoolStart { get; }

    /// <summary>How many any-of phrases come first.</summary>
    public ushort AnyCount { get; }

    /// <summary>How many all-of phrases follow them.</summary>
    public ushort AllCount { get; }

    /// <summary>How many none-of phrases follow those.</summary>
    public ushort NotCount { get; }

    /// <summary>The phrases that make the rule a candidate: its any-of phrases, or else its all-of ones.</summary>
    public ReadOnlySpan<int> Triggers(int[] pool) =>
        AnyCount > 0 ? pool.AsSpan(PoolStart, AnyCount) : pool.AsSpan(PoolStart + AnyCount, AllCount);

    /// <summary>The phrases that must all be found.</summary>
    public ReadOnlySpan<int> All(int[] pool) => pool.AsSpan(PoolStart + AnyCount, AllCount);

    /// <summary>The phrases none of which may be found.</summary>
    public ReadOnlySpan<int> Not(int[] pool) => pool.AsSpan(PoolStart + AnyCount + AllCount, NotCount);
}
