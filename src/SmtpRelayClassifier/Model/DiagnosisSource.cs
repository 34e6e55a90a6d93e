namespace SmtpRelayClassifier;

/// <summary>Where the failure was reported from.</summary>
#if NET
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DiagnosisSource>))]
#endif
public enum DiagnosisSource
{
    /// <summary>It is not known whether the reply came from the client's own session or from a remote server.</summary>
    Unknown = 0,

    /// <summary>The client's own submission session: the server it talks to refused it, or the connection failed.</summary>
    SubmissionSession,

    /// <summary>A remote server further along the path, reported afterwards in a bounce or a mail log.</summary>
    RemoteServer,
}
