using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// Writes diagnoses as JSON Lines (one object per input, in input order) with <see cref="Utf8JsonWriter"/>: no
/// reflection, no source generator, property names and enum names encoded once. Every text that may hold an address is
/// shown as the explainer allows (masked by default).
/// </summary>
internal sealed class JsonDiagnosisWriter : IDisposable
{
    private static readonly JsonEncodedText Input = JsonEncodedText.Encode("input");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText IsRelayBlock = JsonEncodedText.Encode("isRelayBlock");
    private static readonly JsonEncodedText IsTransient = JsonEncodedText.Encode("isTransient");
    private static readonly JsonEncodedText Stage = JsonEncodedText.Encode("stage");
    private static readonly JsonEncodedText ReplyCode = JsonEncodedText.Encode("replyCode");
    private static readonly JsonEncodedText Enhanced = JsonEncodedText.Encode("enhancedStatusCode");
    private static readonly JsonEncodedText Mailbox = JsonEncodedText.Encode("mailbox");
    private static readonly JsonEncodedText ReplyText = JsonEncodedText.Encode("replyText");
    private static readonly JsonEncodedText RuleId = JsonEncodedText.Encode("ruleId");
    private static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");
    private static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
    private static readonly JsonEncodedText Strength = JsonEncodedText.Encode("strength");
    private static readonly JsonEncodedText Phrase = JsonEncodedText.Encode("phrase");
    private static readonly JsonEncodedText PhraseOffset = JsonEncodedText.Encode("phraseOffset");
    private static readonly JsonEncodedText PhraseLength = JsonEncodedText.Encode("phraseLength");
    private static readonly JsonEncodedText UsedReplyCode = JsonEncodedText.Encode("usedReplyCode");
    private static readonly JsonEncodedText UsedEnhancedCode = JsonEncodedText.Encode("usedEnhancedCode");
    private static readonly JsonEncodedText UsedStage = JsonEncodedText.Encode("usedStage");
    private static readonly JsonEncodedText Support = JsonEncodedText.Encode("support");
    private static readonly JsonEncodedText ContradictingKind = JsonEncodedText.Encode("contradictingKind");
    private static readonly JsonEncodedText ContradictingRuleId = JsonEncodedText.Encode("contradictingRuleId");
    private static readonly JsonEncodedText ContradictingStrength = JsonEncodedText.Encode("contradictingStrength");
    private static readonly JsonEncodedText Causes = JsonEncodedText.Encode("causes");
    private static readonly JsonEncodedText Remedies = JsonEncodedText.Encode("remedies");
    private static readonly JsonEncodedText Responsible = JsonEncodedText.Encode("responsibleParty");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText HResult = JsonEncodedText.Encode("hresult");
    private static readonly JsonEncodedText HResultName = JsonEncodedText.Encode("hresultName");
    private static readonly JsonEncodedText Server = JsonEncodedText.Encode("server");
    private static readonly JsonEncodedText Port = JsonEncodedText.Encode("port");
    private static readonly JsonEncodedText ErrorType = JsonEncodedText.Encode("errorType");
    private static readonly JsonEncodedText Summary = JsonEncodedText.Encode("summary");
    private static readonly JsonEncodedText Dialog = JsonEncodedText.Encode("dialog");
    private static readonly JsonEncodedText Diagnosis = JsonEncodedText.Encode("diagnosis");

    private static readonly FrozenDictionary<SmtpFailureKind, JsonEncodedText> Kinds = Names<SmtpFailureKind>();
    private static readonly FrozenDictionary<SmtpStage, JsonEncodedText> Stages = Names<SmtpStage>();
    private static readonly FrozenDictionary<FailureCause, JsonEncodedText> CauseNames = Names<FailureCause>();
    private static readonly FrozenDictionary<FailureRemedy, JsonEncodedText> RemedyNames = Names<FailureRemedy>();
    private static readonly FrozenDictionary<ResponsibleParty, JsonEncodedText> Parties = Names<ResponsibleParty>();
    private static readonly FrozenDictionary<DiagnosisSource, JsonEncodedText> Sources = Names<DiagnosisSource>();
    private static readonly FrozenDictionary<DiagnosisConfidence, JsonEncodedText> Confidences = Names<DiagnosisConfidence>();
    private static readonly FrozenDictionary<EvidenceStrength, JsonEncodedText> Strengths = Names<EvidenceStrength>();

    private static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
    private static readonly JsonEncodedText UserMessage = JsonEncodedText.Encode("userMessage");
    private static readonly JsonEncodedText Explanation = JsonEncodedText.Encode("explanation");

    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;
    private readonly Explainer _explainer;

    public JsonDiagnosisWriter(Stream stream, Explainer explainer)
    {
        _stream = stream;
        _explainer = explainer;
        _writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            SkipValidation = true,
        });
    }

    public void Write(ReadOnlySpan<char> input, RelayBlockDiagnosis diagnosis)
    {
        _writer.WriteStartObject();
        _writer.WriteString(Input, _explainer.ShowText(input));
        WriteDiagnosisProperties(diagnosis);
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

    private void WriteDiagnosisProperties(RelayBlockDiagnosis d)
    {
        _writer.WriteString(Kind, Kinds[d.Kind]);
        _writer.WriteBoolean(IsRelayBlock, d.IsRelayBlock);
        _writer.WriteBoolean(IsTransient, d.IsTransient);
        _writer.WriteString(Stage, Stages[d.Stage]);
        if (d.ReplyCode is { } code)
            _writer.WriteNumber(ReplyCode, code);
        else
            _writer.WriteNull(ReplyCode);
        if (d.EnhancedStatusCode is { } enhanced)
            _writer.WriteString(Enhanced, enhanced.ToString());
        else
            _writer.WriteNull(Enhanced);
        if (d.Mailbox is not null)
            _writer.WriteString(Mailbox, _explainer.ShowMailbox(d.Mailbox));
        _writer.WriteString(RuleId, d.RuleId);
        _writer.WriteString(Confidence, Confidences[d.Confidence]);
        WriteEvidence(d.Evidence);
        _writer.WriteStartArray(Causes);
        foreach (var cause in d.Causes)
            _writer.WriteStringValue(CauseNames[cause]);
        _writer.WriteEndArray();
        _writer.WriteStartArray(Remedies);
        foreach (var remedy in d.Remedies)
            _writer.WriteStringValue(RemedyNames[remedy]);
        _writer.WriteEndArray();
        _writer.WriteString(Responsible, Parties[d.ResponsibleParty]);
        _writer.WriteString(Source, Sources[d.Source]);
        if (d.HResult is { } hresult)
        {
            _writer.WriteString(HResult, hresult.ToString());
            if (hresult.Name is not null)
                _writer.WriteString(HResultName, hresult.Name);
        }

        if (d.Server is not null)
            _writer.WriteString(Server, d.Server);
        if (d.Port is { } port)
            _writer.WriteNumber(Port, port);
        if (d.ErrorType is not null)
            _writer.WriteString(ErrorType, d.ErrorType);
        if (d.ReplyText is not null)
            _writer.WriteString(ReplyText, _explainer.ShowText(d.ReplyText));
        _writer.WriteString(Summary, _explainer.ShowText(d.Summary));
        var explanation = _explainer.ExplainForJson(d);
        _writer.WriteString(Language, explanation.Language);
        _writer.WritePropertyName(UserMessage);
        WriteRawString(explanation.UserMessage, explanation.Mailbox);
        _writer.WritePropertyName(Explanation);
        WriteRawString(explanation.Explanation, explanation.Mailbox);
    }

    // What decided, where its phrase stands in the input, and what contradicted it.
    private void WriteEvidence(in DiagnosisEvidence e)
    {
        _writer.WriteStartObject(Evidence);
        _writer.WriteString(Strength, Strengths[e.Strength]);
        if (e.Phrase is not null)
        {
            _writer.WriteString(Phrase, e.Phrase);
            if (e.PhraseRange.End.Value > e.PhraseRange.Start.Value)
            {
                _writer.WriteNumber(PhraseOffset, e.PhraseRange.Start.Value);
                _writer.WriteNumber(PhraseLength, e.PhraseRange.End.Value - e.PhraseRange.Start.Value);
            }
        }

        _writer.WriteBoolean(UsedReplyCode, e.UsedReplyCode);
        _writer.WriteBoolean(UsedEnhancedCode, e.UsedEnhancedCode);
        _writer.WriteBoolean(UsedStage, e.UsedStage);
        _writer.WriteNumber(Support, e.Support);
        if (e.ContradictingKind is { } kind)
        {
            _writer.WriteString(ContradictingKind, Kinds[kind]);
            _writer.WriteString(ContradictingRuleId, e.ContradictingRuleId);
            _writer.WriteString(ContradictingStrength, Strengths[e.ContradictingStrength]);
        }

        _writer.WriteEndObject();
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
        _stream.WriteByte((byte)'\n');
        _writer.Reset();
    }

    private static FrozenDictionary<T, JsonEncodedText> Names<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonEncodedText.Encode(v.ToString()));
}
