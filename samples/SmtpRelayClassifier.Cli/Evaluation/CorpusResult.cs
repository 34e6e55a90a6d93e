
namespace SmtpRelayClassifier.Cli.Evaluation;

/// <summary>What the classifier said of one corpus entry.</summary>
/// <param name="Entry">The labelled reply.</param>
/// <param name="Diagnosis">The classifier's diagnosis.</param>
internal sealed record CorpusResult(CorpusEntry Entry, RelayBlockDiagnosis Diagnosis)
{
    /// <summary>The kind is the expected one or a listed alternative.</summary>
    public bool IsHit => Entry.Accepts(Diagnosis.Kind);

    /// <summary>The relay flag is the expected one.</summary>
    public bool IsRelayHit => Diagnosis.IsRelayBlock == Entry.IsRelayBlock;
}
