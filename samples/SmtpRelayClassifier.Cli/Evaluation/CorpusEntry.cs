using System.Collections.Generic;

namespace SmtpRelayClassifier.Cli.Evaluation;

/// <summary>One labelled reply of a corpus file: the text, what is known of it, and the answer a careful reader gives.</summary>
/// <param name="File">The corpus file's name, without its folder.</param>
/// <param name="Line">The line number in that file (the header is line 1).</param>
/// <param name="Reply">The reply, with its lines joined by CRLF.</param>
/// <param name="Stage">The command the reply answered, or <see cref="SmtpStage.Unknown"/>.</param>
/// <param name="Kind">The expected kind.</param>
/// <param name="Alternatives">Other kinds a careful reader also accepts for this text.</param>
/// <param name="IsRelayBlock">The expected relay flag.</param>
/// <param name="Source">Where the reply comes from: a URL, <c>owner/repo:path</c>, or an RFC section.</param>
internal sealed record CorpusEntry(
    string File,
    int Line,
    string Reply,
    SmtpStage Stage,
    SmtpFailureKind Kind,
    IReadOnlyList<SmtpFailureKind> Alternatives,
    bool IsRelayBlock,
    string Source)
{
    /// <summary>The part of <see cref="Source"/> that names who published it: a URL's host, or a repository's <c>owner/repo</c>.</summary>
    public string Publisher
    {
        get
        {
            int scheme = Source.IndexOf("://", System.StringComparison.Ordinal);
            if (scheme >= 0)
            {
                int start = scheme + 3;
                int end = Source.IndexOf('/', start);
                string host = end < 0 ? Source[start..] : Source[start..end];
                return host.StartsWith("www.", System.StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
            }

            int colon = Source.IndexOf(':');
            return colon > 0 ? Source[..colon] : Source;
        }
    }

    /// <summary>Whether a diagnosis of this kind is a right answer.</summary>
    /// <param name="kind">The kind the classifier gave.</param>
    /// <returns>True for the expected kind or a listed alternative.</returns>
    public bool Accepts(SmtpFailureKind kind)
    {
        if (kind == Kind)
            return true;
        foreach (var alternative in Alternatives)
        {
            if (alternative == kind)
                return true;
        }

        return false;
    }
}
