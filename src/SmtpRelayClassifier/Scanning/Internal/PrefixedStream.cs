using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SmtpRelayClassifier.Scanning;

/// <summary>A read-only stream of a few bytes already read from a stream, then the rest of that stream. Not thread-safe.</summary>
internal sealed class PrefixedStream(byte[] head, Stream rest) : Stream
{
    private int _offset;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

#if NET
    public override int Read(Span<byte> buffer)
#else
    public int Read(Span<byte> buffer)
#endif
    {
        if (_offset < head.Length)
            return TakeHead(buffer);
        return rest.Read(buffer);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

#if NET
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
#else
    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
#endif
        _offset < head.Length ? ValueTask.FromResult(TakeHead(buffer.Span)) : rest.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int TakeHead(Span<byte> buffer)
    {
        int n = Math.Min(buffer.Length, head.Length - _offset);
        head.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }
}
