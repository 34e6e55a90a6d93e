namespace SmtpRelayClassifier.Rules;

/// <summary>
/// The order in which rules are tried; the first rule whose evidence holds decides. Text and stage come first, then
/// the enhanced code, then the basic code (TAXONOMY: "decide from the reply's text and the command stage first").
/// A code whose meaning is unambiguous comes before weak wording; a vague code (X.7.1, X.0.0, 550) never does.
/// </summary>
internal static class RuleTier
{
    /// <summary>Text that changes the meaning of everything else in the reply (a verification deferral quoting another server).</summary>
    public const int Overriding = 100;

    /// <summary>A vendor's own wording, known exactly.</summary>
    public const int Vendor = 200;

    /// <summary>Strong generic wording of one phenomenon ("relay access denied", "authentication required").</summary>
    public const int Phrase = 300;

    /// <summary>
    /// A code with one meaning wherever it is sent (X.2.2 mailbox full, X.3.4 too big, X.7.8 credentials invalid,
    /// 535), which outranks generic wording that only hints ("limit exceeded", "too many", "try again later").
    /// </summary>
    public const int SpecificCode = 350;

    /// <summary>Weaker generic wording ("spam", "try again later", "service unavailable").</summary>
    public const int WeakPhrase = 400;

    /// <summary>An exact enhanced status code.</summary>
    public const int EnhancedCode = 500;

    /// <summary>A basic reply code with one meaning (RFC 4954, RFC 7504: 530, 521, 556), which outranks a vague enhanced code.</summary>
    public const int SpecificReplyCode = 550;

    /// <summary>An enhanced status code's subject (X.7.*, X.1.*), or a registered code too vague to name a kind (X.7.1).</summary>
    public const int EnhancedSubject = 600;

    /// <summary>A basic reply code, possibly with the stage.</summary>
    public const int ReplyCode = 700;

    /// <summary>The class of the code alone.</summary>
    public const int Fallback = 800;

    /// <summary>The tier whose evidence has this strength (the inverse of <see cref="EvidenceWeighing.StrengthOf"/> on the tiers above).</summary>
    public static int Of(EvidenceStrength strength) => strength switch
    {
        EvidenceStrength.Overriding => Overriding,
        EvidenceStrength.VendorPhrase => Vendor,
        EvidenceStrength.Phrase => Phrase,
        EvidenceStrength.SpecificCode => SpecificCode,
        EvidenceStrength.WeakPhrase => WeakPhrase,
        EvidenceStrength.EnhancedCode => EnhancedCode,
        EvidenceStrength.SpecificReplyCode => SpecificReplyCode,
        EvidenceStrength.VagueEnhancedCode => EnhancedSubject,
        EvidenceStrength.ReplyCode => ReplyCode,
        _ => Fallback,
    };
}
