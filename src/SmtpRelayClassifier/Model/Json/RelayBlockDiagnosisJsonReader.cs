#if NET
using System;
using System.Collections.Generic;
using System.Text.Json;
using F = SmtpRelayClassifier.RelayBlockDiagnosisJsonNames;

namespace SmtpRelayClassifier;

/// <summary>
/// Reads a diagnosis object: properties in any order, unknown ones skipped, <c>hresultName</c> ignored (the name comes
/// back from the library's table) and <c>isFailure</c> too (it follows from <c>notFailure</c>). Every error is a <see cref="JsonException"/> that names the property. Thread-safe.
/// </summary>
internal static class RelayBlockDiagnosisJsonReader
{
    private const string Where = "a RelayBlockDiagnosis object";

    public static RelayBlockDiagnosis Read(ref Utf8JsonReader reader)
    {
        JsonRead.StartObject(ref reader, "A RelayBlockDiagnosis");
        SmtpFailureKind? kind = null;
        string? ruleId = null, summary = null, mailbox = null, replyText = null, server = null, errorType = null;
        bool isRelayBlock = false, isTransient = false;
        var stage = SmtpStage.Unknown;
        int? replyCode = null, port = null;
        EnhancedStatusCode? enhanced = null;
        OutlookHResult? hresult = null;
        var confidence = DiagnosisConfidence.Low;
        var evidence = default(DiagnosisEvidence);
        IReadOnlyList<FailureCause> causes = [];
        IReadOnlyList<FailureRemedy> remedies = [];
        var responsible = ResponsibleParty.Unknown;
        var source = DiagnosisSource.Unknown;
        var action = RecipientAction.Review;
        TimeSpan? retryAfter = null;
        BlockList? blockList = null;
        string? listedItem = null;
        Uri? helpLink = null;
        var notFailure = NotFailureKind.None;

        while (true)
        {
            JsonRead.Next(ref reader, Where);
            if (reader.TokenType == JsonTokenType.EndObject)
                break;
            int index = JsonRead.PropertyIndex(ref reader, F.All);
            if (index is < 0 or F.HResultName or F.IsFailure)
            {
                JsonRead.SkipValue(ref reader, Where);
                continue;
            }

            string name = F.All[index].Value;
            JsonRead.Next(ref reader, name);
            bool isNull = reader.TokenType == JsonTokenType.Null;
            switch (index)
            {
                case F.Kind: kind = JsonEnumNames<SmtpFailureKind>.Read(ref reader, name); break;
                case F.IsRelayBlock: isRelayBlock = JsonRead.Boolean(ref reader, name); break;
                case F.IsTransient: isTransient = JsonRead.Boolean(ref reader, name); break;
                case F.Stage: stage = JsonEnumNames<SmtpStage>.Read(ref reader, name); break;
                case F.ReplyCode: replyCode = JsonRead.Int32OrNull(ref reader, name); break;
                case F.EnhancedStatusCode: enhanced = isNull ? null : EnhancedStatusCodeJsonConverter.ReadValue(ref reader, name); break;
                case F.Mailbox: mailbox = JsonRead.StringOrNull(ref reader, name); break;
                case F.RuleId: ruleId = JsonRead.String(ref reader, name); break;
                case F.Confidence: confidence = JsonEnumNames<DiagnosisConfidence>.Read(ref reader, name); break;
                case F.Evidence: evidence = isNull ? default : DiagnosisEvidenceJsonConverter.ReadValue(ref reader); break;
                case F.Causes: causes = ReadArray<FailureCause>(ref reader, name); break;
                case F.Remedies: remedies = ReadArray<FailureRemedy>(ref reader, name); break;
                case F.ResponsibleParty: responsible = JsonEnumNames<ResponsibleParty>.Read(ref reader, name); break;
                case F.Source: source = JsonEnumNames<DiagnosisSource>.Read(ref reader, name); break;
                case F.HResult: hresult = isNull ? null : OutlookHResultJsonConverter.ReadValue(ref reader, name); break;
                case F.Server: server = JsonRead.StringOrNull(ref reader, name); break;
                case F.Port: port = JsonRead.Int32OrNull(ref reader, name); break;
                case F.ErrorType: errorType = JsonRead.StringOrNull(ref reader, name); break;
                case F.ReplyText: replyText = JsonRead.StringOrNull(ref reader, name); break;
                case F.RecipientAction: action = JsonEnumNames<RecipientAction>.Read(ref reader, name); break;
                case F.RetryAfterSeconds: retryAfter = isNull ? null : Seconds(ref reader, name); break;
                case F.BlockList: blockList = isNull ? null : BlockListJson.Read(ref reader); break;
                case F.ListedItem: listedItem = JsonRead.StringOrNull(ref reader, name); break;
                case F.HelpLink: helpLink = isNull ? null : BlockListJson.Link(ref reader, name); break;
                case F.NotFailure: notFailure = isNull ? NotFailureKind.None : JsonEnumNames<NotFailureKind>.Read(ref reader, name); break;
                default: summary = JsonRead.String(ref reader, name); break;
            }
        }

        return new RelayBlockDiagnosis
        {
            Kind = kind ?? throw Missing(F.Kind),
            NotFailure = notFailure,
            IsRelayBlock = isRelayBlock,
            IsTransient = isTransient,
            RecipientAction = action,
            RetryAfter = retryAfter,
            Stage = stage,
            ReplyCode = replyCode,
            EnhancedStatusCode = enhanced,
            Mailbox = mailbox,
            ReplyText = replyText,
            Causes = causes,
            Remedies = remedies,
            ResponsibleParty = responsible,
            Source = source,
            RuleId = ruleId ?? throw Missing(F.RuleId),
            Confidence = confidence,
            Evidence = evidence,
            HResult = hresult,
            Server = server,
            Port = port,
            ErrorType = errorType,
            BlockList = blockList,
            ListedItem = listedItem,
            HelpLink = helpLink,
            Summary = summary ?? throw Missing(F.Summary),
        };
    }

    private static T[] ReadArray<T>(ref Utf8JsonReader reader, string property)
        where T : struct, Enum
    {
        if (reader.TokenType == JsonTokenType.Null)
            return [];
        if (reader.TokenType != JsonTokenType.StartArray)
            throw JsonRead.Invalid(property, $"an array of {typeof(T).Name} names", reader.TokenType);
        var values = new List<T>();
        while (true)
        {
            JsonRead.Next(ref reader, property);
            if (reader.TokenType == JsonTokenType.EndArray)
                return values.Count == 0 ? [] : values.ToArray();
            values.Add(JsonEnumNames<T>.Read(ref reader, property));
        }
    }

    private static TimeSpan Seconds(ref Utf8JsonReader reader, string property) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double seconds) && seconds >= 0 && seconds <= TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw JsonRead.Invalid(property, "a number of seconds from 0", reader.TokenType);

    private static JsonException Missing(int index) =>
        new($"The required property '{F.All[index].Value}' of a RelayBlockDiagnosis is missing.");
}
#endif
