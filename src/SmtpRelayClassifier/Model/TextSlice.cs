namespace SmtpRelayClassifier;

/// <summary>
/// A part of a string the caller gave, kept as the string and where the part stands, so that the part is cut out only
/// when someone reads it (<see cref="RelayBlockDiagnosis.ReplyText"/>, <see cref="RelayBlockDiagnosis.Mailbox"/>,
/// <see cref="RelayBlockDiagnosis.Server"/>).
/// </summary>
/// <param name="Source">The whole string, or null for no text.</param>
/// <param name="Start">Where the part begins.</param>
/// <param name="Length">How long it is.</param>
internal readonly record struct TextSlice(string? Source, int Start, int Length);
