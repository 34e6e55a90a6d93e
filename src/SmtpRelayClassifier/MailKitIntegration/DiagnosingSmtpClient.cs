using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace SmtpRelayClassifier.MailKitIntegration;

/// <summary>
/// A MailKit <see cref="SmtpClient"/> whose <see cref="SendWithDiagnosisAsync"/> returns a typed outcome instead of
/// throwing on the first refused recipient: every refused recipient with its diagnosis, whether the accepted ones
/// were sent to, and the diagnosis of a message-level failure. Its plain <c>Send</c> methods behave exactly like
/// MailKit's. Given a logger, it logs each outcome of <see cref="SendWithDiagnosisAsync"/> as
/// <see cref="SmtpSendOutcomeLoggerExtensions.LogSmtpSendOutcome"/> does (so do not log the outcome a second time).
/// Not thread-safe, like <see cref="SmtpClient"/>: use one instance per connection.
/// </summary>
public class DiagnosingSmtpClient : SmtpClient
{
    private readonly ServerReplyRecorder _recorder;
    private readonly ISmtpFailureClassifier _classifier;
    private readonly ILogger? _logger;
    private readonly SmtpFailureLogOptions? _logOptions;
    private List<RecipientRefusal>? _refusals;
    private List<string>? _accepted;

    /// <summary>Creates a client.</summary>
    /// <param name="classifier">The classifier; null takes <see cref="SmtpFailureClassifier.Default"/>.</param>
    /// <param name="protocolLogger">A protocol logger to pass the session on to, or null.</param>
    /// <param name="logger">The logger each outcome of <see cref="SendWithDiagnosisAsync"/> is logged to; null logs nothing.</param>
    /// <param name="logOptions">What the logged events may contain; null takes <see cref="SmtpFailureLogOptions.Default"/>.</param>
    public DiagnosingSmtpClient(ISmtpFailureClassifier? classifier = null, IProtocolLogger? protocolLogger = null, ILogger? logger = null, SmtpFailureLogOptions? logOptions = null)
        : this(new ServerReplyRecorder(protocolLogger), classifier, logger, logOptions)
    {
    }

    private DiagnosingSmtpClient(ServerReplyRecorder recorder, ISmtpFailureClassifier? classifier, ILogger? logger, SmtpFailureLogOptions? logOptions)
        : base(recorder)
    {
        _recorder = recorder;
        _classifier = classifier ?? SmtpFailureClassifier.Default;
        _logger = logger;
        _logOptions = logOptions;
    }

    /// <summary>
    /// Sends a message and reports what happened to each recipient. Failures become a diagnosis in the outcome; only
    /// the caller's own cancellation is thrown (as <see cref="OperationCanceledException"/>).
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<SmtpSendOutcome> SendWithDiagnosisAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var refusals = _refusals = [];
        var accepted = _accepted = [];
        _recorder.Reset();
        SmtpSendOutcome outcome;
        try
        {
            string response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            outcome = new SmtpSendOutcome { Sent = true, AcceptedRecipients = accepted, RejectedRecipients = refusals, ServerResponse = response };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            outcome = new SmtpSendOutcome
            {
                Sent = false,
                AcceptedRecipients = accepted,
                RejectedRecipients = refusals,
                Diagnosis = DiagnoseFailure(e, refusals),
                Exception = e,
            };
        }
        finally
        {
            _refusals = null;
            _accepted = null;
        }

        _logger?.LogSmtpSendOutcome(outcome, _logOptions);
        return outcome;
    }

    /// <inheritdoc />
    protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        base.OnRecipientAccepted(message, mailbox, response);
        _accepted?.Add(mailbox.Address);
    }

    /// <inheritdoc />
    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        if (_refusals is null)
        {
            base.OnRecipientNotAccepted(message, mailbox, response);
            return;
        }

        var diagnosis = _classifier.Classify(response, Context(SmtpStage.Rcpt)) with { Mailbox = mailbox.Address };
        _refusals.Add(new RecipientRefusal(mailbox.Address, diagnosis));
    }

    private RelayBlockDiagnosis DiagnoseFailure(Exception e, List<RecipientRefusal> refusals)
    {
        // MailKit's "No recipients were accepted." is its own summary of the refusals, not a server reply.
        if (e is SmtpCommandException { ErrorCode: SmtpErrorCode.MessageNotAccepted } && refusals.Count > 0 && _accepted is { Count: 0 } &&
            e.Message == "No recipients were accepted.")
        {
            return refusals[0].Diagnosis;
        }

        // A dropped connection after a failure reply: the reply is the cause, not the disconnect.
        if (e is SmtpProtocolException && _recorder.LastFailureReply is { } reply)
            return _classifier.Classify(reply, Context(SmtpStage.Unknown));

        return _classifier.Classify(e, Context(SmtpStage.Unknown));
    }

    private SmtpFailureContext Context(SmtpStage stage) => new()
    {
        Stage = stage,
        Source = DiagnosisSource.SubmissionSession,
        Server = _recorder.Host,
        Port = _recorder.Port,
    };
}
