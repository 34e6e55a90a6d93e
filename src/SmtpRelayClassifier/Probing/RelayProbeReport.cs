using System.Collections.Generic;

namespace SmtpRelayClassifier.Probing;

/// <summary>What a probe found: the verdict, each port, each step, the transcript and a diagnosis with the remedy that fits. Immutable.</summary>
public sealed record RelayProbeReport
{
    /// <summary>The server probed.</summary>
    public required string Host { get; init; }

    /// <summary>The verdict.</summary>
    public required RelayProbeVerdict Verdict { get; init; }

    /// <summary>Each port tried, in the order of the options.</summary>
    public required IReadOnlyList<PortProbeResult> Ports { get; init; }

    /// <summary>Each step, in the order it ran.</summary>
    public required IReadOnlyList<ProbeStep> Steps { get; init; }

    /// <summary>The SMTP conversation, with secrets redacted.</summary>
    public required IReadOnlyList<TranscriptLine> Transcript { get; init; }

    /// <summary>What the findings mean for sending, with the remedy that fits what was seen; null when the server relays for this client as it is.</summary>
    public RelayBlockDiagnosis? Diagnosis { get; init; }

    /// <summary>In English: the verdict in one sentence, then the TLS findings and a login not tried, when there are.</summary>
    public required string Summary { get; init; }
}
