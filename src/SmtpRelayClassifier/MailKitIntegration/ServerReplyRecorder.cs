using System;
using System.Text;
using MailKit;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.MailKitIntegration;

/// <summary>
/// A protocol logger that remembers the server's last failure reply (4xx or 5xx) and the host it connected to,
/// and passes everything on to the caller's own logger. MailKit reports a connection dropped after a reply as
/// "unexpectedly disconnected" and quotes only the previous reply; this keeps the one that counted.
/// </summary>
internal sealed class ServerReplyRecorder(IProtocolLogger? inner) : IProtocolLogger
{
    private const int MaxReplyLength = 4096;

    private readonly StringBuilder _current = new();
    private string _pending = string.Empty;

    public IAuthenticationSecretDetector? AuthenticationSecretDetector
    {
        get => inner?.AuthenticationSecretDetector;
        set
        {
            if (inner is not null)
                inner.AuthenticationSecretDetector = value;
        }
    }

    public string? Host { get; private set; }

    public int? Port { get; private set; }

    /// <summary>The last complete reply with a 4xx or 5xx code, with its code, lines joined by CRLF.</summary>
    public string? LastFailureReply { get; private set; }

    public void Reset() => LastFailureReply = null;

    public void LogConnect(Uri uri)
    {
        Host = uri.Host;
        Port = uri.Port > 0 ? uri.Port : null;
        inner?.LogConnect(uri);
    }

    public void LogClient(byte[] buffer, int offset, int count) => inner?.LogClient(buffer, offset, count);

    public void LogServer(byte[] buffer, int offset, int count)
    {
        inner?.LogServer(buffer, offset, count);
        string text = _pending + ReplyEncoding.Decode(buffer.AsSpan(offset, count));
        int start = 0;
        int newline;
        while ((newline = text.IndexOf('\n', start)) >= 0)
        {
            Line(text.AsSpan(start, newline - start).TrimEnd('\r'));
            start = newline + 1;
        }

        _pending = text.Length - start > MaxReplyLength ? string.Empty : text[start..];
    }

    public void Dispose() => inner?.Dispose();

    private void Line(ReadOnlySpan<char> line)
    {
        if (line.Length < 3 || !char.IsAsciiDigit(line[0]) || !char.IsAsciiDigit(line[1]) || !char.IsAsciiDigit(line[2]))
            return;
        if (_current.Length > 0)
            _current.Append("\r\n");
        if (_current.Length + line.Length <= MaxReplyLength)
            _current.Append(line);
        bool last = line.Length == 3 || line[3] != '-';
        if (!last)
            return;
        if (line[0] is '4' or '5')
            LastFailureReply = _current.ToString();
        _current.Clear();
    }
}
