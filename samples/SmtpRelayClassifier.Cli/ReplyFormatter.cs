using System;
using System.Buffers;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// Classifies one reply and writes its output line as UTF-8 bytes into a buffer, with no string made for it: what
/// <c>classify</c> does per input in the formats made for many inputs (TSV, JSON Lines). Not thread-safe: the
/// pipeline makes one per thread.
/// </summary>
internal abstract class ReplyFormatter
{
    /// <summary>Classifies <paramref name="reply"/> and appends its line to <paramref name="output"/>.</summary>
    public abstract void Write(ReadOnlySpan<char> reply, IBufferWriter<byte> output);
}
