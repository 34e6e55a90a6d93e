using System;
using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// Writes diagnoses as JSON Lines (one object per input, in input order) with <see cref="Utf8JsonWriter"/>: no
/// reflection, no source generator, property names and enum names encoded once. The diagnosis is written by the
/// library (<see cref="RelayBlockDiagnosisJson.WriteProperties"/>), the tool's own fields beside it; the explanation in
/// the run's language (<c>language</c>, <c>userMessage</c>, <c>explanation</c>) only when asked for. Every text that may
/// hold an address is shown as the explainer allows (masked by default): the masking happens here, before the library
/// writes, since the library's JSON is the full value. Writes to a stream, or to a buffer (<see cref="Target"/>) that
/// the caller writes out in blocks. Not thread-safe: one per thread.
/// </summary>
internal sealed class JsonDiagnosisWriter : IDisposable
{
    private static readonly JsonEncodedText Input = JsonEncodedText.Encode("input");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText IsRelayBlock = JsonEncodedText.Encode("isRelayBlock");
    private static readonly JsonEncodedText IsTransient = JsonEncodedText.Encode("isTransient");
    private static readonly JsonEncodedText RuleId = JsonEncodedText.Encode("ruleId");
    private static readonly JsonEncodedText Summary = JsonEncodedText.Encode("summary");
    private static readonly JsonEncodedText Dialog = JsonEncodedText.Encode("dialog");
    private static readonly JsonEncodedText Diagnosis = JsonEncodedText.Encode("diagnosis");

    private static readonly FrozenDictionary<SmtpFailureKind, JsonEncodedText> Kinds =
        Enum.GetValues<SmtpFailureKind>().ToFrozenDictionary(v => v, v => JsonEncodedText.Encode(v.ToString()));

    private static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
    private static readonly JsonEncodedText UserMessage = JsonEncodedText.Encode("userMessage");
    private static readonly JsonEncodedText Explanation = JsonEncodedText.Encode("explanation");

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly Stream? _stream;
    private readonly Utf8JsonWriter _writer;
    private readonly Explainer _explainer;
    private readonly bool _explain;
    private IBufferWriter<byte>? _buffer;

    /// <summary>Writes each object, then its line end, to <paramref name="stream"/>; with the explanation unless <paramref name="explain"/> is false.</summary>
    public JsonDiagnosisWriter(Stream stream, Explainer explainer, bool explain = true)
    {
        _stream = stream;
        _explainer = explainer;
        _explain = explain;
        _writer = new Utf8JsonWriter(stream, WriterOptions);
    }

    /// <summary>Writes each line into <paramref name="buffer"/>, which the caller writes out; with the explanation when <paramref name="explain"/>.</summary>
    public JsonDiagnosisWriter(IBufferWriter<byte> buffer, Explainer explainer, bool explain)
    {
        _buffer = buffer;
        _explainer = explainer;
        _explain = explain;
        _writer = new Utf8JsonWriter(buffer, WriterOptions);
    }

    /// <summary>The buffer the next lines go to (a writer made for a buffer only).</summary>
    public void Target(IBufferWriter<byte> buffer)
    {
        if (ReferenceEquals(buffer, _buffer))
            return;
        _buffer = buffer;
        _writer.Reset(buffer);
    }

    /// <summary>Writes an input and its diagnosis; with <paramref name="why"/> (<c>--why</c>), the rules weighed as a <c>why</c> array.</summary>
    public void Write(ReadOnlySpan<char> input, RelayBlockDiagnosis diagnosis, IReadOnlyList<RuleCandidate>? why = null)
    {
        _writer.WriteStartObject();
        _writer.WriteString(Input, _explainer.ShowText(input));
        WriteDiagnosisProperties(diagnosis);
        if (why is not null)
            WhyJsonWriter.Write(_writer, why);
        _writer.WriteEndObject();
        EndLine();
    }

    public void Write(OutlookErrorDialog dialog, RelayBlockDiagnosis diagnosis)
    {
        _writer.WriteStartObject();
        _writer.WriteStartObject(Dialog);
        WriteIfNotNull("message", _explainer.ShowText(dialog.Message));
        WriteIfNotNull("rejectedAddress", _explainer.ShowMailbox(dialog.RejectedAddress));
        WriteIfNotNull("subject", _explainer.ShowText(dialog.Subject));
        WriteIfNotNull("account", _explainer.ShowText(dialog.Account));
        WriteIfNotNull("server", _explainer.ShowText(dialog.Server));
        WriteIfNotNull("protocol", dialog.Protocol);
        WriteIfNotNull("serverResponse", _explainer.ShowText(dialog.ServerResponse));
        if (dialog.Port is { } port)
            _writer.WriteNumber("port", port);
        if (dialog.Secure is { } secure)
            _writer.WriteBoolean("secure", secure);
        WriteIfNotNull("serverError", dialog.ServerError);
        if (dialog.SocketError is { } socket)
            _writer.WriteNumber("socketError", socket);
        WriteIfNotNull("errorNumber", dialog.ErrorNumber?.ToString());
        _writer.WriteString("language", dialog.Language);
        _writer.WriteEndObject();
        _writer.WriteStartObject(Diagnosis);
        WriteDiagnosisProperties(diagnosis);
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        EndLine();
    }

    public void Write(SmtpRelayClassifier.Probing.RelayProbeReport report)
    {
        _writer.WriteStartObject();
        _writer.WriteString("host", report.Host);
        _writer.WriteString("verdict", report.Verdict.ToString());
        _writer.WriteString(Summary, _explainer.ShowText(report.Summary));
        _writer.WriteStartArray("ports");
        foreach (var port in report.Ports)
        {
            _writer.WriteStartObject();
            _writer.WriteNumber("port", port.Port);
            _writer.WriteString("reachability", port.Reachability.ToString());
            _writer.WriteBoolean("implicitTls", port.ImplicitTls);
            WriteIfNotNull("greeting", _explainer.ShowText(port.Greeting));
            WriteStrings("capabilitiesBeforeTls", port.CapabilitiesBeforeTls);
            WriteStrings("capabilitiesAfterTls", port.CapabilitiesAfterTls);
            _writer.WriteBoolean("tlsEstablished", port.TlsEstablished);
            WriteIfNotNull("tlsError", _explainer.ShowText(port.TlsError));
            WriteStrings("authenticationMechanisms", port.AuthenticationMechanisms);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.WriteStartArray("steps");
        foreach (var step in report.Steps)
        {
            _writer.WriteStartObject();
            _writer.WriteString("kind", step.Kind.ToString());
            _writer.WriteNumber("port", step.Port);
            _writer.WriteString("outcome", step.Outcome.ToString());
            _writer.WriteString("description", _explainer.ShowText(step.Description));
            WriteIfNotNull("address", _explainer.ShowMailbox(step.Address));
            if (step.ReplyCode is { } code)
                _writer.WriteNumber("replyCode", code);
            WriteIfNotNull("reply", _explainer.ShowText(step.Reply));
            _writer.WriteNumber("milliseconds", Math.Round(step.Duration.TotalMilliseconds, 1));
            if (step.Diagnosis is { } stepDiagnosis)
            {
                _writer.WriteStartObject("diagnosis");
                _writer.WriteString(Kind, Kinds[stepDiagnosis.Kind]);
                _writer.WriteString(RuleId, stepDiagnosis.RuleId);
                _writer.WriteBoolean(IsRelayBlock, stepDiagnosis.IsRelayBlock);
                _writer.WriteBoolean(IsTransient, stepDiagnosis.IsTransient);
                _writer.WriteEndObject();
            }

            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.WriteStartArray("transcript");
        foreach (var line in report.Transcript)
            _writer.WriteStringValue(_explainer.ShowText($"{line.Port} {line}"));
        _writer.WriteEndArray();
        if (report.Diagnosis is { } diagnosis)
        {
            _writer.WriteStartObject(Diagnosis);
            WriteDiagnosisProperties(diagnosis);
            _writer.WriteEndObject();
        }
        else
        {
            _writer.WriteNull(Diagnosis);
        }

        _writer.WriteEndObject();
        EndLine();
    }

    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();

    // The library's shape of the diagnosis (schemas/relay-block-diagnosis.schema.json), with its addresses shown as the
    // explainer allows, then, when asked for, the explanation in the run's language.
    private void WriteDiagnosisProperties(RelayBlockDiagnosis d)
    {
        RelayBlockDiagnosisJson.WriteProperties(_writer, Shown(d));
        if (!_explain)
            return;
        var explanation = _explainer.ExplainForJson(d);
        _writer.WriteString(Language, explanation.Language);
        _writer.WritePropertyName(UserMessage);
        WriteRawString(explanation.UserMessage, explanation.Mailbox);
        _writer.WritePropertyName(Explanation);
        WriteRawString(explanation.Explanation, explanation.Mailbox);
    }

    // The diagnosis with its mailbox, reply text and summary as the output shows them; the same instance when none changes.
    private RelayBlockDiagnosis Shown(RelayBlockDiagnosis d)
    {
        string? mailbox = _explainer.ShowMailbox(d.Mailbox);
        string? replyText = _explainer.ShowText(d.ReplyText);
        string summary = _explainer.ShowText(d.Summary);
        return ReferenceEquals(mailbox, d.Mailbox) && ReferenceEquals(replyText, d.ReplyText) && ReferenceEquals(summary, d.Summary)
            ? d
            : d with { Mailbox = mailbox, ReplyText = replyText, Summary = summary };
    }

    // The pieces are already escaped JSON string content; only the quotes and the address go between them.
    private void WriteRawString(byte[][] pieces, byte[]? mailbox)
    {
        int length = 2;
        foreach (var piece in pieces)
            length += piece.Length;
        length += (pieces.Length - 1) * (mailbox?.Length ?? 0);
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        int at = 0;
        buffer[at++] = (byte)'"';
        for (int i = 0; i < pieces.Length; i++)
        {
            if (i > 0 && mailbox is not null)
            {
                mailbox.CopyTo(buffer, at);
                at += mailbox.Length;
            }

            pieces[i].CopyTo(buffer, at);
            at += pieces[i].Length;
        }

        buffer[at++] = (byte)'"';
        _writer.WriteRawValue(buffer.AsSpan(0, at), skipInputValidation: true);
        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
    }

    private void WriteIfNotNull(string name, string? value)
    {
        if (value is not null)
            _writer.WriteString(name, value);
    }

    private void WriteStrings(string name, System.Collections.Generic.IReadOnlyList<string> values)
    {
        _writer.WriteStartArray(name);
        foreach (string value in values)
            _writer.WriteStringValue(value);
        _writer.WriteEndArray();
    }

    private void EndLine()
    {
        _writer.Flush();
        if (_stream is not null)
        {
            _stream.WriteByte((byte)'\n');
        }
        else
        {
            _buffer!.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);
        }

        _writer.Reset();
    }
}
