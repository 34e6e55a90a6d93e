namespace SmtpRelayClassifier;

/// <summary>How strongly the evidence supports the diagnosis.</summary>
#if NET
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DiagnosisConfidence>))]
#endif
public enum DiagnosisConfidence
{
    /// <summary>Only the basic reply code, or no evidence at all, was available.</summary>
    Low = 0,

    /// <summary>An enhanced status code, an Outlook error number or a weak phrase decided.</summary>
    Medium,

    /// <summary>The server's own wording (a known phrase), or the exception type itself, decided.</summary>
    High,
}
