namespace SmtpRelayClassifier;

/// <summary>How explanations are written. Immutable; every property has a safe default.</summary>
public sealed class ExplanationOptions
{
    /// <summary>The defaults: addresses masked, the server's reply included in the technical explanation.</summary>
    public static ExplanationOptions Default { get; } = new();

    /// <summary>
    /// Show e-mail addresses in full. Default: false, so <c>bob@example.org</c> is shown as <c>b***@example.org</c>
    /// (addresses are personal data, and explanations end up in screenshots, tickets and logs).
    /// </summary>
    public bool ShowFullAddresses { get; init; }

    /// <summary>Quote the server's reply in the technical explanation (with addresses masked unless <see cref="ShowFullAddresses"/>). Default: true.</summary>
    public bool IncludeReplyText { get; init; } = true;
}
