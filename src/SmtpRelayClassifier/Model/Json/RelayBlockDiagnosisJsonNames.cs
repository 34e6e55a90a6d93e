#if NET
using System.Text.Json;

namespace SmtpRelayClassifier;

/// <summary>The property names of the diagnosis JSON, encoded once, in the order they are written. Thread-safe.</summary>
internal static class RelayBlockDiagnosisJsonNames
{
    public const int Kind = 0, IsRelayBlock = 1, IsTransient = 2, Stage = 3, ReplyCode = 4, EnhancedStatusCode = 5, Mailbox = 6,
        RuleId = 7, Confidence = 8, Evidence = 9, Causes = 10, Remedies = 11, ResponsibleParty = 12, Source = 13, HResult = 14,
        HResultName = 15, Server = 16, Port = 17, ErrorType = 18, ReplyText = 19, Summary = 20, RecipientAction = 21, RetryAfterSeconds = 22,
        BlockList = 23, ListedItem = 24, HelpLink = 25, IsFailure = 26, NotFailure = 27;

    /// <summary>The names, indexed by the constants above.</summary>
    public static readonly JsonEncodedText[] All =
    [
        JsonEncodedText.Encode("kind"),
        JsonEncodedText.Encode("isRelayBlock"),
        JsonEncodedText.Encode("isTransient"),
        JsonEncodedText.Encode("stage"),
        JsonEncodedText.Encode("replyCode"),
        JsonEncodedText.Encode("enhancedStatusCode"),
        JsonEncodedText.Encode("mailbox"),
        JsonEncodedText.Encode("ruleId"),
        JsonEncodedText.Encode("confidence"),
        JsonEncodedText.Encode("evidence"),
        JsonEncodedText.Encode("causes"),
        JsonEncodedText.Encode("remedies"),
        JsonEncodedText.Encode("responsibleParty"),
        JsonEncodedText.Encode("source"),
        JsonEncodedText.Encode("hresult"),
        JsonEncodedText.Encode("hresultName"),
        JsonEncodedText.Encode("server"),
        JsonEncodedText.Encode("port"),
        JsonEncodedText.Encode("errorType"),
        JsonEncodedText.Encode("replyText"),
        JsonEncodedText.Encode("summary"),
        JsonEncodedText.Encode("recipientAction"),
        JsonEncodedText.Encode("retryAfterSeconds"),
        JsonEncodedText.Encode("blockList"),
        JsonEncodedText.Encode("listedItem"),
        JsonEncodedText.Encode("helpLink"),
        JsonEncodedText.Encode("isFailure"),
        JsonEncodedText.Encode("notFailure"),
    ];
}
#endif
