using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SmtpRelayClassifier.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 that answers each command with the reply its script gives, so that MailKit's
/// SmtpClient (and System.Net.Mail's) raise the very exceptions a real server would make them raise. Replies are
/// written exactly as given (a multi-line reply is given with CRLF inside). It serves connections one after the
/// other until disposed, and records every command it received.
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ScriptedSmtpServer(SmtpScript script)
    {
        Script = script;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public SmtpScript Script { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<string> Commands { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or TimeoutException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            using (client)
            {
                try
                {
                    await ServeAsync(client.GetStream(), _stop.Token);
                }
                catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    // The client went away; serve the next one.
                }
            }
        }
    }

    private async Task ServeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var reader = new StreamReader(stream, Encoding.Latin1);
        var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };

        if (Script.CloseBeforeGreeting)
            return;

        if (Script.NeverGreet)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return;
        }

        await SendAsync(writer, Script.Greeting);
        if (!Script.Greeting.StartsWith("220", StringComparison.Ordinal))
            return;

        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            Commands.Enqueue(line);
            string verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await SendAsync(writer, Script.Ehlo);
                    break;
                case "HELO":
                    await SendAsync(writer, "250 test.example");
                    break;
                case "STARTTLS":
                    await SendAsync(writer, Script.StartTls);
                    break;
                case "AUTH":
                    await SendAsync(writer, Script.Auth);
                    break;
                case "MAIL":
                    await SendAsync(writer, Script.Mail);
                    if (Script.CloseAfterMail)
                        return;
                    break;
                case "RCPT":
                    string address = ExtractAddress(line);
                    string rcptReply = Script.Rcpt(address);
                    await SendAsync(writer, rcptReply);
                    if (Script.CloseAfter421 && rcptReply.StartsWith("421", StringComparison.Ordinal))
                        return;
                    break;
                case "DATA":
                    await SendAsync(writer, Script.Data);
                    if (!Script.Data.StartsWith("354", StringComparison.Ordinal))
                        break;
                    while (await reader.ReadLineAsync(cancellationToken) is { } dataLine && dataLine != ".")
                    {
                    }

                    await SendAsync(writer, Script.EndOfData);
                    break;
                case "RSET":
                case "NOOP":
                    await SendAsync(writer, "250 2.0.0 Ok");
                    break;
                case "QUIT":
                    await SendAsync(writer, "221 2.0.0 Bye");
                    return;
                default:
                    await SendAsync(writer, "502 5.5.2 Error: command not recognized");
                    break;
            }
        }
    }

    private static Task SendAsync(StreamWriter writer, string reply) => writer.WriteAsync(reply + "\r\n");

    private static string ExtractAddress(string line)
    {
        int lt = line.IndexOf('<', StringComparison.Ordinal);
        int gt = line.IndexOf('>', StringComparison.Ordinal);
        return lt >= 0 && gt > lt ? line[(lt + 1)..gt] : line;
    }
}

/// <summary>What a <see cref="ScriptedSmtpServer"/> answers. Defaults accept everything.</summary>
public sealed class SmtpScript
{
    public string Greeting { get; init; } = "220 test.example ESMTP";

    public string Ehlo { get; init; } = "250-test.example\r\n250-PIPELINING\r\n250-AUTH PLAIN\r\n250 ENHANCEDSTATUSCODES";

    public string StartTls { get; init; } = "454 4.7.0 TLS not available due to local problem";

    public string Auth { get; init; } = "235 2.7.0 Authentication successful";

    public string Mail { get; init; } = "250 2.1.0 Ok";

    public Func<string, string> Rcpt { get; init; } = _ => "250 2.1.5 Ok";

    public string Data { get; init; } = "354 End data with <CR><LF>.<CR><LF>";

    public string EndOfData { get; init; } = "250 2.0.0 Ok: queued";

    public bool CloseAfterMail { get; init; }

    public bool NeverGreet { get; init; }

    public bool CloseBeforeGreeting { get; init; }

    /// <summary>Close the connection after answering a command with 421, as RFC 5321 §3.8 has servers do.</summary>
    public bool CloseAfter421 { get; init; }

    public static SmtpScript RejectRecipients(IReadOnlyDictionary<string, string> replies) =>
        new() { Rcpt = address => replies.TryGetValue(address, out var reply) ? reply : "250 2.1.5 Ok" };
}
