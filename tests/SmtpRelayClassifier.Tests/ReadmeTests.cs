using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace SmtpRelayClassifier.Tests;

/// <summary>
/// The C# blocks of README.md and of the package's README are compiled code: each follows a
/// <c>&lt;!-- snippet: NAME --&gt;</c> line and is, verbatim, the region <c>// begin-snippet: NAME</c> …
/// <c>// end-snippet</c> of a file in samples/Snippets (which the solution builds), de-indented.
/// </summary>
public sealed class ReadmeTests
{
    private const string Marker = "<!-- snippet: ";

    [Fact]
    public void PackageReadme_EveryCSharpBlock_IsACompiledSnippet()
    {
        var blocks = Blocks(Read("src/SmtpRelayClassifier/README.md"));

        Assert.Contains(blocks, b => b.Name == "quickstart");
        Assert.All(blocks, b => Assert.True(b.Name is not null, "A C# block of the package README has no snippet marker:\n" + b.Code));
        AssertSnippets(blocks);
    }

    [Fact]
    public void RepositoryReadme_QuickStartAndUse_AreCompiledSnippets()
    {
        string readme = Read("README.md");
        var blocks = Blocks(Section(readme, "## QuickStart")).Concat(Blocks(Section(readme, "## Use"))).ToList();

        Assert.Equal(["quickstart", "use"], blocks.Select(b => b.Name));
        // Marked blocks elsewhere in the README are checked too.
        AssertSnippets(Blocks(readme));
    }

    [Fact]
    public void PackageReadme_StartsWithTheInstallLine_AndLinksOnlyAbsolutely()
    {
        string readme = Read("src/SmtpRelayClassifier/README.md");

        Assert.Contains("dotnet add package SmtpRelayClassifier", readme, StringComparison.Ordinal);
        Assert.True(
            readme.IndexOf("dotnet add package", StringComparison.Ordinal) < readme.IndexOf("```csharp", StringComparison.Ordinal),
            "The install line comes before the first snippet.");
        var links = readme.Split("](").Skip(1).Select(l => l[..l.IndexOf(')', StringComparison.Ordinal)]).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith("https://", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Snippets_EveryRegion_IsShownInAReadme()
    {
        var shown = Blocks(Read("README.md")).Concat(Blocks(Read("src/SmtpRelayClassifier/README.md"))).Select(b => b.Name).ToHashSet();

        Assert.All(Regions().Keys, name => Assert.True(shown.Contains(name), $"The snippet '{name}' is in no README."));
    }

    [Fact]
    public void TheCheck_FindsABlockThatDiffersFromItsSnippet()
    {
        var blocks = Blocks("<!-- snippet: reply -->\n```csharp\nvar d = 1;\n```\n");

        Assert.Equal("reply", Assert.Single(blocks).Name);
        Assert.NotEqual(Regions()["reply"], blocks[0].Code);
    }

    private static void AssertSnippets(IEnumerable<(string? Name, string Code)> blocks)
    {
        var regions = Regions();
        foreach (var (name, code) in blocks.Where(b => b.Name is not null))
        {
            Assert.True(regions.TryGetValue(name!, out var region), $"No region '{name}' in samples/Snippets.");
            Assert.Equal(region, code);
        }
    }

    // The C# blocks of a Markdown text, each with the snippet name on the line before it (or none).
    private static List<(string? Name, string Code)> Blocks(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<(string?, string)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i] != "```csharp")
                continue;
            int end = Array.IndexOf(lines, "```", i + 1);
            Assert.True(end > i, "An unclosed C# block.");
            string? name = null;
            int previous = i - 1;
            while (previous >= 0 && lines[previous].Length == 0)
                previous--;
            if (previous >= 0 && lines[previous].StartsWith(Marker, StringComparison.Ordinal) && lines[previous].EndsWith(" -->", StringComparison.Ordinal))
                name = lines[previous][Marker.Length..^4];
            blocks.Add((name, string.Join('\n', lines[(i + 1)..end])));
            i = end;
        }

        return blocks;
    }

    // The regions of samples/Snippets/*.cs by name, de-indented by the indentation of their marker.
    private static Dictionary<string, string> Regions()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(Path.Combine(Root(), "samples", "Snippets"), "*.cs"))
        {
            var lines = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string trimmed = lines[i].TrimStart();
                if (!trimmed.StartsWith("// begin-snippet: ", StringComparison.Ordinal))
                    continue;
                int indent = lines[i].Length - trimmed.Length;
                string name = trimmed["// begin-snippet: ".Length..].Trim();
                int end = Array.FindIndex(lines, i + 1, l => l.Trim() == "// end-snippet");
                Assert.True(end > i, $"The snippet '{name}' of {file} has no end.");
                var body = lines[(i + 1)..end].Select(l => l.Length >= indent && l[..indent].Trim().Length == 0 ? l[indent..] : l.TrimStart());
                Assert.True(regions.TryAdd(name, string.Join('\n', body)), $"The snippet '{name}' is defined twice.");
                i = end;
            }
        }

        return regions;
    }

    private static string Section(string markdown, string heading)
    {
        int start = markdown.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section '{heading}'.");
        int end = markdown.IndexOf("\n## ", start + heading.Length + 1, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    private static string Read(string path) => File.ReadAllText(Path.Combine(Root(), path));

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmtpRelayClassifier.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("SmtpRelayClassifier.sln was not found above " + AppContext.BaseDirectory);
    }
}
