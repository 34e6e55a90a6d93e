namespace SmtpRelayClassifier;

/// <summary>How a rule of <see cref="SmtpFailureRuleDefinition"/> says whether retrying can help.</summary>
public enum SmtpFailureRuleTransience
{
    /// <summary>The default of the rule's kind.</summary>
    KindDefault = 0,

    /// <summary>From the reply code's class (4xx transient, 5xx not), else the enhanced code's class, else the kind's default.</summary>
    ByCodeClass,

    /// <summary>Always transient, even with a 5xx code (rate limits, greylisting).</summary>
    Always,

    /// <summary>Never transient, even with a 4xx code (a 454 relay denial does not go away by itself).</summary>
    Never,
}
