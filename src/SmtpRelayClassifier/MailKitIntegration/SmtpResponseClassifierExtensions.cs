using System;
using System.Globalization;
using MailKit.Net.Smtp;

namespace SmtpRelayClassifier.MailKitIntegration;

/// <summary>Classifies the <see cref="SmtpResponse"/> MailKit hands to its <c>On…NotAccepted</c> hooks.</summary>
public static class SmtpResponseClassifierExtensions
{
    /// <summary>Classifies a MailKit reply: its status code and its text (with the enhanced code MailKit keeps at the head of each line).</summary>
    /// <param name="classifier">The classifier.</param>
    /// <param name="response">The reply.</param>
    /// <param name="context">What the caller knows besides the reply (the stage: <see cref="SmtpStage.Rcpt"/> in <c>OnRecipientNotAccepted</c>).</param>
    /// <returns>The diagnosis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="classifier"/> or <paramref name="response"/> is null.</exception>
    public static RelayBlockDiagnosis Classify(this ISmtpFailureClassifier classifier, SmtpResponse response, SmtpFailureContext context = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(response);
        string code = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        return classifier.Classify(response.Response.Length == 0 ? code : code + " " + response.Response, context);
    }
}
