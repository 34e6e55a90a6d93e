namespace SmtpRelayClassifier.Rules;

/// <summary>
/// A rule whose evidence holds for a reply: its index in the compiled order and the first of its phrases found (-1:
/// none, or a match of another kind than the deciding one, whose phrase the weighing does not read). Where that phrase
/// stands is read for the deciding match alone.
/// </summary>
internal readonly record struct RuleMatch(int Rule, int Phrase);
