namespace SmtpRelayClassifier.Rules;

/// <summary>
/// The order in which rules are tried; the first rule whose evidence holds decides. Text and stage come first, then
/// the enhanced code, then the basic code (TAXONOMY: "decide from the reply's text and the command stage first").
/// </summary>
internal static class RuleTier
{
    /// <summary>Text that changes the meaning of everything else in the reply (a verification deferral quoting another server).</summary>
    public const int Overriding = 100;

    /// <summary>A vendor's own wording, known exactly.</summary>
    public const int Vendor = 200;

    /// <summary>Strong generic wording of one phenomenon ("relay access denied", "authentication required").</summary>
    public const int Phrase = 300;

    /// <summary>Weaker generic wording ("spam", "try again later", "service unavailable").</summary>
    public const int WeakPhrase = 400;

    /// <summary>An exact enhanced status code.</summary>
    public const int EnhancedCode = 500;

    /// <summary>An enhanced status code's subject (X.7.*, X.1.*).</summary>
    public const int EnhancedSubject = 600;

    /// <summary>A basic reply code, possibly with the stage.</summary>
    public const int ReplyCode = 700;

    /// <summary>The class of the code alone.</summary>
    public const int Fallback = 800;
}
