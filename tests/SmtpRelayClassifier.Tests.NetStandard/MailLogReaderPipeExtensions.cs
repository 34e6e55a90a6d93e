using System;
using System.Collections.Generic;
using System.IO.Pipelines;
using System.Threading;
using SmtpRelayClassifier.Scanning;

namespace SmtpRelayClassifier;

/// <summary>
/// The pipe overload that only the .NET builds of <see cref="MailLogReader"/> have (netstandard2.0 has no
/// System.IO.Pipelines), done as those builds do it: the pipe read as a stream. The suite's pipe tests then read
/// their pieces through the netstandard2.0 build's stream path.
/// </summary>
internal static class MailLogReaderPipeExtensions
{
    public static IAsyncEnumerable<LogFailure> ReadAsync(this MailLogReader reader, PipeReader log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        return reader.ReadAsync(log.AsStream(leaveOpen: true), cancellationToken);
    }
}
