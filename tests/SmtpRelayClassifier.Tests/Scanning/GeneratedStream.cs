using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace SmtpRelayClassifier.Tests.Scanning;

/// <summary>
/// A read-only stream of the given size whose bytes a subclass makes on the fly, so that huge inputs cost no memory.
/// Reads complete at once, asynchronous ones too: a reader awaiting them stays on the test's thread, so that what the
/// thread allocates is what the reader allocates.
/// </summary>
internal abstract class GeneratedStream(long size) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => size;
    public override long Position { get => Produced; set => throw new NotSupportedException(); }

    /// <summary>The bytes made so far.</summary>
    protected long Produced { get; set; }

    public override void Flush()
    {
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!MemoryMarshal.TryGetArray<byte>(buffer, out var array))
            throw new NotSupportedException("Reads into array-backed buffers only.");
        return new ValueTask<int>(Read(array.Array!, array.Offset, array.Count));
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
