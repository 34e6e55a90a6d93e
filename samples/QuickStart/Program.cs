// QuickStart: send, catch, classify, show the friendly text, log.
// Usage: dotnet run --project samples/QuickStart -- [host] [port]   (default: localhost 587)
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpRelayClassifier;

string host = args.Length > 0 ? args[0] : "localhost";
int port = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 587;
using var loggerFactory = LoggerFactory.Create(builder => builder.AddSimpleConsole(o => o.IncludeScopes = true));
var logger = loggerFactory.CreateLogger("QuickStart");

var message = new MimeMessage();
message.From.Add(MailboxAddress.Parse("alice@example.com"));
message.To.Add(MailboxAddress.Parse("bob@example.org"));
message.Subject = "Hello";
message.Body = new TextPart("plain") { Text = "Hello from QuickStart." };

try
{
    using var smtp = new SmtpClient { Timeout = 10_000 };
    await smtp.ConnectAsync(host, port);
    await smtp.SendAsync(message);
    Console.WriteLine("Sent.");
}
catch (Exception e)
{
    var diagnosis = SmtpFailureClassifier.Default.Classify(e, new SmtpFailureContext { Server = host, Port = port });
    Console.WriteLine(diagnosis.Explain().UserMessage);   // for the person in front of the screen
    logger.LogSmtpFailure(diagnosis, e);                  // for the dashboard: Kind, IsRelayBlock, IsTransient, ...
                                                          // (addresses masked, in the attached exception too)
}
