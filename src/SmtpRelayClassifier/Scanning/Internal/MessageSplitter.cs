using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using SmtpRelayClassifier.Scanning;

namespace SmtpRelayClassifier.Scanning;

/// <summary>
/// Cuts a message file or an mbox into messages before MimeKit sees them, so that each message is parsed on its own
/// (one that cannot be read costs only itself) and only within the limits: a message over
/// <see cref="MailLogReaderOptions.MaxMessageSize"/> or with a header field over
/// <see cref="MailLogReaderOptions.MaxHeaderLength"/> is read past and reported instead. The input is read in windows
/// of 64 KiB, so a line of any length costs no more memory than the message it belongs to. Not thread-safe.
/// </summary>
internal sealed class MessageSplitter(MailLogReaderOptions options, bool mbox) : IDisposable
{
    private const int WindowSize = 1 << 16;

    private byte[] _message = ArrayPool<byte>.Shared.Rent(WindowSize);
    private int _length;
    private long _size;
    private bool _hasContent;
    private bool _inHeaders = true;
    private long _fieldLength = -1;
    private SkipReason? _rejected;

    /// <summary>One message: its bytes (without the mbox <c>From </c> line), valid until the next one is asked for, or why it was not kept.</summary>
    public readonly record struct Part(ReadOnlyMemory<byte> Bytes, SkipReason? Skipped);

    public async IAsyncEnumerable<Part> SplitAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        byte[] window = ArrayPool<byte>.Shared.Rent(WindowSize);
        try
        {
            int start = 0, end = 0;
            bool atLineStart = true, inFromLine = false, eof = false;
            while (true)
            {
                int newline = window.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline < 0 && !eof && end - start < WindowSize / 2)
                {
                    // Not a whole line in the window: move what is left to the front and read more.
                    Buffer.BlockCopy(window, start, window, 0, end - start);
                    (start, end) = (0, end - start);
                    int read = await stream.ReadAsync(window.AsMemory(end, WindowSize - end), cancellationToken).ConfigureAwait(false);
                    eof = read == 0;
                    end += read;
                    continue;
                }

                if (start == end)
                    break;

                // A whole line with its LF, or a piece of a long line (the rest of it comes in the next pieces).
                int length = newline >= 0 ? newline + 1 : end - start;
                if (mbox && atLineStart && window.AsSpan(start, length).StartsWith("From "u8))
                {
                    if (_hasContent || _rejected is not null)
                        yield return Finish();
                    inFromLine = true;
                }

                if (!inFromLine)
                    Add(window.AsSpan(start, length), atLineStart);
                else
                    _size += length;
                start += length;
                atLineStart = newline >= 0;
                inFromLine &= !atLineStart;
                if (!mbox && _rejected is not null)
                    break;
            }

            if (_hasContent || _rejected is not null)
                yield return Finish();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(window);
        }
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_message);

    private void Add(ReadOnlySpan<byte> piece, bool startsLine)
    {
        _size += piece.Length;
        TrackHeaderField(piece, startsLine);
        if (_rejected is not null)
            return;
        if (_size > options.MaxMessageSize)
        {
            _rejected = SkipReason.MessageTooLarge;
            return;
        }

        if (_length + piece.Length > _message.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(_message.Length * 2L, _length + piece.Length), options.MaxMessageSize));
            _message.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_message);
            _message = larger;
        }

        piece.CopyTo(_message.AsSpan(_length));
        _length += piece.Length;
    }

    // A header field is its first line and the folded lines (starting with a space or a tab) after it. MimeKit's time
    // grows with the square of a field's length, so the longest field is bounded: every line of the message's own
    // header, and in the body every line that starts as a field does ("Name:", the headers of attached messages and
    // MIME parts).
    private void TrackHeaderField(ReadOnlySpan<byte> piece, bool startsLine)
    {
        if (startsLine)
        {
            bool blank = piece.TrimEnd("\r\n"u8).IsEmpty;
            _hasContent |= !blank;
            if (blank)
            {
                _inHeaders = false;
                _fieldLength = -1;
                return;
            }

            if (piece[0] is (byte)' ' or (byte)'\t')
            {
                if (_fieldLength < 0 && !_inHeaders)
                    return;
            }
            else if (_inHeaders || StartsAsField(piece))
            {
                _fieldLength = 0;
            }
            else
            {
                _fieldLength = -1;
                return;
            }
        }
        else if (_fieldLength < 0)
        {
            return;
        }

        _fieldLength += piece.Length;
        if (_fieldLength > options.MaxHeaderLength && _rejected is null)
            _rejected = SkipReason.HeaderTooLong;
    }

    // "Name:" where the name is printable ASCII without spaces or colons (RFC 5322 field-name).
    private static bool StartsAsField(ReadOnlySpan<byte> line)
    {
        int colon = line.IndexOf((byte)':');
        return colon > 0 && !line[..colon].ContainsAnyExceptInRange((byte)'!', (byte)'~');
    }

    private Part Finish()
    {
        var part = _rejected is { } reason ? new Part(default, reason) : new Part(_message.AsMemory(0, _length), null);
        _length = 0;
        _size = 0;
        _hasContent = false;
        _inHeaders = true;
        _fieldLength = -1;
        _rejected = null;
        return part;
    }
}
