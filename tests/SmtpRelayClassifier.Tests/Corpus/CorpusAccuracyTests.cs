using System;
using System.IO;
using System.Linq;
using SmtpRelayClassifier.Cli.Evaluation;
#if !LIBRARY_NETSTANDARD
using SmtpRelayClassifier.Tests.Cli;
#endif
using Xunit;
using Xunit.Abstractions;

namespace SmtpRelayClassifier.Tests.Corpus;

/// <summary>
/// The development corpus (Corpus/*.tsv, sources in Corpus/README.md) measured as <c>smtp-classify eval</c> measures it.
/// The floors are the last measured figures (the first-sight ones, before any rule was tuned on the corpus, are in
/// Corpus/README.md): they may only rise.
/// </summary>
public class CorpusAccuracyTests(ITestOutputHelper output)
{
    private const double KindAccuracyFloor = 0.952;

    // Calibration: what each confidence level promises (RelayBlockDiagnosis.Confidence), measured over the whole corpus.
    private const double HighConfidenceFloor = 0.97;
    private const double MediumConfidenceFloor = 0.85;

    // The share of the corpus decided at High or Medium, as last measured (2,950 of 3,363): it may only rise.
    private const double HighOrMediumShareFloor = 0.877;
    private const double RelayFlagAccuracyFloor = 0.988;

    // Corpus/Holdout: replies measured at first sight and never tuned on (Corpus/README.md). The floor is the first-sight
    // figure; it guards how the rules generalize, and no rule is ever written from these files.
    private const double HoldoutKindAccuracyFloor = 0.876;

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Corpus");
    private static readonly string HoldoutFolder = Path.Combine(Folder, "Holdout");

    // The corpus is classified once for the tests that read its figures.
    private static readonly Lazy<CorpusEvaluation> CorpusRun = new(() => CorpusEvaluation.Run(Directory.EnumerateFiles(Folder, "*.tsv").Order(StringComparer.Ordinal).SelectMany(CorpusReader.Read), SmtpFailureClassifier.Default));

    [Fact]
    public void Corpus_EveryLineIsValidAndSourced_AndHoldsNoDuplicate()
    {
        var entries = Directory.EnumerateFiles(Folder, "*.tsv").SelectMany(CorpusReader.Read).ToList();

        Assert.True(entries.Count >= 2000, $"the corpus holds {entries.Count} replies");
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source), $"{e.File}:{e.Line} has no source"));
        var holdout = Directory.EnumerateFiles(HoldoutFolder, "*.tsv").SelectMany(CorpusReader.Read).ToList();
        Assert.True(holdout.Count >= 400, $"the holdout holds {holdout.Count} replies");
        Assert.All(holdout, e => Assert.False(string.IsNullOrWhiteSpace(e.Source), $"{e.File}:{e.Line} has no source"));
        var duplicates = entries.Concat(holdout).GroupBy(e => e.Reply, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        Assert.All(Enum.GetValues<SmtpFailureKind>(), kind => Assert.Contains(entries, e => e.Kind == kind));
    }

    [Fact]
    public void Classifier_OnTheCorpus_StaysAtOrAboveItsMeasuredAccuracy()
    {
        var evaluation = CorpusRun.Value;

        using var report = new StringWriter();
        CorpusReport.Write(evaluation, report, misses: false);
        output.WriteLine(report.ToString());

        Assert.True(evaluation.Accuracy >= KindAccuracyFloor, $"kind accuracy {evaluation.Accuracy:P1} fell below {KindAccuracyFloor:P1}");
        Assert.True(evaluation.RelayAccuracy >= RelayFlagAccuracyFloor, $"relay flag accuracy {evaluation.RelayAccuracy:P1} fell below {RelayFlagAccuracyFloor:P1}");
        var expected = evaluation.Results.Where(r => r.Entry.Kind == SmtpFailureKind.RelayDenied).ToList();
        var diagnosed = evaluation.Results.Where(r => r.Diagnosis.Kind == SmtpFailureKind.RelayDenied).ToList();
        double recall = CorpusEvaluation.Share(expected, r => r.IsHit);
        double precision = CorpusEvaluation.Share(diagnosed, r => r.IsHit);
        Assert.True(recall >= 0.86, $"relay denials found: {recall:P1}");
        Assert.True(precision >= 0.95, $"relay denial diagnoses that are right: {precision:P1}");
    }

    [Fact]
    public void Classifier_OnTheHoldout_StaysAtOrAboveItsFirstSightAccuracy()
    {
        var evaluation = CorpusEvaluation.Run(Directory.EnumerateFiles(HoldoutFolder, "*.tsv").Order(StringComparer.Ordinal).SelectMany(CorpusReader.Read), SmtpFailureClassifier.Default);

        using var report = new StringWriter();
        CorpusReport.Write(evaluation, report, misses: false);
        output.WriteLine(report.ToString());

        Assert.True(evaluation.Accuracy >= HoldoutKindAccuracyFloor, $"holdout kind accuracy {evaluation.Accuracy:P1} fell below {HoldoutKindAccuracyFloor:P1}");
    }

    [Fact]
    public void Classifier_OnTheCorpus_ConfidenceLevelsAreCalibrated()
    {
        var evaluation = CorpusRun.Value;
        var byLevel = evaluation.Results.GroupBy(r => r.Diagnosis.Confidence).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (level, results) in byLevel.OrderByDescending(p => p.Key))
            output.WriteLine($"{level}: {results.Count} replies, {CorpusEvaluation.Share(results, r => r.IsHit):P1} right");

        var high = byLevel[DiagnosisConfidence.High];
        var medium = byLevel[DiagnosisConfidence.Medium];
        double highAccuracy = CorpusEvaluation.Share(high, r => r.IsHit);
        double mediumAccuracy = CorpusEvaluation.Share(medium, r => r.IsHit);
        double decided = (double)(high.Count + medium.Count) / evaluation.Results.Count;
        Assert.True(highAccuracy >= HighConfidenceFloor, $"High decisions right {highAccuracy:P1} of {high.Count}, promised {HighConfidenceFloor:P0}");
        Assert.True(mediumAccuracy >= MediumConfidenceFloor, $"Medium decisions right {mediumAccuracy:P1} of {medium.Count}, promised {MediumConfidenceFloor:P0}");
        Assert.True(decided >= HighOrMediumShareFloor, $"High or Medium for {decided:P1} of the corpus, below {HighOrMediumShareFloor:P1}");
    }

#if !LIBRARY_NETSTANDARD
    // The CLI's eval command (the CLI runs on the net10.0 build).
    [Fact]
    public void Eval_PrintsAccuracyPerFileKindSourceAndTheConfusionMatrix()
    {
        var (exit, stdout, _) = CliRunner.Run(string.Empty, "eval", Folder, "--misses");

        Assert.Equal(0, exit);
        Assert.Contains("kind right:", stdout, StringComparison.Ordinal);
        Assert.Contains("mtas.tsv", stdout, StringComparison.Ordinal);
        Assert.Contains("expected kind", stdout, StringComparison.Ordinal);
        Assert.Contains("confusion", stdout, StringComparison.Ordinal);
        Assert.Contains("vdukhovni/postfix", stdout, StringComparison.Ordinal);
        Assert.Contains("misses (", stdout, StringComparison.Ordinal);
        Assert.Contains("runner-up ", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reply\tkind\n550 x\tRelayDenied\n", "the header must be")]
    [InlineData("reply\tstage\tkind\talternatives\trelay\tsource\n550 x\tRcpt\tRelayDenied\t\tfalse\n", "5 fields")]
    [InlineData("reply\tstage\tkind\talternatives\trelay\tsource\n550 x\tRcpt\tRelayRefused\t\tfalse\tRFC 5321\n", "'RelayRefused' is not a kind")]
    [InlineData("reply\tstage\tkind\talternatives\trelay\tsource\n550 x\tLater\tRelayDenied\t\tfalse\tRFC 5321\n", "'Later' is not a stage")]
    [InlineData("reply\tstage\tkind\talternatives\trelay\tsource\n550 x\tRcpt\tRelayDenied\t\tyes\tRFC 5321\n", "relay is 'yes'")]
    [InlineData("reply\tstage\tkind\talternatives\trelay\tsource\n", "holds no reply")]
    public void Eval_BadCorpusFile_IsAUsageErrorNamingTheLine(string content, string message)
    {
        string path = Path.Combine(Path.GetTempPath(), $"corpus-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, content);
        try
        {
            var (exit, _, stderr) = CliRunner.Run(string.Empty, "eval", path);

            Assert.Equal(2, exit);
            Assert.Contains(message, stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Eval_MissingCorpus_IsAUsageError()
    {
        Assert.Equal(2, CliRunner.Run(string.Empty, "eval").Exit);
        Assert.Equal(2, CliRunner.Run(string.Empty, "eval", "/nonexistent/corpus.tsv").Exit);
    }
#endif
}
