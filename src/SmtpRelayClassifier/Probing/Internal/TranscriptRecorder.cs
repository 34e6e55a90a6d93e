using System;
using System.Text;
using MailKit;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier.Probing.Internal;

/// <summary>
/// Records a probe's conversation line by line, each line cut at <see cref="MaxLineLength"/> characters, and hands what
/// the server sends to the <see cref="ReplyGuard"/>. MailKit hands its logger an <see cref="IAuthenticationSecretDetector"/>
/// that finds the secrets in AUTH commands; those bytes are replaced by <c>********</c> before anything is kept.
/// </summary>
internal sealed class TranscriptRecorder(TranscriptLog log, int port, ReplyGuard guard) : IProtocolLogger
{
    public const int MaxLineLength = 1000;

    private readonly PendingLine _client = new();
    private readonly PendingLine _server = new();

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    public void LogConnect(Uri uri)
    {
    }

    public void LogClient(byte[] buffer, int offset, int count)
    {
        var secrets = AuthenticationSecretDetector?.DetectSecrets(buffer, offset, count);
        if (secrets is { Count: > 0 })
        {
            var copy = buffer.AsSpan(offset, count).ToArray();
            foreach (var secret in secrets)
                copy.AsSpan(secret.StartIndex - offset, secret.Length).Fill((byte)'*');
            Append(_client, ReplyEncoding.Decode(copy), fromClient: true);
            return;
        }

        Append(_client, ReplyEncoding.Decode(buffer.AsSpan(offset, count)), fromClient: true);
    }

    // MailKit reads at most its block size (4 KiB) at a time, so one call decodes a bounded chunk.
    public void LogServer(byte[] buffer, int offset, int count)
    {
        Append(_server, ReplyEncoding.Decode(buffer.AsSpan(offset, count)), fromClient: false);
        guard.Check(buffer.AsSpan(offset, count));
    }

    public void Dispose()
    {
    }

    private void Append(PendingLine pending, string text, bool fromClient)
    {
        int start = 0;
        while (true)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline;
            int take = Math.Min(MaxLineLength - pending.Text.Length, end - start);
            pending.Cut |= take < end - start;
            pending.Text.Append(text, start, take);
            if (newline < 0)
                return;

            string line = pending.Text.ToString().TrimEnd('\r');
            if (fromClient && line.Contains("****", StringComparison.Ordinal))
                line = RedactRun(line);
            log.Add(new TranscriptLine(port, fromClient, pending.Cut ? line + " [cut]" : line));
            pending.Text.Clear();
            pending.Cut = false;
            start = newline + 1;
        }
    }

    // However long the secret was, show a fixed-length mask: its length is information too.
    private static string RedactRun(string line)
    {
        int first = line.IndexOf('*', StringComparison.Ordinal);
        int last = line.LastIndexOf('*');
        return string.Concat(line.AsSpan(0, first), "********", line.AsSpan(last + 1));
    }

    private sealed class PendingLine
    {
        public StringBuilder Text { get; } = new();

        public bool Cut { get; set; }
    }
}
