using System;
using System.IO;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using MailKit.Net.Smtp;
using MimeKit;

namespace SmtpRelayClassifier.Benchmarks;

/// <summary>
/// Classifying the exceptions a send throws. The baseline is the usual hand-written check: the message searched for
/// a few words, the inner chain walked for a SocketException.
/// </summary>
[MemoryDiagnoser]
public class ExceptionBenchmarks
{
    private readonly Exception[] _exceptions =
    [
        new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.TransactionFailed, MailboxAddress.Parse("bob@example.org"), "5.7.1 <bob@example.org>: Relay access denied"),
        new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxNameNotAllowed, MailboxAddress.Parse("alice@example.com"), "5.7.1 <alice@example.com>: Sender address rejected: not owned by user alice2"),
        new MailKit.ServiceNotAuthenticatedException("5.7.0 Authentication required"),
        new IOException("Unable to read data from the transport connection", new SocketException((int)SocketError.TimedOut)),
        new AggregateException(new InvalidOperationException("x"), new SocketException((int)SocketError.ConnectionRefused)),
    ];

    private readonly SmtpFailureClassifier _classifier = SmtpFailureClassifier.Default;

    [Benchmark(Baseline = true, Description = "MessageContains")]
    public int MessageContains()
    {
        int relay = 0;
        foreach (var e in _exceptions)
        {
            bool isRelay = e.Message.Contains("relay", StringComparison.OrdinalIgnoreCase) && e.Message.Contains("denied", StringComparison.OrdinalIgnoreCase);
            for (var inner = e; inner is not null && !isRelay; inner = inner.InnerException)
                isRelay = inner is SocketException { SocketErrorCode: SocketError.TimedOut };
            relay += isRelay ? 1 : 0;
        }

        return relay;
    }

    [Benchmark]
    public int Classify()
    {
        int relay = 0;
        foreach (var e in _exceptions)
            relay += _classifier.Classify(e).IsRelayBlock ? 1 : 0;
        return relay;
    }
}
