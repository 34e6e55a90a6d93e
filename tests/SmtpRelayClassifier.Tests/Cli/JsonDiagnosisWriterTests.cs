using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SmtpRelayClassifier.Cli;
using SmtpRelayClassifier.Tests.Data;
using Xunit;

namespace SmtpRelayClassifier.Tests.Cli;

/// <summary>
/// smtp-classify's JSON lines are the library's diagnosis JSON with the tool's fields beside it: every line validates
/// against <c>schemas/relay-block-diagnosis.schema.json</c>, and the diagnosis in it reads back with the library.
/// </summary>
public class JsonDiagnosisWriterTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(SchemaPath());

    [Theory]
    [InlineData("--json")]
    [InlineData("--json", "--explain")]
    public void ClassifyJson_EveryRealReply_ValidatesAgainstTheSchema(params string[] options)
    {
        var replies = RealReplies.All().ToList();
        string stdin = string.Join('\n', replies.Select(r => r.Reply.Replace("\n", "\\n", StringComparison.Ordinal))) + "\n";

        var (exit, output, _) = CliRunner.Run(stdin, ["classify", .. options]);

        var lines = Lines(output);
        Assert.Equal(0, exit);
        Assert.Equal(replies.Count, lines.Count);
        Assert.Empty(lines.Select(Invalid).Where(e => e is not null));
    }

    [Theory]
    [InlineData("hresult", "0x800CCC79", "--json")]
    [InlineData("hresult", "0x800CCC0E", "--json")]
    [InlineData("classify", "--json", "--show-addresses", "--stage", "rcpt", "554 5.7.1 <bob@example.org>: Relay access denied")]
    [InlineData("classify", "--json", "--lang", "fr", "421 4.7.0 Try again later, closing connection. (EHLO) - gsmtp")]
    [InlineData("classify", "--json", "--why", "553 5.7.1 <hostname[1.2.3.4]>: Client host rejected: Relaying denied - Your IP identified as spammer. Please contact 123")]
    [InlineData("classify", "--json", "--explain", "--lang", "fr", "421 4.7.0 Try again later, closing connection. (EHLO) - gsmtp")]
    [InlineData("classify", "--json", "--explain", "--show-addresses", "554 5.7.1 <bob@example.org>: Relay access denied")]
    public void Json_OtherCommandsAndOptions_ValidateAgainstTheSchema(params string[] args)
    {
        var (exit, output, _) = CliRunner.Run(string.Empty, args);

        Assert.Equal(0, exit);
        Assert.All(Lines(output), line => Assert.Null(Invalid(line)));
    }

    [Fact]
    public void ClassifyWhyJson_EveryRealReply_ValidatesAgainstTheSchema()
    {
        var replies = RealReplies.All().ToList();
        string stdin = string.Join('\n', replies.Select(r => r.Reply.Replace("\n", "\\n", StringComparison.Ordinal))) + "\n";

        var (exit, output, _) = CliRunner.Run(stdin, "classify", "--json", "--why");

        var lines = Lines(output);
        Assert.Equal(0, exit);
        Assert.Equal(replies.Count, lines.Count);
        Assert.Empty(lines.Select(Invalid).Where(e => e is not null));
    }

    [Fact]
    public void OutlookJson_TheDiagnosisBesideTheDialog_ValidatesAgainstTheSchema()
    {
        var (exit, output, _) = CliRunner.Run(KbExample.FrenchDialog, "outlook", "--json");

        var diagnosis = JsonNode.Parse(output)!["diagnosis"]!.ToJsonString();
        Assert.Equal(0, exit);
        Assert.Null(Invalid(diagnosis));
    }

    [Fact]
    public void ClassifyJson_DiagnosisReadsBackWithTheLibrary_EqualToTheMaskedClassification()
    {
        // Postfix smtpd_check.c reject_unauth_destination.
        const string reply = "554 5.7.1 <bob@example.org>: Relay access denied";
        var expected = SmtpFailureClassifier.Default.Classify(reply, SmtpStage.Rcpt);

        var (_, output, _) = CliRunner.Run(string.Empty, "classify", "--json", "--stage", "rcpt", reply);
        var back = JsonSerializer.Deserialize<RelayBlockDiagnosis>(output)!;

        Assert.Equal(expected with { Mailbox = "b***@example.org", ReplyText = "<b***@example.org>: Relay access denied" }, back);
    }

    [Fact]
    public void ClassifyJson_ShowAddresses_DiagnosisReadsBackEqualToTheClassification()
    {
        // Postfix smtpd_check.c reject_unauth_destination.
        const string reply = "554 5.7.1 <bob@example.org>: Relay access denied";

        var (_, output, _) = CliRunner.Run(string.Empty, "classify", "--json", "--show-addresses", reply);

        Assert.Equal(SmtpFailureClassifier.Default.Classify(reply), JsonSerializer.Deserialize<RelayBlockDiagnosis>(output));
    }

    [Fact]
    public void Schema_EnumLists_AreTheLibrarysNames()
    {
        var defs = JsonNode.Parse(File.ReadAllText(SchemaPath()))!["$defs"]!;

        AssertNames<SmtpFailureKind>(defs);
        AssertNames<SmtpStage>(defs);
        AssertNames<FailureCause>(defs);
        AssertNames<FailureRemedy>(defs);
        AssertNames<ResponsibleParty>(defs);
        AssertNames<DiagnosisSource>(defs);
        AssertNames<DiagnosisConfidence>(defs);
        AssertNames<EvidenceStrength>(defs);
        AssertNames<RuleCandidateOutcome>(defs);
    }

    [Fact]
    public void Schema_ALineWithAnUndocumentedProperty_IsInvalid()
    {
        var (_, output, _) = CliRunner.Run(string.Empty, "hresult", "0x800CCC79", "--json");
        var line = JsonNode.Parse(output)!.AsObject();
        line["undocumented"] = 1;

        Assert.NotNull(Invalid(line.ToJsonString()));
    }

    private static void AssertNames<T>(JsonNode defs)
        where T : struct, Enum =>
        Assert.Equal(Enum.GetNames<T>(), defs[typeof(T).Name]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));

    private static List<string> Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    // Null when the line is valid; otherwise the line with what the schema found wrong in it.
    private static string? Invalid(string line)
    {
        var result = Schema.Evaluate(JsonNode.Parse(line), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
            return null;
        var errors = (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        return line + "\n  " + string.Join("\n  ", errors);
    }

    private static string SchemaPath()
    {
        string copied = Path.Combine(AppContext.BaseDirectory, "Schemas", "relay-block-diagnosis.schema.json");
        if (!File.Exists(copied))
            throw new FileNotFoundException("The schema was not copied beside the tests.", copied);
        return copied;
    }
}
