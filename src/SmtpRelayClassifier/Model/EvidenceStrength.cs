namespace SmtpRelayClassifier;

/// <summary>
/// How strong a piece of evidence is, weakest first: a vendor's own wording outranks generic wording, which outranks a
/// code with one meaning, which outranks weak wording, and so on down to the class of the reply code alone.
/// </summary>
#if NET
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<EvidenceStrength>))]
#endif
public enum EvidenceStrength
{
    /// <summary>No evidence: nothing in the reply, its codes or its stage pointed to a kind.</summary>
    None = 0,

    /// <summary>The basic reply code, possibly with the stage (<c>550</c> at MAIL, <c>421</c>).</summary>
    ReplyCode,

    /// <summary>An enhanced code's subject, or a registered code too vague to name a kind (<c>5.7.1</c>, <c>5.1.x</c>).</summary>
    VagueEnhancedCode,

    /// <summary>A basic reply code with one meaning that a vague enhanced code does not change (<c>530</c>, <c>521</c>, <c>556</c>).</summary>
    SpecificReplyCode,

    /// <summary>An exact registered enhanced status code (<c>5.1.1</c>, <c>4.7.0</c> at DATA).</summary>
    EnhancedCode,

    /// <summary>Weak generic wording that only hints (<c>spam</c>, <c>try again later</c>, <c>service unavailable</c>).</summary>
    WeakPhrase,

    /// <summary>A code with one meaning wherever it is sent (<c>5.2.2</c> mailbox full, <c>5.3.4</c> too big, <c>535</c>).</summary>
    SpecificCode,

    /// <summary>Strong generic wording of one phenomenon (<c>relay access denied</c>, <c>authentication required</c>).</summary>
    Phrase,

    /// <summary>A vendor's own wording, known exactly.</summary>
    VendorPhrase,

    /// <summary>Wording that changes the meaning of everything else in the reply (a verification deferral quoting another server).</summary>
    Overriding,
}
