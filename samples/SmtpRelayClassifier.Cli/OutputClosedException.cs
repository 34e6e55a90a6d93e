using System.IO;

namespace SmtpRelayClassifier.Cli;

/// <summary>The output cannot be written any more: its reader went away (a broken pipe) or the device failed.</summary>
internal sealed class OutputClosedException(IOException inner) : IOException(inner.Message, inner)
{
    /// <summary>True when the reader of a pipe closed it (<c>smtp-classify scan ... | head -1</c>): nothing is wrong.</summary>
    // EPIPE is 32 on Linux and macOS; Windows says ERROR_BROKEN_PIPE (109) or ERROR_NO_DATA (232).
    public bool IsBrokenPipe => inner.HResult is 32 or unchecked((int)0x8007006D) or unchecked((int)0x800700E8);
}
