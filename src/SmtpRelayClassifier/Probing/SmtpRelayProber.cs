using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmtpRelayClassifier.Probing.Internal;

namespace SmtpRelayClassifier.Probing;

/// <summary>
/// Finds out, without sending a message, what an SMTP server will do for this client: which ports answer (refused,
/// timed out, open), what each offers before and after TLS, whether it relays to an outside recipient without a
/// login, after a login, and with a sender the login does not own. It sends <c>MAIL FROM</c> and <c>RCPT TO</c> only,
/// ends every transaction with <c>RSET</c> and every session with <c>QUIT</c>, and never sends <c>DATA</c>. It logs in
/// only on an encrypted session, unless the port is set to plain text (<see cref="MailKit.Security.SecureSocketOptions.None"/>).
/// Every reply is bounded (<see cref="RelayProbeOptions.MaxReplyBytes"/>, <see cref="RelayProbeOptions.MaxReplyLines"/>)
/// and every step ends by its deadline. Given a logger, it logs each step as it ends
/// (<see cref="SmtpFailureEventIds.ProbeStepEnded"/>, Debug) and the verdict (<see cref="SmtpFailureEventIds.ProbeCompleted"/>,
/// Information). Thread-safe: one instance can run several probes at once.
/// </summary>
public sealed class SmtpRelayProber
{
    private readonly ISmtpFailureClassifier _classifier;
    private readonly ILogger _logger;
    private readonly SmtpFailureLogOptions _logOptions;

    /// <summary>Creates a prober.</summary>
    /// <param name="classifier">The classifier for the server's refusals; null takes <see cref="SmtpFailureClassifier.Default"/>.</param>
    /// <param name="logger">The logger of the steps and verdicts; null takes <see cref="NullLogger.Instance"/>.</param>
    /// <param name="logOptions">
    /// What the logged steps may contain: their descriptions name the sender and recipients, masked unless
    /// <see cref="SmtpFailureLogOptions.ShowFullAddresses"/> is set; null takes <see cref="SmtpFailureLogOptions.Default"/>.
    /// </param>
    public SmtpRelayProber(ISmtpFailureClassifier? classifier = null, ILogger? logger = null, SmtpFailureLogOptions? logOptions = null)
    {
        _classifier = classifier ?? SmtpFailureClassifier.Default;
        _logger = logger ?? NullLogger.Instance;
        _logOptions = logOptions ?? SmtpFailureLogOptions.Default;
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
        var watch = Stopwatch.StartNew();
        var deadline = new ProbeDeadline(options.StepTimeout, options.TotalTimeout);
        var run = new ProbeRun(options, _classifier, deadline, _logger, _logOptions, cancellationToken);
        foreach (int port in options.Ports)
        {
            if (deadline.TotalPassed)
                break;
            await run.ProbePortAsync(port).ConfigureAwait(false);
        }

        if (deadline.TotalPassed)
            run.Note(run.LastPort ?? options.Ports[0], ProbeStepKind.Quit, ProbeStepOutcome.Failed, $"the probe's total time ({options.TotalTimeout}) ran out");
        var report = run.Report();
        ProbeLog.ProbeEnded(_logger, report, watch.Elapsed);
        return report;
    }
}
