using System;
using System.Globalization;

namespace SmtpRelayClassifier;

/// <summary>Tells a <see cref="RelayBlockDiagnosis"/> in a person's language. Implementations are thread-safe.</summary>
public interface IDiagnosisExplainer
{
    /// <summary>Explains a diagnosis.</summary>
    /// <param name="diagnosis">The diagnosis.</param>
    /// <param name="culture">The language; null takes <see cref="CultureInfo.CurrentUICulture"/>. A language without texts falls back to English.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diagnosis"/> is null.</exception>
    DiagnosisExplanation Explain(RelayBlockDiagnosis diagnosis, CultureInfo? culture = null);
}
