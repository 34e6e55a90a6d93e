using System;
using System.Collections.Generic;
using System.Text;
using BenchmarkDotNet.Attributes;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Benchmarks;

/// <summary>
/// Parsing one reply from its bytes. The baseline is the practical limit: a bare scan of the same bytes for line
/// breaks. Goal: at most 3x the baseline, 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private byte[] _bytes = [];

    [ParamsSource(nameof(Replies))]
    public Sample Reply { get; set; } = Sample.OneLine;

    public static IEnumerable<Sample> Replies => [Sample.OneLine, Sample.MultiLine, Sample.CodeOnly, Sample.Wrapped];

    [GlobalSetup]
    public void Setup() => _bytes = Encoding.UTF8.GetBytes(Reply.Text);

    [Benchmark(Baseline = true)]
    public int NewlineScan()
    {
        ReadOnlySpan<byte> span = _bytes;
        int lines = 1;
        int at;
        while ((at = span.IndexOf((byte)'\n')) >= 0)
        {
            lines++;
            span = span[(at + 1)..];
        }

        return lines;
    }

    [Benchmark]
    public int TryParse()
    {
        SmtpReplyParser.TryParse(_bytes, out var reply);
        return reply.Code + reply.LineCount;
    }

    /// <summary>A named reply text; the name is what the report shows.</summary>
    public sealed record Sample(string Name, string Text)
    {
        // Postfix smtpd_check.c reject_unauth_destination.
        public static readonly Sample OneLine = new("one-line", "554 5.7.1 <bob@example.org>: Relay access denied\r\n");

        // Exim shared hosting (Sisimai MessageLabs sample), three lines.
        public static readonly Sample MultiLine = new("multi-line",
            "550-Please turn on SMTP Authentication in your mail client.\r\n" +
            "550-mail.example.net [192.0.2.10]:52015 is not permitted to relay through this server without authentication.\r\n" +
            "550 Contact your administrator.\r\n");

        public static readonly Sample CodeOnly = new("code-only", "550\r\n");

        // Postfix bounce text with its wrappers.
        public static readonly Sample Wrapped = new("wrapped",
            "host mx.example.org[192.0.2.1] said: 554 5.7.1 <bob@example.org>: Relay access denied (in reply to RCPT TO command)\n");

        public override string ToString() => Name;
    }
}
