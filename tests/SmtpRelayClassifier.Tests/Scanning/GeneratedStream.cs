using System;
using System.IO;

namespace SmtpRelayClassifier.Tests.Scanning;

/// <summary>A read-only stream of the given size whose bytes a subclass makes on the fly, so that huge inputs cost no memory.</summary>
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

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
