using System.Collections.Generic;

namespace SmtpRelayClassifier;

/// <summary>A diagnosis told in one language, for a person: a short message and a longer technical explanation. Immutable and thread-safe.</summary>
public sealed record DiagnosisExplanation
{
    /// <summary>The two-letter code of the language the texts are written in, one of <see cref="DiagnosisExplainer.SupportedLanguages"/>.</summary>
    public required string Language { get; init; }

    /// <summary>What happened, in a few words ("Relay denied").</summary>
    public required string Title { get; init; }

    /// <summary>The short message for the end user: what happened and the first thing to do.</summary>
    public required string UserMessage { get; init; }

    /// <summary>The explanation for a developer or administrator: the evidence, the likely causes, the remedies in order, who must act, and whether waiting helps.</summary>
    public required string TechnicalExplanation { get; init; }

    /// <summary>The likely causes, most likely first.</summary>
    public required IReadOnlyList<string> Causes { get; init; }

    /// <summary>The remedies, in the order to try them.</summary>
    public required IReadOnlyList<string> Remedies { get; init; }

    /// <summary>Who has to act.</summary>
    public required string ResponsibleParty { get; init; }

    /// <summary>Whether waiting helps, as a sentence.</summary>
    public required string Waiting { get; init; }

    /// <summary>
    /// The diagnosis's facts as label and value, both in the explanation's language: the kind, whether it is a relay
    /// block, whether retrying can help, the stage, the codes, the address (masked as in the texts), the server, the
    /// Outlook error, where it was reported from, who must act, and the rule with its confidence. Facts that are not
    /// known are left out. Empty when not filled.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Facts { get; init; } = [];
}
