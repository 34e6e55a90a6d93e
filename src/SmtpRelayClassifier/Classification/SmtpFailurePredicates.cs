using System;
using System.Threading;

namespace SmtpRelayClassifier;

/// <summary>
/// Plain answers for retry policies, without a dependency on Polly. In a Polly v8 pipeline:
/// <c>ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e &amp;&amp; SmtpFailurePredicates.IsTransient(e, args.Context.CancellationToken))</c>.
/// Thread-safe.
/// </summary>
public static class SmtpFailurePredicates
{
    /// <summary>True when sending again later, unchanged, can succeed (rate limits, greylisting, a busy server, timeouts).</summary>
    /// <param name="exception">The exception the send threw.</param>
    /// <returns>Whether a retry can help.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public static bool IsTransient(Exception exception) => IsTransient(exception, CancellationToken.None);

    /// <summary>
    /// True when sending again later, unchanged, can succeed. The caller's own cancellation is never transient; a
    /// timeout is.
    /// </summary>
    /// <param name="exception">The exception the send threw.</param>
    /// <param name="callerToken">The token the caller passed to the send.</param>
    /// <returns>Whether a retry can help.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public static bool IsTransient(Exception exception, CancellationToken callerToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is OperationCanceledException && callerToken.IsCancellationRequested)
            return false;
        return SmtpFailureClassifier.Default.Classify(exception).IsTransient;
    }

    /// <summary>True when the exception means a relay block: the server or the network refuses to carry this client's mail.</summary>
    /// <param name="exception">The exception the send threw.</param>
    /// <returns>Whether it is a relay block.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public static bool IsRelayBlock(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return SmtpFailureClassifier.Default.Classify(exception).IsRelayBlock;
    }
}
