using System;
using System.Buffers;
using System.IO;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// Reads lines from a stream as UTF-8 bytes without a copy per line: the stream is read in large blocks into a pooled
/// buffer and cut on <c>'\n'</c> (a vectorized search). A line is at most <see cref="MaxLineBytes"/> bytes: a longer one
/// is given as its first <see cref="MaxLineBytes"/> bytes, the rest of it is read past and counted in
/// <see cref="Truncated"/>, so memory stays bounded whatever the input. Not thread-safe.
/// </summary>
internal sealed class LineReader : IDisposable
{
    /// <summary>The longest line kept by default, 1 MiB: an SMTP reply line is at most 512 bytes (RFC 5321 §4.5.3.1.5).</summary>
    public const int DefaultMaxLineBytes = 1 << 20;

    private readonly Stream _stream;
    private byte[] _bytes;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _skipping;

    /// <summary>Reads <paramref name="stream"/>; lines longer than <paramref name="maxLineBytes"/> are cut there.</summary>
    public LineReader(Stream stream, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _stream = stream;
        MaxLineBytes = maxLineBytes;
        _bytes = ArrayPool<byte>.Shared.Rent(maxLineBytes);
    }

    /// <summary>The longest line given; what follows it up to the end of the line is read past.</summary>
    public int MaxLineBytes { get; }

    /// <summary>How many lines were longer than <see cref="MaxLineBytes"/> and cut.</summary>
    public long Truncated { get; private set; }

    /// <summary>How many bytes were read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>
    /// Called before each read of the stream, that is when every line read so far has been handed out and the next
    /// read may wait for its writer (a terminal, a pipe fed as the lines come): what was produced from them can be shown.
    /// </summary>
    public Action? BeforeRead { get; set; }

    /// <summary>The next line, without its <c>'\n'</c> (a <c>'\r'</c> before it is left to the decoder); false at the end.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var pending = _bytes.AsSpan(_start, _end - _start);
            int newline = pending.IndexOf((byte)'\n');
            if (_skipping)
            {
                // The rest of a line that was cut: dropped as it comes, up to its end.
                if (newline >= 0)
                {
                    _start += newline + 1;
                    _skipping = false;
                    continue;
                }

                _start = _end;
            }
            else if (newline >= 0)
            {
                line = pending[..newline];
                _start += newline + 1;
                return true;
            }
            else if (pending.Length >= MaxLineBytes)
            {
                line = pending[..MaxLineBytes];
                _start += MaxLineBytes;
                _skipping = true;
                Truncated++;
                return true;
            }
            else if (_eof)
            {
                line = pending;
                _start = _end;
                return line.Length > 0;
            }

            if (_eof)
            {
                line = default;
                return false;
            }

            Fill();
        }
    }

    public void Dispose()
    {
        if (_bytes.Length == 0)
            return;
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _bytes.AsSpan(_start, _end - _start).CopyTo(_bytes);
            _end -= _start;
            _start = 0;
        }

        BeforeRead?.Invoke();
        int read = _stream.Read(_bytes, _end, _bytes.Length - _end);
        if (read == 0)
            _eof = true;
        _end += read;
        BytesRead += read;
    }
}
