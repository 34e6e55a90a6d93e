using MailKit.Net.Smtp;
using MimeKit;
using SmtpRelayClassifier;

namespace Snippets;

/// <summary>The Use section of README.md: each kind of input the classifier reads.</summary>
public static class UseSnippet
{
    /// <summary>Classifies a failed send, a reply, an Outlook error number and a pasted Outlook dialog.</summary>
    public static async Task ClassifyAsync(SmtpClient smtp, MimeMessage message, string pastedText)
    {
        // begin-snippet: use
        try
        {
            await smtp.SendAsync(message);
        }
        catch (Exception e)
        {
            RelayBlockDiagnosis d = SmtpFailureClassifier.Default.Classify(e);
            // d.Kind == SmtpFailureKind.RelayDenied, d.IsRelayBlock, d.IsTransient, d.Remedies[0] == AuthenticateOnSubmissionPort, ...
        }

        var fromReply = SmtpFailureClassifier.Default.Classify("554 5.7.1 <bob@example.org>: Relay access denied");
        var fromOutlook = SmtpFailureClassifier.Default.Classify(OutlookHResult.FromValue(0x800CCC79u));
        var fromDialog = SmtpFailureClassifier.Default.Classify(OutlookErrorDialog.Parse(pastedText));
        // end-snippet
    }

    /// <summary>The package README's second example: a reply alone, and the answers an app branches on.</summary>
    public static void FromReply()
    {
        // begin-snippet: reply
        var d = SmtpFailureClassifier.Default.Classify("554 5.7.1 <bob@example.org>: Relay access denied");
        Console.WriteLine($"{d.Kind}: relay block {d.IsRelayBlock}, retry may help {d.IsTransient}");
        Console.WriteLine(d.Explain().UserMessage);
        // end-snippet
    }
}
