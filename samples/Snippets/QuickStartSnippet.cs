using MailKit.Net.Smtp;
using MimeKit;
using SmtpRelayClassifier;

namespace Snippets;

/// <summary>The QuickStart of both READMEs: send, catch, classify, show, log.</summary>
public static class QuickStartSnippet
{
    /// <summary>Sends <paramref name="message"/> through <paramref name="host"/>; a failure is explained and logged.</summary>
    public static async Task SendAsync(string host, int port, MimeMessage message, Microsoft.Extensions.Logging.ILogger logger)
    {
        // begin-snippet: quickstart
        try
        {
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync(host, port);
            await smtp.SendAsync(message);
        }
        catch (Exception e)
        {
            var diagnosis = SmtpFailureClassifier.Default.Classify(e, new SmtpFailureContext { Server = host, Port = port });
            Console.WriteLine(diagnosis.Explain().UserMessage);   // for the person in front of the screen
            logger.LogSmtpFailure(diagnosis, e);                  // for the dashboard: Kind, IsRelayBlock, IsTransient, ...
        }
        // end-snippet
    }
}
