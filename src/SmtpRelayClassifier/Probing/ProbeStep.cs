using System;

namespace SmtpRelayClassifier.Probing;

/// <summary>One recorded step of a probe. Immutable.</summary>
public sealed record ProbeStep
{
    /// <summary>The step.</summary>
    public required ProbeStepKind Kind { get; init; }

    /// <summary>The port it ran on.</summary>
    public required int Port { get; init; }

    /// <summary>How it ended.</summary>
    public required ProbeStepOutcome Outcome { get; init; }

    /// <summary>What was tried, in words: "unauthenticated, outside recipient", "as alice, sender bob@example.com", …</summary>
    public required string Description { get; init; }

    /// <summary>The address the step was about (sender or recipient), or null.</summary>
    public string? Address { get; init; }

    /// <summary>The server's reply code, when there was a reply.</summary>
    public int? ReplyCode { get; init; }

    /// <summary>The server's reply text, when there was a reply.</summary>
    public string? Reply { get; init; }

    /// <summary>The diagnosis of a failed step.</summary>
    public RelayBlockDiagnosis? Diagnosis { get; init; }

    /// <summary>How long the step took.</summary>
    public TimeSpan Duration { get; init; }
}
