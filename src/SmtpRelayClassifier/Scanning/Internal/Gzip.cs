using System;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;

namespace SmtpRelayClassifier.Scanning;

/// <summary>Recognizes gzip data (rotated logs: <c>mail.log.1.gz</c>) by its magic bytes, whatever the file's name.</summary>
internal static class Gzip
{
    public static bool HasMagic(ReadOnlySpan<byte> start) => start.Length >= 2 && start[0] == 0x1f && start[1] == 0x8b;

    /// <summary>The stream itself, or the data it decompresses to when it starts as gzip data does.</summary>
    public static async ValueTask<(Stream Stream, bool Compressed)> OpenAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new byte[2];
        int read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var whole = new PrefixedStream(read == head.Length ? head : head.AsSpan(0, read).ToArray(), stream);
        return HasMagic(head.AsSpan(0, read))
            ? (new GZipStream(whole, CompressionMode.Decompress, leaveOpen: true), true)
            : (whole, false);
    }
}
