using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace SmtpRelayClassifier.Tests.Architecture;

/// <summary>
/// The library's folders are one-way layers: the diagnosis model at the bottom, then parsing, rules, the classifier
/// with its input readers, explanations, logging, and on top MailKit integration, probing and scanning. A file may use
/// the types of its own folder and of the layers below; never a layer above, nor a neighbour on the same level. The
/// check reads the sources: every type declared at the top of a file belongs to its folder's layer, and every name in
/// code (comments and strings left out) that is such a type counts as a use.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        // Below everything: the code-unit helper, and the polyfills that only the netstandard2.0 build compiles.
        ["Compat"] = -1,
        ["Model"] = 0,
        ["Parsing"] = 1,
        ["Rules"] = 2,
        ["Classification"] = 3,
        ["Explanations"] = 4,
        ["Logging"] = 5,
        ["MailKitIntegration"] = 6,
        ["Probing"] = 6,
        ["Scanning"] = 6,
    };

    private static readonly Regex TopLevelType = new(
        @"^(?:(?:public|internal|static|sealed|abstract|readonly|partial|file|ref|unsafe)\s+)*(?:class|struct|record(?:\s+struct|\s+class)?|enum|interface)\s+([A-Z]\w*)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly Regex Name = new(@"\b[A-Z]\w*\b", RegexOptions.CultureInvariant);

    private static readonly Regex CommentsAndLiterals = new(
        @"//[^\n]*|/\*.*?\*/|@""(?:""""|[^""])*""|\$?""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\\n])+'",
        RegexOptions.Singleline | RegexOptions.CultureInvariant);

    [Fact]
    public void EveryFolder_IsALayer()
    {
        var unknown = SourceFiles().Select(f => f.Layer).Where(l => !Layers.ContainsKey(l)).Distinct().ToList();
        Assert.True(unknown.Count == 0, "Folders with no layer: " + string.Join(", ", unknown));
    }

    [Fact]
    public void NoFile_UsesAHigherLayerOrANeighbour()
    {
        var files = SourceFiles();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (Match m in TopLevelType.Matches(file.Code))
                owner[m.Groups[1].Value] = file.Layer;
        }

        Assert.True(owner.Count > 100, $"Only {owner.Count} types were found: the source scan is broken.");
        var violations = new List<string>();
        foreach (var file in files)
        {
            int rank = Layers[file.Layer];
            foreach (string name in Name.Matches(file.Code).Select(m => m.Value).Distinct())
            {
                if (owner.TryGetValue(name, out var layer) && layer != file.Layer && Layers[layer] >= rank)
                    violations.Add($"{file.Path} ({file.Layer}) uses {name} ({layer})");
            }
        }

        Assert.True(violations.Count == 0, "Layering violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheCheck_FindsAnUpwardUse()
    {
        // The check itself: a model file that names the classifier is caught.
        var owner = new Dictionary<string, string> { ["SmtpFailureClassifier"] = "Classification" };
        string code = Strip("namespace SmtpRelayClassifier;\n// SmtpFailureClassifier in a comment is not a use\nstatic class X { static object Y => SmtpFailureClassifier.Default; }");
        var used = Name.Matches(code).Select(m => m.Value).Where(owner.ContainsKey).ToList();
        Assert.Equal(["SmtpFailureClassifier"], used);
    }

    [Fact]
    public void NoSourceFile_IsLongerThan400Lines()
    {
        var long_ = SourceFiles().Select(f => (f.Path, Lines: File.ReadAllLines(f.FullPath).Length)).Where(f => f.Lines > 400).ToList();
        Assert.True(long_.Count == 0, "Files over 400 lines: " + string.Join(", ", long_.Select(f => $"{f.Path} ({f.Lines})")));
    }

    private static string Strip(string code) => CommentsAndLiterals.Replace(code, " ");

    private static List<(string Path, string FullPath, string Layer, string Code)> SourceFiles()
    {
        string root = LibraryFolder();
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(full => (Full: full, Relative: Path.GetRelativePath(root, full).Replace('\\', '/')))
            .Where(f => !f.Relative.StartsWith("obj/", StringComparison.Ordinal) && !f.Relative.StartsWith("bin/", StringComparison.Ordinal))
            .Select(f => (f.Relative, f.Full, f.Relative.Contains('/') ? f.Relative[..f.Relative.IndexOf('/')] : "(root)", Strip(File.ReadAllText(f.Full))))
            .ToList();
    }

    private static string LibraryFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "src", "SmtpRelayClassifier");
            if (Directory.Exists(candidate))
                return candidate;
        }

        throw new DirectoryNotFoundException("src/SmtpRelayClassifier was not found above " + AppContext.BaseDirectory);
    }
}
