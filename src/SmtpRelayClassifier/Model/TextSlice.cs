namespace SmtpRelayClassifier;

/// <summary>
/// A part of a string the caller gave, kept as the string and where the part stands, so that the part is cut out only
/// when someone reads it (<see cref="RelayBlockDiagnosis.ReplyText"/>).
/// </summary>
/// <param name="Source">The whole string, or null for no text.</param>
/// <param name="Start">Where the part begins.</param>
/// <param name="Length">How long it is.</param>
internal readonly record struct TextSlice(string? Source, int Start, int Length)
{
    /// <summary>The part as a string: <see cref="Source"/> itself when the part is all of it; null when there is no source.</summary>
    public string? Cut() =>
        Source is null ? null : Start == 0 && Length == Source.Length ? Source : Source.Substring(Start, Length);
}
