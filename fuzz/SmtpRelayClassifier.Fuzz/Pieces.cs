using System;
using System.Buffers;

namespace SmtpRelayClassifier.Fuzz;

/// <summary>Bytes as a sequence of pieces of one length, the way lines arrive from a socket or a pipe.</summary>
internal sealed class Pieces : ReadOnlySequenceSegment<byte>
{
    private Pieces(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>Cuts <paramref name="bytes"/> into pieces of <paramref name="pieceLength"/> bytes (the last may be shorter).</summary>
    public static ReadOnlySequence<byte> Of(byte[] bytes, int pieceLength)
    {
        if (bytes.Length <= pieceLength)
            return new ReadOnlySequence<byte>(bytes);
        var first = new Pieces(bytes.AsMemory(0, pieceLength), 0);
        var last = first;
        for (int start = pieceLength; start < bytes.Length; start += pieceLength)
        {
            var next = new Pieces(bytes.AsMemory(start, Math.Min(pieceLength, bytes.Length - start)), start);
            last.Next = next;
            last = next;
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
