namespace SmtpRelayClassifier.Rules;

/// <summary>
/// A rule whose evidence holds for a reply: its index in the compiled order, the first of its phrases found (-1: none)
/// and where that phrase first stands in the text (-1: none, or not kept).
/// </summary>
internal readonly record struct RuleMatch(int Rule, int Phrase, int PhraseOffset = -1);
