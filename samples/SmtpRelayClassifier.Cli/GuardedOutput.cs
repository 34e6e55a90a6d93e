using System;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// Standard output as the commands write it: the first failed write throws an <see cref="OutputClosedException"/>, so
/// that a command stops at once, and every write after it is dropped, so that flushing on the way out cannot fail again.
/// </summary>
internal sealed class GuardedOutput(Stream inner) : Stream
{
    /// <summary>True once a write has failed.</summary>
    public bool IsClosed { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>
    /// Standard output as a file stream on descriptor 1 when it is a pipe or a terminal: unlike
    /// <see cref="Console.OpenStandardOutput()"/>, which drops what it cannot write to a closed pipe without a word, it
    /// fails, and the command can stop. A regular file gets Console's stream, which keeps the descriptor's offset.
    /// </summary>
    public static Stream OpenStandardOutput()
    {
        if (OperatingSystem.IsWindows())
            return Console.OpenStandardOutput();
        try
        {
            var file = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (!file.CanSeek)
                return file;

            // A regular file (> or >>): a FileStream writes at a position of its own and leaves the descriptor's
            // offset where it was, so what the shell writes next to the same file would overwrite the output.
            // Console's stream writes at the descriptor's offset, and a file has no reader that closes it.
            file.Dispose();
            return Console.OpenStandardOutput();
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return Console.OpenStandardOutput();
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (IsClosed)
            return;
        try
        {
            inner.Write(buffer);
        }
        catch (IOException e)
        {
            throw Closed(e);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
        if (IsClosed)
            return;
        try
        {
            inner.Flush();
        }
        catch (IOException e)
        {
            throw Closed(e);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private OutputClosedException Closed(IOException e)
    {
        IsClosed = true;
        return new OutputClosedException(e);
    }
}
