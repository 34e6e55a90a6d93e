#if NET
using System.Text.Json;
using F = SmtpRelayClassifier.RelayBlockDiagnosisJsonNames;

namespace SmtpRelayClassifier;

/// <summary>
/// Writes a diagnosis's properties with pre-encoded names and enum names, codes formatted on the stack: no reflection
/// and no allocation of its own. <c>replyCode</c> and <c>enhancedStatusCode</c> are written as null when absent, the
/// other absent values are left out; <c>retryAfterSeconds</c> is <see cref="RelayBlockDiagnosis.RetryAfter"/> in seconds. Thread-safe.
/// </summary>
internal static class RelayBlockDiagnosisJsonWriter
{
    public static void WriteProperties(Utf8JsonWriter writer, RelayBlockDiagnosis d)
    {
        var names = F.All;
        JsonEnumNames<SmtpFailureKind>.Write(writer, names[F.Kind], d.Kind);
        writer.WriteBoolean(names[F.IsRelayBlock], d.IsRelayBlock);
        writer.WriteBoolean(names[F.IsTransient], d.IsTransient);
        JsonEnumNames<SmtpStage>.Write(writer, names[F.Stage], d.Stage);
        if (d.ReplyCode is { } code)
            writer.WriteNumber(names[F.ReplyCode], code);
        else
            writer.WriteNull(names[F.ReplyCode]);
        if (d.EnhancedStatusCode is { } enhanced)
            writer.WriteString(names[F.EnhancedStatusCode], EnhancedStatusCodeJsonConverter.Format(enhanced, stackalloc byte[EnhancedStatusCodeJsonConverter.MaxLength]));
        else
            writer.WriteNull(names[F.EnhancedStatusCode]);
        if (d.Mailbox is not null)
            writer.WriteString(names[F.Mailbox], d.Mailbox);
        writer.WriteString(names[F.RuleId], d.RuleId);
        JsonEnumNames<DiagnosisConfidence>.Write(writer, names[F.Confidence], d.Confidence);
        writer.WritePropertyName(names[F.Evidence]);
        DiagnosisEvidenceJsonConverter.WriteValue(writer, d.Evidence);
        writer.WriteStartArray(names[F.Causes]);
        var causes = d.Causes;
        for (int i = 0; i < causes.Count; i++)
            JsonEnumNames<FailureCause>.WriteValue(writer, causes[i]);
        writer.WriteEndArray();
        writer.WriteStartArray(names[F.Remedies]);
        var remedies = d.Remedies;
        for (int i = 0; i < remedies.Count; i++)
            JsonEnumNames<FailureRemedy>.WriteValue(writer, remedies[i]);
        writer.WriteEndArray();
        JsonEnumNames<ResponsibleParty>.Write(writer, names[F.ResponsibleParty], d.ResponsibleParty);
        JsonEnumNames<DiagnosisSource>.Write(writer, names[F.Source], d.Source);
        if (d.HResult is { } hresult)
        {
            writer.WriteString(names[F.HResult], OutlookHResultJsonConverter.Format(hresult, stackalloc byte[OutlookHResultJsonConverter.Length]));
            if (hresult.Name is not null)
                writer.WriteString(names[F.HResultName], hresult.Name);
        }

        if (d.Server is not null)
            writer.WriteString(names[F.Server], d.Server);
        if (d.Port is { } port)
            writer.WriteNumber(names[F.Port], port);
        if (d.ErrorType is not null)
            writer.WriteString(names[F.ErrorType], d.ErrorType);
        if (d.ReplyText is not null)
            writer.WriteString(names[F.ReplyText], d.ReplyText);
        writer.WriteString(names[F.Summary], d.Summary);
        JsonEnumNames<RecipientAction>.Write(writer, names[F.RecipientAction], d.RecipientAction);
        if (d.RetryAfter is { } retryAfter)
            writer.WriteNumber(names[F.RetryAfterSeconds], retryAfter.TotalSeconds);
        if (d.BlockList is { } list)
            BlockListJson.Write(writer, names[F.BlockList], list);
        if (d.ListedItem is not null)
            writer.WriteString(names[F.ListedItem], d.ListedItem);
        if (d.HelpLink is { } link)
            writer.WriteString(names[F.HelpLink], link.OriginalString);
        writer.WriteBoolean(names[F.IsFailure], d.IsFailure);
        if (d.NotFailure != NotFailureKind.None)
            JsonEnumNames<NotFailureKind>.Write(writer, names[F.NotFailure], d.NotFailure);
    }
}
#endif
