namespace SmtpRelayClassifier.Probing;

/// <summary>How a probe step ended.</summary>
public enum ProbeStepOutcome
{
    /// <summary>The step succeeded (for RCPT: the recipient was accepted at RCPT, which is not proof of delivery).</summary>
    Succeeded,

    /// <summary>The server refused, or the step failed.</summary>
    Failed,

    /// <summary>The step was not run because an earlier one decided it.</summary>
    Skipped,

    /// <summary>
    /// The login was not tried: the session is not encrypted (no STARTTLS offered, or a refused certificate) and the
    /// port was not set to plain text, so the password would have crossed in clear text.
    /// </summary>
    NotEncrypted,
}
