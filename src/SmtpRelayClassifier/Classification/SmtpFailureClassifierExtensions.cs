using System;

namespace SmtpRelayClassifier;

/// <summary>Shorthands over <see cref="ISmtpFailureClassifier"/> for the common ways an input arrives.</summary>
public static class SmtpFailureClassifierExtensions
{
    /// <summary>Classifies a reply the caller knows the stage of.</summary>
    /// <param name="classifier">The classifier.</param>
    /// <param name="reply">The reply text.</param>
    /// <param name="stage">The command the reply answered.</param>
    /// <returns>The diagnosis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="classifier"/> or <paramref name="reply"/> is null.</exception>
    public static RelayBlockDiagnosis Classify(this ISmtpFailureClassifier classifier, string reply, SmtpStage stage)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return classifier.Classify(reply, SmtpFailureContext.ForStage(stage));
    }

    /// <summary>Classifies an Outlook error number given as an unsigned value, such as <c>0x800CCC79u</c>.</summary>
    /// <param name="classifier">The classifier.</param>
    /// <param name="hresult">The error number.</param>
    /// <param name="serverResponse">The server's response that came with it, or null.</param>
    /// <returns>The diagnosis; an unknown number yields <see cref="SmtpFailureKind.Unknown"/> and keeps the number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="classifier"/> is null.</exception>
    public static RelayBlockDiagnosis ClassifyHResult(this ISmtpFailureClassifier classifier, uint hresult, string? serverResponse = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return classifier.Classify(OutlookHResult.FromValue(hresult), serverResponse);
    }

    /// <summary>Classifies an Outlook error number given as a signed HRESULT, such as <c>Exception.HResult</c>.</summary>
    /// <param name="classifier">The classifier.</param>
    /// <param name="hresult">The error number.</param>
    /// <param name="serverResponse">The server's response that came with it, or null.</param>
    /// <returns>The diagnosis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="classifier"/> is null.</exception>
    public static RelayBlockDiagnosis ClassifyHResult(this ISmtpFailureClassifier classifier, int hresult, string? serverResponse = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return classifier.Classify(OutlookHResult.FromValue(hresult), serverResponse);
    }

    /// <summary>Classifies an Outlook error number written as text: <c>0x800CCC79</c>, <c>800CCC79</c> or a decimal HRESULT.</summary>
    /// <param name="classifier">The classifier.</param>
    /// <param name="hresult">The error number as text.</param>
    /// <param name="serverResponse">The server's response that came with it, or null.</param>
    /// <returns>The diagnosis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="classifier"/> or <paramref name="hresult"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="hresult"/> is not an error number.</exception>
    public static RelayBlockDiagnosis ClassifyHResult(this ISmtpFailureClassifier classifier, string hresult, string? serverResponse = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(hresult);
        if (!OutlookHResult.TryParse(hresult, out var number))
            throw new ArgumentException($"'{hresult}' is not an Outlook error number; write it as 0x800CCC79, 800CCC79 or a decimal HRESULT.", nameof(hresult));
        return classifier.Classify(number, serverResponse);
    }

    /// <summary>
    /// Classifies the text of an Outlook error dialog (English or French). Text that is not a dialog is classified as
    /// a reply, so a pasted bare server response still gets its diagnosis.
    /// </summary>
    /// <param name="classifier">The classifier.</param>
    /// <param name="dialogText">The text the user copied from the dialog.</param>
    /// <returns>The diagnosis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="classifier"/> or <paramref name="dialogText"/> is null.</exception>
    public static RelayBlockDiagnosis ClassifyOutlookDialog(this ISmtpFailureClassifier classifier, string dialogText)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(dialogText);
        return OutlookErrorDialog.TryParse(dialogText, out var dialog)
            ? classifier.Classify(dialog)
            : classifier.Classify(dialogText);
    }
}
