using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SmtpRelayClassifier.Cli.Evaluation;

/// <summary><c>smtp-classify eval CORPUS...</c>: measures the classifier on labelled replies (corpus files or folders of them).</summary>
internal static class EvalCommand
{
    public static int Run(Options options, TextWriter output, TextWriter stderr)
    {
        var entries = new List<CorpusEntry>();
        foreach (string argument in options.Arguments)
        {
            IEnumerable<string> files;
            if (Directory.Exists(argument))
                files = Directory.EnumerateFiles(argument, "*.tsv").Order(StringComparer.Ordinal);
            else if (File.Exists(argument))
                files = [argument];
            else
            {
                stderr.WriteLine($"smtp-classify: eval: '{argument}' is neither a corpus file nor a folder");
                return Program.UsageError;
            }

            foreach (string file in files)
            {
                try
                {
                    entries.AddRange(CorpusReader.Read(file));
                }
                catch (FormatException e)
                {
                    stderr.WriteLine($"smtp-classify: eval: {e.Message}");
                    return Program.UsageError;
                }
            }
        }

        if (entries.Count == 0)
        {
            stderr.WriteLine("smtp-classify: eval: the corpus holds no reply");
            return Program.UsageError;
        }

        CorpusReport.Write(CorpusEvaluation.Run(entries, SmtpFailureClassifier.Default), output, options.Misses);
        return Program.Ok;
    }
}
