using System;
using System.Buffers;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// <c>classify --json</c>: one JSON object per input, the structured fields and the one-line summary; the explanation
/// in the run's language too with <c>--explain</c>. Not thread-safe: its explainer's caches are its own.
/// </summary>
internal sealed class JsonReplyFormatter(SmtpFailureClassifier classifier, SmtpFailureContext context, Explainer explainer, bool explain) : ReplyFormatter
{
    private readonly JsonDiagnosisWriter _json = new(new ArrayBufferWriter<byte>(1), explainer, explain);

    public override void Write(ReadOnlySpan<char> reply, IBufferWriter<byte> output)
    {
        _json.Target(output);
        _json.Write(reply, classifier.Classify(reply, context));
    }
}
