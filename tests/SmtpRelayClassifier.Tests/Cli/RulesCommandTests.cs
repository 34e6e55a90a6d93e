using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace SmtpRelayClassifier.Tests.Cli;

/// <summary><c>smtp-classify rules export</c> and <c>--rules FILE</c> of <c>classify</c> and <c>scan</c>, with their exit codes.</summary>
public sealed class RulesCommandTests : IDisposable
{
    // Aliyun mail's relay denial (its documentation, mirrored at http://bestwisewords.com/document_detail/36612.html;
    // Corpus/vendors2.tsv), which the built-in rules read as a 503 protocol error.
    private const string AliyunReply = "503 Rcptto account isn't a local account";

    private const string SiteRules = """
        { "rules": [ { "id": "site.aliyun-not-local", "kind": "RelayDenied", "phrases": ["account isn't a local account"], "codes": [503] } ] }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("rules-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void RulesExport_WritesEveryBuiltInRuleToStandardOutput()
    {
        var (exit, output, error) = CliRunner.Run(string.Empty, "rules", "export");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var file = JsonDocument.Parse(output).RootElement;
        Assert.False(file.GetProperty("includeBuiltInRules").GetBoolean());
        Assert.Equal(SmtpFailureRules.BuiltIn.Select(r => r.Id), file.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void RulesExport_Output_WritesAFileThatClassifyReadsBack()
    {
        string path = Path.Combine(_folder, "export.json");

        var export = CliRunner.Run(string.Empty, "rules", "export", "--output", path);
        var withExport = CliRunner.Run(string.Empty, "classify", "--format", "tsv", "--rules", path, "554 5.7.1 <bob@example.org>: Relay access denied");
        var builtIn = CliRunner.Run(string.Empty, "classify", "--format", "tsv", "554 5.7.1 <bob@example.org>: Relay access denied");

        Assert.Equal(0, export.Exit);
        Assert.Equal(string.Empty, export.Out);
        Assert.Equal(0, withExport.Exit);
        Assert.Equal(builtIn.Out, withExport.Out);
    }

    [Fact]
    public void RulesExport_OutputInAMissingFolder_ExitsOne()
    {
        var (exit, _, error) = CliRunner.Run(string.Empty, "rules", "export", "--output", Path.Combine(_folder, "none", "export.json"));

        Assert.Equal(1, exit);
        Assert.Contains("cannot be written", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_WithoutASubcommand_IsAUsageError()
    {
        Assert.Equal(2, CliRunner.Run(string.Empty, "rules").Exit);
    }

    [Fact]
    public void Classify_Rules_DecidesByTheSiteRule()
    {
        string path = Write("site.json", SiteRules);

        var (exit, output, _) = CliRunner.Run(string.Empty, "classify", "--json", "--stage", "rcpt", "--rules", path, AliyunReply);
        var (_, builtIn, _) = CliRunner.Run(string.Empty, "classify", "--json", "--stage", "rcpt", AliyunReply);

        Assert.Equal(0, exit);
        Assert.Equal("site.aliyun-not-local", JsonDocument.Parse(output).RootElement.GetProperty("ruleId").GetString());
        Assert.Equal("ProtocolError", JsonDocument.Parse(builtIn).RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public void Classify_TwoRuleFiles_UsesBoth()
    {
        string site = Write("site.json", SiteRules);
        string off = Write("off.json", """{ "disable": ["generic.spam"] }""");

        var (exit, output, _) = CliRunner.Run(string.Empty, "classify", "--json", "--rules", site, "--rules", off, AliyunReply, "550 Message rejected as spam");

        Assert.Equal(0, exit);
        var rules = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("ruleId").GetString()).ToArray();
        Assert.Equal("site.aliyun-not-local", rules[0]);
        Assert.Equal("generic.content-policy", rules[1]);
    }

    [Fact]
    public void Classify_RuleFileWithErrors_ExitsTwoWithEveryErrorOnStandardError()
    {
        string path = Write("bad.json", """{ "rules": [ { "id": "site.a", "kind": "Relay", "codes": [5500] } ] }""");

        var (exit, output, error) = CliRunner.Run(string.Empty, "classify", "--rules", path, AliyunReply);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"{path}(1,40): rule #1 'site.a', field 'kind'", error, StringComparison.Ordinal);
        Assert.Contains($"{path}(1,58): rule #1 'site.a', field 'codes': 5500 is not a reply code", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_SameIdInTwoRuleFiles_ExitsTwo()
    {
        string first = Write("a.json", SiteRules);
        string second = Write("b.json", SiteRules);

        var (exit, _, error) = CliRunner.Run(string.Empty, "classify", "--rules", first, "--rules", second, AliyunReply);

        Assert.Equal(2, exit);
        Assert.Contains("'site.aliyun-not-local' is the id of rule #1 too", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_MissingRuleFile_ExitsOne()
    {
        string path = Path.Combine(_folder, "missing.json");

        var (exit, _, error) = CliRunner.Run(string.Empty, "classify", "--rules", path, AliyunReply);

        Assert.Equal(1, exit);
        Assert.Contains($"{path}: cannot be read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_Rules_DecidesTheLogLinesBySiteRule()
    {
        // A Postfix smtp client's bounce line (the form of postfix/src/smtp/smtp_proto.c) carrying Aliyun's reply.
        const string log = "Nov 28 01:19:40 mail postfix/smtp[23841]: A8C60B1E293: to=<bob@example.cn>, relay=mx.example.cn[192.0.2.5]:25, delay=0.13, dsn=5.0.0, status=bounced (host mx.example.cn[192.0.2.5] said: 503 Rcptto account isn't a local account (in reply to RCPT TO command))\n";
        string path = Write("site.json", SiteRules);

        var (exit, output, _) = CliRunner.Run(log, "scan", "--json", "--rules", path, "-");
        var (_, builtIn, _) = CliRunner.Run(log, "scan", "--json", "-");

        Assert.Equal(0, exit);
        Assert.Equal("site.aliyun-not-local", JsonDocument.Parse(output).RootElement.GetProperty("ruleId").GetString());
        Assert.NotEqual("site.aliyun-not-local", JsonDocument.Parse(builtIn).RootElement.GetProperty("ruleId").GetString());
    }

    private string Write(string name, string json)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }
}
