#if NET
using System.Text.Json;

namespace SmtpRelayClassifier;

/// <summary>The property names of a rule file, encoded once; the index constants are positions in <see cref="Rule"/> and <see cref="File"/>. Thread-safe.</summary>
internal static class RuleFileNames
{
    public const int Id = 0, Kind = 1, Strength = 2, Vendor = 3, Phrases = 4, AllPhrases = 5, NotPhrases = 6, Stages = 7, StageRequired = 8,
        Codes = 9, CodeClass = 10, EnhancedCodes = 11, Causes = 12, Remedies = 13, Responsible = 14, Confidence = 15, Transience = 16,
        Action = 17, HelpLink = 18, Summary = 19;

    public const int Schema = 0, IncludeBuiltInRules = 1, Disable = 2, Rules = 3;

    /// <summary>A rule's fields, in the order they are written.</summary>
    public static readonly JsonEncodedText[] Rule =
    [
        JsonEncodedText.Encode("id"), JsonEncodedText.Encode("kind"), JsonEncodedText.Encode("strength"), JsonEncodedText.Encode("vendor"),
        JsonEncodedText.Encode("phrases"), JsonEncodedText.Encode("allPhrases"), JsonEncodedText.Encode("notPhrases"),
        JsonEncodedText.Encode("stages"), JsonEncodedText.Encode("stageRequired"), JsonEncodedText.Encode("codes"),
        JsonEncodedText.Encode("codeClass"), JsonEncodedText.Encode("enhancedCodes"), JsonEncodedText.Encode("causes"),
        JsonEncodedText.Encode("remedies"), JsonEncodedText.Encode("responsible"), JsonEncodedText.Encode("confidence"),
        JsonEncodedText.Encode("transience"), JsonEncodedText.Encode("action"), JsonEncodedText.Encode("helpLink"),
        JsonEncodedText.Encode("summary"),
    ];

    /// <summary>The file's own fields.</summary>
    public static readonly JsonEncodedText[] File =
    [
        JsonEncodedText.Encode("$schema"), JsonEncodedText.Encode("includeBuiltInRules"), JsonEncodedText.Encode("disable"),
        JsonEncodedText.Encode("rules"),
    ];

    /// <summary>The names of <paramref name="names"/>, for an error about a field that is none of them.</summary>
    public static string List(JsonEncodedText[] names) => string.Join(", ", System.Linq.Enumerable.Select(names, n => n.Value));
}
#endif
