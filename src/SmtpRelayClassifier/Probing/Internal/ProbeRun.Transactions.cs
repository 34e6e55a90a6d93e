using System;
using System.Diagnostics;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using SmtpRelayClassifier.MailKitIntegration;

namespace SmtpRelayClassifier.Probing.Internal;

/// <summary>This part runs the transactions on an open session: without a login, after it, with a second sender; then QUIT.</summary>
internal sealed partial class ProbeRun
{
    /// <summary>The outcome of a login that was not tried because the password would have crossed in clear text.</summary>
    public const string LoginNotTried = "login not tried: the session is not encrypted";

    private async Task TransactionsAsync(ProbeSmtpClient client, int port, bool loginAllowed)
    {
        var recipients = options.LocalRecipient is null ? new[] { options.ExternalRecipient } : [options.ExternalRecipient, options.LocalRecipient];
        if (!await TransactionAsync(client, port, authenticated: false, options.Sender, recipients, "unauthenticated").ConfigureAwait(false))
            return;

        if (options.Credentials is not { } credentials)
            return;

        if (!loginAllowed)
        {
            Note(port, ProbeStepKind.Authenticate, ProbeStepOutcome.NotEncrypted, LoginNotTried);
            return;
        }

        var watch = Stopwatch.StartNew();
        try
        {
            deadline.StartStep();
            await client.AuthenticateAsync(credentials, cancellationToken).ConfigureAwait(false);
            Record(port, ProbeStepKind.Authenticate, ProbeStepOutcome.Succeeded, $"as {credentials.UserName}", watch);
        }
        catch (Exception e) when (IsStepFailure(e))
        {
            Record(port, ProbeStepKind.Authenticate, ProbeStepOutcome.Failed, $"as {credentials.UserName}", watch, diagnosis: Diagnose(e, port, SmtpStage.Auth));
            return;
        }

        if (!await TransactionAsync(client, port, authenticated: true, options.Sender, [options.ExternalRecipient], $"as {credentials.UserName}").ConfigureAwait(false))
            return;
        if (options.SecondSender is { } second)
            await TransactionAsync(client, port, authenticated: true, second, [options.ExternalRecipient], $"as {credentials.UserName}, second sender").ConfigureAwait(false);
    }

    // MAIL FROM, RCPT TO each recipient, RSET. Returns false when the session can no longer be used.
    private async Task<bool> TransactionAsync(ProbeSmtpClient client, int port, bool authenticated, string sender, string[] recipients, string description)
    {
        var transaction = new ProbeTransaction(port, authenticated, sender, description);
        _transactions.Add(transaction);
        try
        {
            var mail = await CommandAsync(client, port, ProbeStepKind.MailFrom, $"MAIL FROM:<{sender}>", description, sender, SmtpStage.Mail).ConfigureAwait(false);
            transaction.MailAccepted = mail.Accepted;
            transaction.Refusal ??= mail.Diagnosis;
            if (mail.Accepted)
            {
                foreach (string recipient in recipients)
                {
                    bool external = recipient == options.ExternalRecipient;
                    string what = description + (external ? ", outside recipient" : ", local recipient");
                    var rcpt = await CommandAsync(client, port, ProbeStepKind.RcptTo, $"RCPT TO:<{recipient}>", what, recipient, SmtpStage.Rcpt).ConfigureAwait(false);
                    if (external)
                        transaction.ExternalAccepted = rcpt.Accepted;
                    else
                        transaction.LocalAccepted = rcpt.Accepted;
                    transaction.Refusal ??= rcpt.Diagnosis;
                }
            }

            await CommandAsync(client, port, ProbeStepKind.Reset, "RSET", "end of the transaction, nothing sent", null, SmtpStage.Unknown).ConfigureAwait(false);
            return client.IsConnected;
        }
        catch (Exception e) when (IsStepFailure(e))
        {
            transaction.Refusal ??= Diagnose(e, port);
            Note(port, ProbeStepKind.Reset, ProbeStepOutcome.Failed, "the session ended: " + e.Message);
            return false;
        }
    }

    private async Task<(bool Accepted, RelayBlockDiagnosis? Diagnosis)> CommandAsync(
        ProbeSmtpClient client, int port, ProbeStepKind kind, string command, string description, string? address, SmtpStage stage)
    {
        var watch = Stopwatch.StartNew();
        deadline.StartStep();
        SmtpResponse response = await client.CommandAsync(command, cancellationToken).ConfigureAwait(false);
        int code = (int)response.StatusCode;
        bool accepted = code is >= 200 and < 300;
        RelayBlockDiagnosis? diagnosis = accepted
            ? null
            : classifier.Classify(response, Context(port, stage)) is var d && address is not null && d.Mailbox is null ? d with { Mailbox = address } : d;
        Add(new ProbeStep
        {
            Kind = kind,
            Port = port,
            Outcome = accepted ? ProbeStepOutcome.Succeeded : ProbeStepOutcome.Failed,
            Description = kind == ProbeStepKind.RcptTo && accepted ? description + ": accepted at RCPT (not proof of delivery)" : description,
            Address = address,
            ReplyCode = code,
            Reply = response.Response,
            Diagnosis = diagnosis,
            Duration = watch.Elapsed,
        });
        return (accepted, diagnosis);
    }

    private async Task QuitAsync(ProbeSmtpClient client, int port)
    {
        var watch = Stopwatch.StartNew();
        if (!client.IsConnected)
            return;
        try
        {
            deadline.StartStep();
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
            Record(port, ProbeStepKind.Quit, ProbeStepOutcome.Succeeded, "QUIT", watch);
        }
        catch (Exception e) when (IsStepFailure(e))
        {
            Record(port, ProbeStepKind.Quit, ProbeStepOutcome.Failed, "QUIT: " + e.Message, watch);
        }
    }
}
