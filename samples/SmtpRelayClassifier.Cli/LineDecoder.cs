using System;
using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// Decodes the lines of a <see cref="LineReader"/> into a reused char buffer, without a string per line: UTF-8, or
/// Latin-1 when the bytes are not valid UTF-8; a <c>'\r'</c> before the line's end is dropped. Not thread-safe: one per thread.
/// </summary>
internal sealed class LineDecoder : IDisposable
{
    private char[] _chars = ArrayPool<char>.Shared.Rent(1 << 12);

    /// <summary>The line as chars, valid until the next call.</summary>
    public ReadOnlySpan<char> Decode(ReadOnlySpan<byte> bytes)
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

    public void Dispose()
    {
        if (_chars.Length == 0)
            return;
        ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
    }
}
