namespace SmtpRelayClassifier.Probing;

/// <summary>One line of a probe's SMTP conversation; passwords and AUTH data are replaced by <c>********</c>. Immutable.</summary>
/// <param name="Port">The port of the connection.</param>
/// <param name="FromClient">True for what the prober sent, false for what the server answered.</param>
/// <param name="Text">The line, without its line break.</param>
public sealed record TranscriptLine(int Port, bool FromClient, string Text)
{
    /// <summary>The line as a protocol log shows it: <c>C: EHLO …</c> or <c>S: 250 …</c>.</summary>
    public override string ToString() => (FromClient ? "C: " : "S: ") + Text;
}
