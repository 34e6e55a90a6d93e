using System;
using System.Threading;
using System.Threading.Tasks;
using SmtpRelayClassifier.Probing.Internal;

namespace SmtpRelayClassifier.Probing;

/// <summary>
/// Finds out, without sending a message, what an SMTP server will do for this client: which ports answer (refused,
/// timed out, open), what each offers before and after TLS, whether it relays to an outside recipient without a
/// login, after a login, and with a sender the login does not own. It sends <c>MAIL FROM</c> and <c>RCPT TO</c> only,
/// ends every transaction with <c>RSET</c> and every session with <c>QUIT</c>, and never sends <c>DATA</c>. It logs in
/// only on an encrypted session, unless the port is set to plain text (<see cref="MailKit.Security.SecureSocketOptions.None"/>).
/// Every reply is bounded (<see cref="RelayProbeOptions.MaxReplyBytes"/>, <see cref="RelayProbeOptions.MaxReplyLines"/>)
/// and every step ends by its deadline. Thread-safe: one instance can run several probes at once.
/// </summary>
public sealed class SmtpRelayProber
{
    private readonly ISmtpFailureClassifier _classifier;

    /// <summary>Creates a prober.</summary>
    /// <param name="classifier">The classifier for the server's refusals; null takes <see cref="SmtpFailureClassifier.Default"/>.</param>
    public SmtpRelayProber(ISmtpFailureClassifier? classifier = null)
    {
        _classifier = classifier ?? SmtpFailureClassifier.Default;
    }

    /// <summary>Probes a server.</summary>
    /// <param name="options">What to probe.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>The report. When <see cref="RelayProbeOptions.TotalTimeout"/> runs out, the report holds what was found until then.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<RelayProbeReport> ProbeAsync(RelayProbeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // Both timeouts are kept by the deadline, which every read, write, connection and name lookup obeys: a step
        // that passes it fails as a timeout and is reported, and no further step starts.
        var deadline = new ProbeDeadline(options.StepTimeout, options.TotalTimeout);
        var run = new ProbeRun(options, _classifier, deadline, cancellationToken);
        foreach (int port in options.Ports)
        {
            if (deadline.TotalPassed)
                break;
            await run.ProbePortAsync(port).ConfigureAwait(false);
        }

        if (deadline.TotalPassed)
            run.Note(run.LastPort ?? options.Ports[0], ProbeStepKind.Quit, ProbeStepOutcome.Failed, $"the probe's total time ({options.TotalTimeout}) ran out");
        return run.Report();
    }
}
