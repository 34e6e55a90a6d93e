namespace SmtpRelayClassifier.Rules;

/// <summary>A rule whose evidence holds for a reply: its index in the compiled order, and the first of its phrases found (-1: none).</summary>
internal readonly record struct RuleMatch(int Rule, int Phrase);
