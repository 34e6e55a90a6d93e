using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using SmtpRelayClassifier.Parsing;
using SmtpRelayClassifier.Scanning;
using static SmtpRelayClassifier.Fuzz.FuzzTargets;

namespace SmtpRelayClassifier.Fuzz;

/// <summary>The targets that read whole logs and mails: <see cref="MailLogReader"/> and <see cref="BounceReader"/>.</summary>
internal static class ScanTargets
{
    private static readonly MailLogReader Logs = new();
    private static readonly BounceReader Bounces = new();

    /// <summary>A log read from a stream, from a pipe in small pieces, and line by line.</summary>
    public static void LogReader(ReadOnlySpan<byte> input)
    {
        byte[] bytes = input.ToArray();
        var fromStream = Drain(Logs.ReadAsync(new MemoryStream(bytes, writable: false)));
        var pipe = PipeReader.Create(Pieces.Of(bytes, pieceLength: 1 + bytes.Length % 13));
        var fromPipe = Drain(Logs.ReadAsync(pipe));
        Check(fromPipe.Select(Describe).SequenceEqual(fromStream.Select(Describe)), "a log read in pieces from a pipe gives the failures it gives from a stream");
        foreach (var failure in fromStream)
        {
            Check(failure.LineNumber >= 1, "line numbers start at 1");
            Explain(failure.Diagnosis, (int)failure.LineNumber);
        }

        string text = SmtpReplyParser.DecodeText(input);
        long number = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
            Logs.TryRead(line, ++number);
    }

    /// <summary>A mail read as one message and as an mbox.</summary>
    public static void BounceReader(ReadOnlySpan<byte> input)
    {
        byte[] bytes = input.ToArray();
        try
        {
            var failures = Bounces.ReadMessageAsync(new MemoryStream(bytes, writable: false)).GetAwaiter().GetResult();
            foreach (var failure in failures)
                Explain(failure.Diagnosis, bytes.Length);
        }
        catch (FormatException)
        {
            // Documented: the bytes are no message.
        }

        foreach (var failure in Drain(Bounces.ReadMboxAsync(new MemoryStream(bytes, writable: false))))
            Explain(failure.Diagnosis, bytes.Length);
    }

    private static string Describe(LogFailure f) =>
        $"{f.LineNumber} {f.Format} {f.RemoteHost} {f.RemoteAddress} {f.Sender} {f.Recipient} {f.QueueId} {Fingerprint(f.Diagnosis)}";

    private static List<T> Drain<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        var e = items.GetAsyncEnumerator();
        try
        {
            while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                list.Add(e.Current);
        }
        finally
        {
            e.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return list;
    }
}
