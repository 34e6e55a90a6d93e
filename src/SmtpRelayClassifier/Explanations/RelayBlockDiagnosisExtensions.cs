using System;
using System.Globalization;

namespace SmtpRelayClassifier;

/// <summary>Explains a diagnosis in one call with the default explainer.</summary>
public static class RelayBlockDiagnosisExtensions
{
    /// <summary>Explains a diagnosis with <see cref="DiagnosisExplainer.Default"/> (addresses masked).</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="culture">The language; null takes <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diagnosis"/> is null.</exception>
    public static DiagnosisExplanation Explain(this RelayBlockDiagnosis diagnosis, CultureInfo? culture = null) =>
        DiagnosisExplainer.Default.Explain(diagnosis, culture);
}
