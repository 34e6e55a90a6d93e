using System.Globalization;
using SmtpRelayClassifier.Classification;
using SmtpRelayClassifier.Explanations;

namespace SmtpRelayClassifier.Cli;

/// <summary>The tool's explainer: one language for the whole run, addresses masked, the reply left to its own field.</summary>
internal sealed class Explainer(CultureInfo culture)
{
    private static readonly DiagnosisExplainer Texts = new(new ExplanationOptions { IncludeReplyText = false });

    public DiagnosisExplanation Explain(RelayBlockDiagnosis diagnosis) => Texts.Explain(diagnosis, culture);
}
