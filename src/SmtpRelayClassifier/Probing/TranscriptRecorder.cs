using System;
using System.Collections.Generic;
using MailKit;
using SmtpRelayClassifier.Internal;

namespace SmtpRelayClassifier.Probing;

/// <summary>
/// Records a probe's conversation line by line. MailKit hands its logger an <see cref="IAuthenticationSecretDetector"/>
/// that finds the secrets in AUTH commands; those bytes are replaced by <c>********</c> before anything is kept.
/// </summary>
internal sealed class TranscriptRecorder(List<TranscriptLine> lines, int port) : IProtocolLogger
{
    private string _client = string.Empty;
    private string _server = string.Empty;

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
            Append(ref _client, ReplyEncoding.Decode(copy), fromClient: true);
            return;
        }

        Append(ref _client, ReplyEncoding.Decode(buffer.AsSpan(offset, count)), fromClient: true);
    }

    public void LogServer(byte[] buffer, int offset, int count) =>
        Append(ref _server, ReplyEncoding.Decode(buffer.AsSpan(offset, count)), fromClient: false);

    public void Dispose()
    {
    }

    private void Append(ref string pending, string text, bool fromClient)
    {
        text = pending + text;
        int start = 0;
        int newline;
        while ((newline = text.IndexOf('\n', start)) >= 0)
        {
            string line = text[start..newline].TrimEnd('\r');
            if (fromClient && line.Contains("****", StringComparison.Ordinal))
                line = RedactRun(line);
            lock (lines)
                lines.Add(new TranscriptLine(port, fromClient, line));
            start = newline + 1;
        }

        pending = text.Length - start > 8192 ? string.Empty : text[start..];
    }

    // However long the secret was, show a fixed-length mask: its length is information too.
    private static string RedactRun(string line)
    {
        int first = line.IndexOf('*', StringComparison.Ordinal);
        int last = line.LastIndexOf('*');
        return string.Concat(line.AsSpan(0, first), "********", line.AsSpan(last + 1));
    }
}
