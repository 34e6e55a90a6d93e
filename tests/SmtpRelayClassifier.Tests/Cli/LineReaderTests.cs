using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SmtpRelayClassifier.Cli;
using Xunit;

namespace SmtpRelayClassifier.Tests.Cli;

public class LineReaderTests
{
    // Postfix smtpd_check.c reject_unauth_destination.
    private const string RelayDenied = "554 5.7.1 <bob@example.org>: Relay access denied";

    [Fact]
    public void TryReadLine_LineLongerThanTheLimit_IsCutThereAndTheNextLineIsWhole()
    {
        byte[] input = Encoding.UTF8.GetBytes(new string('x', 10 << 20) + "\n" + RelayDenied + "\r\nlast");
        using var reader = new LineReader(new MemoryStream(input), maxLineBytes: 1000);
        using var decoder = new LineDecoder();

        var lines = new List<string>();
        while (reader.TryReadLine(out var line))
            lines.Add(decoder.Decode(line).ToString());

        Assert.Equal([new string('x', 1000), RelayDenied, "last"], lines);
        Assert.Equal(1, reader.Truncated);
        Assert.Equal(input.Length, reader.BytesRead);
    }

    [Fact]
    public void TryReadLine_ReadsTheStreamInBlocksOfAMebibyte()
    {
        var stream = new CountingStream(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(RelayDenied + "\n", 100_000))));
        using var reader = new LineReader(stream);

        int count = 0;
        while (reader.TryReadLine(out _))
            count++;

        Assert.Equal(100_000, count);
        Assert.True(stream.Asked.Max() >= 1 << 20, $"largest read asked: {stream.Asked.Max()} bytes");
    }

    [Fact]
    public void Decode_InvalidUtf8_IsReadAsLatin1()
    {
        using var decoder = new LineDecoder();

        // "refusé" in Latin-1, as an old Sendmail log line holds it.
        Assert.Equal("550 refusé", decoder.Decode([.. "550 refus"u8, 0xE9]).ToString());
    }

    [Fact]
    public void ClassifyTsv_A10MegabyteLine_IsClassifiedOnItsFirstMebibyteAndToldOnStandardError()
    {
        string stdin = "550 5.7.1 " + new string('x', 10 << 20) + "\n" + RelayDenied + "\n";

        var (exit, output, error) = CliRunner.Run(stdin, "classify", "--format", "tsv");

        Assert.Equal(0, exit);
        Assert.Equal(["Unknown\tfalse", "RelayDenied\ttrue"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("1 line(s) longer than 1 MiB", error, StringComparison.Ordinal);
    }

    /// <summary>A stream that records how many bytes each read asked for.</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public List<int> Asked { get; } = [];

        public override int Read(byte[] buffer, int offset, int count)
        {
            Asked.Add(count);
            return base.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            Asked.Add(buffer.Length);
            return base.Read(buffer);
        }
    }
}
