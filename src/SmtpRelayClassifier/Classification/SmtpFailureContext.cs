namespace SmtpRelayClassifier;

/// <summary>
/// What the caller knows about the failure besides the reply itself. Every member is optional; the default value
/// says "nothing known". Immutable and thread-safe.
/// </summary>
public readonly record struct SmtpFailureContext
{
    /// <summary>The command the reply answered. Default: <see cref="SmtpStage.Unknown"/> (taken from the reply's wrappers when they name it).</summary>
    public SmtpStage Stage { get; init; }

    /// <summary>Where the reply comes from. Default: <see cref="DiagnosisSource.Unknown"/> (taken from the reply's wrappers when they tell).</summary>
    public DiagnosisSource Source { get; init; }

    /// <summary>The server's host name. Default: null.</summary>
    public string? Server { get; init; }

    /// <summary>The server's port, 1 to 65535. Default: null. A connection timeout on port 25 is read as a probable outbound block.</summary>
    public int? Port { get; init; }

    /// <summary>Creates a context that names only the stage.</summary>
    /// <param name="stage">The command the reply answered.</param>
    /// <returns>The context.</returns>
    public static SmtpFailureContext ForStage(SmtpStage stage) => new() { Stage = stage };
}
