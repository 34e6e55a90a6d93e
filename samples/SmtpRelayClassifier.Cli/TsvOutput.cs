using System;
using System.Buffers;
using System.Linq;
using System.Text;

namespace SmtpRelayClassifier.Cli;

/// <summary><c>classify --format tsv</c>: one <c>kind&lt;TAB&gt;isRelayBlock</c> line per input, copied from bytes prepared once.</summary>
internal sealed class TsvOutput(SmtpFailureClassifier classifier, SmtpFailureContext context) : ReplyFormatter
{
    private static readonly byte[][] Lines = Enum.GetValues<SmtpFailureKind>()
        .SelectMany(k => new[] { Encoding.ASCII.GetBytes($"{k}\tfalse\n"), Encoding.ASCII.GetBytes($"{k}\ttrue\n") })
        .ToArray();

    public override void Write(ReadOnlySpan<char> reply, IBufferWriter<byte> output)
    {
        var result = classifier.ClassifyBrief(reply, context);
        byte[] line = Lines[((int)result.Kind * 2) + (result.IsRelayBlock ? 1 : 0)];
        line.CopyTo(output.GetSpan(line.Length));
        output.Advance(line.Length);
    }
}
