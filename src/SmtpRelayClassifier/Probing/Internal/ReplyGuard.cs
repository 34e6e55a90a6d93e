using System;
using MailKit.Net.Smtp;

namespace SmtpRelayClassifier.Probing.Internal;

/// <summary>
/// Counts the bytes and lines of the server reply being read, as MailKit hands them to its protocol logger (after TLS,
/// so the count is of the reply, not of the ciphertext), and ends the session with an <see cref="SmtpProtocolException"/>
/// when a reply passes its bound. A reply ends with a line whose fourth character is not <c>-</c>.
/// </summary>
internal sealed class ReplyGuard(int maxBytes, int maxLines)
{
    private int _bytes;
    private int _lines;
    private int _column;
    private bool _continued;

    public void Check(ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            _bytes++;
            if (b == (byte)'\n')
            {
                _lines++;
                if (!_continued)
                {
                    _bytes = 0;
                    _lines = 0;
                }
                else if (_lines >= maxLines)
                {
                    throw new SmtpProtocolException($"The server's reply went past {maxLines} lines without ending.");
                }

                _column = 0;
                _continued = false;
                continue;
            }

            if (_column == 3)
                _continued = b == (byte)'-';
            _column++;
            if (_bytes > maxBytes)
                throw new SmtpProtocolException($"The server's reply went past {maxBytes} bytes without ending.");
        }
    }
}
