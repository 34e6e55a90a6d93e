using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Unicode;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// Reads lines from a stream as chars without a string per line: the line is decoded (UTF-8, or Latin-1 when the
/// bytes are not valid UTF-8) into a reused buffer. Memory stays bounded by the longest line.
/// </summary>
internal sealed class LineReader(Stream stream) : IDisposable
{
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(1 << 16);
    private char[] _chars = ArrayPool<char>.Shared.Rent(1 << 12);
    private int _start;
    private int _end;
    private bool _eof;

    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            int newline = _bytes.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Decode(_bytes.AsSpan(_start, newline));
                _start += newline + 1;
                return true;
            }

            if (_eof)
            {
                if (_end > _start)
                {
                    line = Decode(_bytes.AsSpan(_start, _end - _start));
                    _start = _end;
                    return true;
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        ArrayPool<char>.Shared.Return(_chars);
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_bytes, _start, _bytes, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _bytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_bytes.Length * 2);
            Buffer.BlockCopy(_bytes, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = larger;
        }

        int read = stream.Read(_bytes, _end, _bytes.Length - _end);
        if (read == 0)
            _eof = true;
        _end += read;
    }

    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 0 && bytes[^1] == '\r')
            bytes = bytes[..^1];
        if (_chars.Length < bytes.Length)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        }

        if (Utf8.ToUtf16(bytes, _chars, out _, out int written, replaceInvalidSequences: false) == OperationStatus.Done)
            return _chars.AsSpan(0, written);
        return _chars.AsSpan(0, Encoding.Latin1.GetChars(bytes, _chars));
    }
}
