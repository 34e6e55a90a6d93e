using System;

namespace SmtpRelayClassifier;

/// <summary>
/// Turns what an application caught when a send failed into a <see cref="RelayBlockDiagnosis"/>. Implementations are
/// thread-safe: one shared instance serves a whole application. Classification never throws on bad server text or
/// an unknown exception (it returns <see cref="SmtpFailureKind.Unknown"/> with what it saw); only misuse of the API,
/// such as a null argument, throws.
/// </summary>
public interface ISmtpFailureClassifier
{
    /// <summary>Classifies a raw server reply or a reply quoted in a bounce, log line, dialog or exception message.</summary>
    /// <param name="reply">The reply text; single or multi-line.</param>
    /// <param name="context">What the caller knows besides the text (stage, source, server, port).</param>
    /// <returns>The diagnosis.</returns>
    RelayBlockDiagnosis Classify(ReadOnlySpan<char> reply, SmtpFailureContext context = default);

    /// <summary>Classifies a raw server reply given as the bytes the server sent (UTF-8, or Latin-1 when not valid UTF-8).</summary>
    /// <param name="reply">The reply bytes.</param>
    /// <param name="context">What the caller knows besides the text.</param>
    /// <returns>The diagnosis.</returns>
    RelayBlockDiagnosis Classify(ReadOnlySpan<byte> reply, SmtpFailureContext context = default);

    /// <summary>Classifies a raw server reply.</summary>
    /// <param name="reply">The reply text.</param>
    /// <param name="context">What the caller knows besides the text.</param>
    /// <returns>The diagnosis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is null.</exception>
    RelayBlockDiagnosis Classify(string reply, SmtpFailureContext context = default);

    /// <summary>
    /// Classifies an exception: MailKit's SMTP exceptions, System.Net.Mail's <c>SmtpException</c> family, socket, I/O,
    /// timeout and cancellation exceptions anywhere in the <see cref="Exception.InnerException"/> chain, and
    /// <see cref="AggregateException"/>. Any other exception yields <see cref="SmtpFailureKind.Unknown"/>.
    /// </summary>
    /// <param name="exception">The exception the send threw.</param>
    /// <param name="context">What the caller knows besides the exception (the port makes a timeout on 25 readable as an outbound block).</param>
    /// <returns>The diagnosis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    RelayBlockDiagnosis Classify(Exception exception, SmtpFailureContext context = default);

    /// <summary>Classifies an Outlook / Outlook Express / Windows Mail error number, with the server's response when there was one.</summary>
    /// <param name="hresult">The error number.</param>
    /// <param name="serverResponse">The "Server Response" of the dialog, or null.</param>
    /// <param name="context">What the caller knows besides the number.</param>
    /// <returns>The diagnosis; an unknown number yields <see cref="SmtpFailureKind.Unknown"/> and keeps the number.</returns>
    RelayBlockDiagnosis Classify(OutlookHResult hresult, string? serverResponse = null, SmtpFailureContext context = default);

    /// <summary>Classifies the text of an Outlook error dialog, in English or French: its fields are read, then the error number's stage is combined with the server's response.</summary>
    /// <param name="dialog">The parsed dialog.</param>
    /// <returns>The diagnosis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dialog"/> is null.</exception>
    RelayBlockDiagnosis Classify(OutlookErrorDialog dialog);

    /// <summary>Returns only the kind of a reply. Allocates nothing.</summary>
    /// <param name="reply">The reply text.</param>
    /// <param name="context">What the caller knows besides the text.</param>
    /// <returns>The kind.</returns>
    SmtpFailureKind ClassifyKind(ReadOnlySpan<char> reply, SmtpFailureContext context = default);
}
