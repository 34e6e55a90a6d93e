using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Json.Schema;
using SmtpRelayClassifier.Cli.Evaluation;
using Xunit;

namespace SmtpRelayClassifier.Tests.Classification.UserRules;

/// <summary>Rule files: the export of the built-in rules read back, its schema, a site's own file, and every error a file can hold.</summary>
public class SmtpFailureRulesJsonTests
{
    // A site's own file: Aliyun mail's relay denial (its documentation, mirrored at
    // http://bestwisewords.com/document_detail/36612.html; Corpus/vendors2.tsv), which the built-in rules read as a 503
    // protocol error, and generic.spam turned off.
    private const string SiteFile = """
        {
          // Our relay's wording.
          "disable": ["generic.spam"],
          "rules": [
            {
              "id": "site.aliyun-not-local",
              "kind": "RelayDenied",
              "vendor": "Aliyun",
              "phrases": ["account isn't a local account"],
              "codes": [503],
              "action": "FixSenderConfiguration",
            }
          ]
        }
        """;

    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", "smtp-rules.schema.json"));

    private static readonly Lazy<string> Exported = new(() => SmtpFailureRules.Export());

    [Fact]
    public void Export_BuiltInRules_LoadBackToTheDefaultAnswersOnTheCorpus()
    {
        var loaded = SmtpFailureRules.Parse(Exported.Value, "export.json");
        var classifier = SmtpFailureClassifier.Create(loaded);
        var entries = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.tsv").SelectMany(CorpusReader.Read).ToList();

        Assert.False(loaded.IncludeBuiltInRules);
        Assert.Equal(SmtpFailureRules.BuiltIn.Count, loaded.Rules.Count);
        Assert.True(entries.Count > 1000, $"Only {entries.Count} corpus entries were read.");
        foreach (var entry in entries)
        {
            var context = SmtpFailureContext.ForStage(entry.Stage);
            var expected = SmtpFailureClassifier.Default.Classify(entry.Reply, context);
            var actual = classifier.Classify(entry.Reply, context);
            Assert.True(expected == actual, $"{entry.File}:{entry.Line}: {expected.Kind} by {expected.RuleId}, but {actual.Kind} by {actual.RuleId} from the export");
        }
    }

    [Fact]
    public void Export_BuiltInRules_ValidatesAgainstTheSchema()
    {
        var result = Schema.Evaluate(JsonNode.Parse(Exported.Value), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void Schema_SiteFileWithAnUnknownField_IsInvalid()
    {
        var file = JsonNode.Parse(SiteFile.Replace("// Our relay's wording.", string.Empty, StringComparison.Ordinal).Replace("\",\n    }", "\"\n    }", StringComparison.Ordinal),
            documentOptions: new System.Text.Json.JsonDocumentOptions { AllowTrailingCommas = true })!;
        Assert.True(Schema.Evaluate(file).IsValid);
        file["rules"]![0]!["phrase"] = "singular";

        Assert.False(Schema.Evaluate(file).IsValid);
    }

    [Fact]
    public void Export_Options_LoadBackToTheSameFile()
    {
        var options = new SmtpFailureClassifierOptions
        {
            DisabledRuleIds = ["generic.spam"],
            Rules =
            [
                new SmtpFailureRuleDefinition
                {
                    Id = "site.all-fields", Kind = SmtpFailureKind.ClientBlocked, Strength = EvidenceStrength.Phrase, Vendor = "Site",
                    Phrases = ["banned"], AllPhrases = ["the sender"], NotPhrases = ["not banned"], Stages = [SmtpStage.Mail, SmtpStage.Rcpt],
                    StageRequired = true, Codes = [550, 554], CodeClass = 5, EnhancedCodes = ["5.7.x", "x.7.606-649"], Causes = [FailureCause.ClientOnBlockList],
                    Remedies = [], Responsible = ResponsibleParty.NetworkProvider, Confidence = DiagnosisConfidence.Medium,
                    Transience = SmtpFailureRuleTransience.Never, Action = RecipientAction.RetryFromElsewhere,
                    HelpLink = new Uri("https://example.org/why"), Summary = "The site's relay refuses this sender's address block.",
                },
            ],
        };
        string exported = SmtpFailureRules.Export(options);

        var loaded = SmtpFailureRules.Parse(exported);

        Assert.Equal(exported, SmtpFailureRules.Export(loaded));
        Assert.Contains("\"remedies\": []", exported, StringComparison.Ordinal);
        Assert.Equal(["generic.spam"], loaded.DisabledRuleIds);
        Assert.True(loaded.IncludeBuiltInRules);
    }

    [Fact]
    public void Load_SiteFile_ClassifiesWithItsRuleAndWithoutTheDisabledOne()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, SiteFile, new UTF8Encoding(true));
        try
        {
            var classifier = SmtpFailureClassifier.Create(SmtpFailureRules.Load(path));
            var d = classifier.Classify("503 Rcptto account isn't a local account", SmtpFailureContext.ForStage(SmtpStage.Rcpt));

            Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
            Assert.Equal("site.aliyun-not-local", d.RuleId);
            Assert.NotEqual("generic.spam", classifier.Classify("550 Message rejected as spam").RuleId);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_Stream_NamesTheFileInErrors()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{ "rules": [ { "id": "site.a", "kind": "Nope", "codes": [550] } ] }"""));

        var e = Assert.Throws<SmtpRuleFileException>(() => SmtpFailureRules.Load(stream, "site.json"));

        Assert.Equal("site.json", e.FileName);
        Assert.Equal("site.json(1,40): rule #1 'site.a', field 'kind': The property 'kind' holds 'Nope', which is not a SmtpFailureKind name.", Assert.Single(e.Errors));
    }

    [Theory]
    [InlineData("""{ "rules": [ { "id": "site.a", "kind": "RelayDenied", "phrase": ["relay"] } ] }""", "(1,55): rule #1 'site.a', field 'phrase': is not a field of a rule")]
    [InlineData("""{ "rule": [] }""", "(1,3): 'rule' is not a field of a rule file")]
    [InlineData("""{ "rules": [ { "id": "site.a", "kind": "RelayDenied", "codes": "550" } ] }""", "(1,64): rule #1 'site.a', field 'codes': The property 'codes' must be an array of whole numbers; it is a JSON string.")]
    [InlineData("""{ "rules": [ { "id": 7, "kind": "RelayDenied", "codes": [550] } ] }""", "(1,22): rule #1, field 'id': The property 'id' must be a string; it is a JSON number.")]
    [InlineData("""{ "rules": [ { "id": "site.a", "kind": "RelayDenied", "stages": ["Rcpt", "Helo"] } ] }""", "(1,74): rule #1 'site.a', field 'stages': The property 'stages' holds 'Helo', which is not a SmtpStage name.")]
    [InlineData("""{ "rules": [ { "id": "site.a", "kind": "RelayDenied", "codes": [550], "causes": ["Spam"] } ] }""", "rule #1 'site.a', field 'causes': The property 'causes' holds 'Spam', which is not a FailureCause name.")]
    [InlineData("""{ "rules": [ { "id": "site.a", "kind": "RelayDenied", "codes": [550], "remedies": ["Pray"] } ] }""", "field 'remedies': The property 'remedies' holds 'Pray', which is not a FailureRemedy name.")]
    [InlineData("""{ "rules": [ { "id": "site.a", "kind": "RelayDenied", "codes": [550], "action": "Ignore" } ] }""", "field 'action': The property 'action' holds 'Ignore', which is not a RecipientAction name.")]
    [InlineData("""{ "rules": [ { "id": "site.a", "kind": "RelayDenied", "phrases": [" "] } ] }""", "(1,66): rule #1 'site.a', field 'phrases': a phrase must not be empty")]
    [InlineData("""{ "rules": [ { "id": "site.a", "kind": "RelayDenied", "enhancedCodes": ["5.7.one"] } ] }""", "field 'enhancedCodes': '5.7.one' is not an enhanced code")]
    [InlineData("""{ "rules": [ { "id": "site.a", "kind": "RelayDenied", "codes": [1550] } ] }""", "field 'codes': 1550 is not a reply code (200 to 599)")]
    [InlineData("""{ "rules": [ { "kind": "RelayDenied", "codes": [550] } ] }""", "(1,14): rule #1, field 'id': is required")]
    [InlineData("""{ "rules": [ { "id": "site.a", "id": "site.b", "kind": "RelayDenied", "codes": [550] } ] }""", "field 'id': is given twice")]
    [InlineData("""{ "rules": [ 5 ] }""", "(1,14): rule #1: must be a JSON object")]
    [InlineData("""{ "rules": [ { "id": "site.a", "kind": "RelayDenied", "codes": [550] }, { "id": "site.a", "kind": "RelayDenied", "codes": [551] } ] }""",
        "(1,81): rule #2 'site.a', field 'id': 'site.a' is the id of rule #1 too")]
    [InlineData("""{ "rules": [ { "id": "postfix.relay-access-denied", "kind": "RelayDenied", "codes": [550] } ] }""",
        "rule #1 'postfix.relay-access-denied', field 'id': 'postfix.relay-access-denied' is the id of a built-in rule")]
    [InlineData("""{ "disable": ["generic.spam", "generic.spamm"] }""", "(1,31): field 'disable' #2: 'generic.spamm' is not the id of a built-in rule")]
    [InlineData("""{ "disable": "generic.spam" }""", "(1,14): field 'disable' must be a JSON array")]
    [InlineData("""{ "includeBuiltInRules": false, "rules": [] }""", "(1,26): field 'includeBuiltInRules': without the built-in rules, one rule must need no evidence")]
    [InlineData("""[ { "id": "site.a" } ]""", "(1,1): a rule file is a JSON object")]
    [InlineData("{ \"rules\": [\n  { \"id\": \"site.a\",\n    \"kind\": \"RelayDenied\" \"codes\": [550] } ] }", "(3,27): not well-formed JSON:")]
    public void Load_BadFile_NamesTheFileTheRuleAndTheField(string json, string error)
    {
        var e = Assert.Throws<SmtpRuleFileException>(() => SmtpFailureRules.Parse(json, "site.json"));

        Assert.True(e.Errors.Any(x => x.StartsWith("site.json", StringComparison.Ordinal) && x.Contains(error, StringComparison.Ordinal)), string.Join("\n", e.Errors));
        Assert.Contains(error, e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(e);
    }

    [Fact]
    public void Load_SeveralErrors_ReportsEveryOneInFileOrder()
    {
        const string json = """
            {
              "disable": ["generic.nothing"],
              "rules": [
                { "id": "site.a", "kind": "Relaydenied", "codes": [99] },
                { "id": "site.b", "kind": "RelayDenied", "enhancedCodes": ["5.7"], "stages": ["Elsewhere"], "colour": "red" }
              ]
            }
            """;

        var e = Assert.Throws<SmtpRuleFileException>(() => SmtpFailureRules.Parse(json, "site.json"));

        Assert.Equal(
            [
                "site.json(2,15): field 'disable' #1: 'generic.nothing' is not the id of a built-in rule",
                "site.json(4,55): rule #1 'site.a', field 'codes': 99 is not a reply code (200 to 599)",
                "site.json(5,63): rule #2 'site.b', field 'enhancedCodes': '5.7' is not an enhanced code such as 5.7.1, x.7.1, 5.7.x or 5.7.606-649",
                "site.json(5,83): rule #2 'site.b', field 'stages': The property 'stages' holds 'Elsewhere', which is not a SmtpStage name.",
                "site.json(5,97): rule #2 'site.b', field 'colour': is not a field of a rule (id, kind, strength, vendor, phrases, allPhrases, notPhrases, stages, stageRequired, codes, codeClass, enhancedCodes, causes, remedies, responsible, confidence, transience, action, helpLink, summary)",
            ],
            e.Errors);
        Assert.StartsWith("The rule file 'site.json' has 5 errors:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_RuleFileExample_DecidesTheRepliesItNames()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        int marker = readme.IndexOf("<!-- rule-file-example -->\n```json\n", StringComparison.Ordinal);
        Assert.True(marker >= 0, "README.md has no rule-file example.");
        int start = readme.IndexOf('{', marker);
        string json = readme[start..readme.IndexOf("\n```", start, StringComparison.Ordinal)];

        var classifier = SmtpFailureClassifier.Create(SmtpFailureRules.Parse(json, "README.md"));
        var aliyun = classifier.Classify("503 Rcptto account isn't a local account", SmtpFailureContext.ForStage(SmtpStage.Rcpt));
        var smtpf = classifier.Classify("550 5.7.1 UUCP addressing denied #132", SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        Assert.Equal(("site.aliyun-not-local", SmtpFailureKind.RelayDenied), (aliyun.RuleId, aliyun.Kind));
        Assert.Equal(("site.smtpf-uucp-denied", SmtpFailureKind.RelayDenied), (smtpf.RuleId, smtpf.Kind));
        Assert.Equal(new Uri("http://www.snertsoft.com/smtp/smtpf/reply.html"), smtpf.HelpLink);
        Assert.True(Schema.Evaluate(JsonNode.Parse(json)).IsValid);
    }

    [Fact]
    public void Load_MissingFile_ThrowsIOException()
    {
        Assert.Throws<FileNotFoundException>(() => SmtpFailureRules.Load(Path.Combine(Path.GetTempPath(), $"none-{Guid.NewGuid():N}.json")));
    }

    [Fact]
    public void Load_EmptyFile_IsAnError()
    {
        var e = Assert.Throws<SmtpRuleFileException>(() => SmtpFailureRules.Parse(string.Empty, "site.json"));

        Assert.Contains("the file is empty", Assert.Single(e.Errors), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmtpRelayClassifier.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("SmtpRelayClassifier.sln was not found above " + AppContext.BaseDirectory);
    }
}
