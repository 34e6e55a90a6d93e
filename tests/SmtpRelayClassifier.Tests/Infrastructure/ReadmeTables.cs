using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SmtpRelayClassifier.Tests.Infrastructure;

/// <summary>Reads the tables of a section of the repository's README.md, so a test can hold the documentation to the code.</summary>
internal static class ReadmeTables
{
    /// <summary>The body rows of the tables under the heading <paramref name="heading"/> (up to the next heading), each as its trimmed cells, backticks removed.</summary>
    public static List<string[]> Rows(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        int start = Array.FindIndex(lines, l => l.TrimStart('#', ' ') == heading && l.StartsWith('#'));
        if (start < 0)
            throw new InvalidOperationException($"README.md has no section '{heading}'.");

        var rows = new List<string[]>();
        for (int i = start + 1; i < lines.Length && !lines[i].StartsWith('#'); i++)
        {
            string line = lines[i].Trim();
            if (!line.StartsWith('|') || line.StartsWith("|---", StringComparison.Ordinal))
                continue;
            rows.Add(line.Trim('|').Split('|').Select(c => c.Trim().Replace("`", string.Empty, StringComparison.Ordinal)).ToArray());
        }

        return rows.Count > 0 ? rows.Skip(1).ToList() : rows; // the first row is the header
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && Directory.Exists(Path.Combine(dir.FullName, "src", "SmtpRelayClassifier")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
