using System;
using System.IO;
using System.Threading;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// A file or standard input as <c>scan</c> reads it: its first bytes can be looked at (to detect the format) and are
/// then read again, and every byte read is counted for the progress bar. Once <paramref name="stop"/> is cancelled (the
/// scan stops early) a read throws <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ScanInput(Stream inner, ScanProgress? progress, CancellationToken stop) : Stream
{
    private readonly byte[] _head = new byte[64];
    private int _headLength;
    private int _headOffset;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>The first bytes (up to 64), read once; reading starts again at the first of them.</summary>
    public ReadOnlySpan<byte> Peek()
    {
        if (_headLength == 0)
        {
            _headLength = inner.ReadAtLeast(_head, _head.Length, throwOnEndOfStream: false);
            progress?.Read(_head.AsSpan(0, _headLength));
        }

        _headOffset = 0;
        return _head.AsSpan(0, _headLength);
    }

    public override int Read(Span<byte> buffer)
    {
        stop.ThrowIfCancellationRequested();
        if (_headOffset < _headLength)
        {
            int n = Math.Min(buffer.Length, _headLength - _headOffset);
            _head.AsSpan(_headOffset, n).CopyTo(buffer);
            _headOffset += n;
            return n;
        }

        int read = inner.Read(buffer);
        progress?.Read(buffer[..read]);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
