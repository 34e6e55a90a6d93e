using System;
using System.IO;
using System.Linq;
using SmtpRelayClassifier.Cli.Evaluation;
using SmtpRelayClassifier.Rules;
using Xunit;

namespace SmtpRelayClassifier.Tests.Classification;

// The classifier resolves each rule's outcome once per source (DecisionOutcome.ForRules); what it resolves is what the
// profiles and the TAXONOMY tables answer, and Classify and ClassifyBrief read the same outcome.
public class DecisionOutcomeTests
{
    private static readonly DiagnosisSource[] Sources = Enum.GetValues<DiagnosisSource>();

    [Fact]
    public void ForRules_EveryRuleSourceStageAndTransience_AnswersAsTheProfilesAndTables()
    {
        var rules = DefaultRules.Compiled;
        var outcomes = DecisionOutcome.ForRules(rules);
        var said = TimeSpan.FromMinutes(7);

        Assert.Equal(rules.Count * Sources.Length, outcomes.Length);
        for (int r = 0; r < rules.Count; r++)
        {
            var rule = rules.RuleAt(r);
            foreach (var source in Sources)
            {
                var outcome = outcomes[(r * DecisionOutcome.Sources) + (int)source];
                var profile = KindProfiles.For(rule.Kind, source);
                bool remote = source == DiagnosisSource.RemoteServer && KindProfiles.HasRemoteProfile(rule.Kind);
                var causes = remote ? profile.Causes : rule.Causes ?? profile.Causes;

                Assert.Equal(causes, outcome.Causes);
                Assert.Equal(remote ? profile.Remedies : rule.Remedies ?? profile.Remedies, outcome.Remedies);
                Assert.Equal(remote ? profile.Responsible : rule.Responsible ?? profile.Responsible, outcome.Responsible);
                Assert.Equal(remote ? profile.Summary : rule.Summary ?? profile.Summary, outcome.Summary);
                Assert.Equal(profile.Transient, outcome.Transient);
                // Every stage, and values no stage has (a reader's own), as the policy answers them.
                foreach (var stage in Enum.GetValues<SmtpStage>().Append((SmtpStage)31).Append((SmtpStage)77))
                    Assert.Equal(RelayBlockPolicy.IsRelayBlock(rule.Kind, stage, causes), outcome.IsRelayBlockAt(stage));
                foreach (bool transient in new[] { false, true })
                {
                    Assert.Equal(rule.Action ?? RecipientActions.For(rule.Kind, transient, source, causes, 550), outcome.ActionFor(transient, NotFailureKind.None));
                    Assert.Equal(RecipientAction.None, outcome.ActionFor(transient, NotFailureKind.SuccessReply));
                    Assert.Equal(RetryDelays.For(rule.Kind, transient, causes, null), outcome.RetryAfter(transient, null));
                    Assert.Equal(RetryDelays.For(rule.Kind, transient, causes, said), outcome.RetryAfter(transient, said));
                }
            }
        }
    }

    [Fact]
    public void ClassifyBrief_OnEveryCorpusReply_AgreesWithClassify()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Corpus");
        var entries = Directory.EnumerateFiles(folder, "*.tsv", SearchOption.AllDirectories).SelectMany(CorpusReader.Read).ToList();
        var classifier = SmtpFailureClassifier.Default;

        Assert.True(entries.Count >= 2000, $"{entries.Count} replies");
        foreach (var entry in entries)
        {
            foreach (var source in Sources)
            {
                var context = new SmtpFailureContext { Stage = entry.Stage, Source = source };
                var full = classifier.Classify(entry.Reply, context);
                var brief = classifier.ClassifyBrief(entry.Reply, context);

                Assert.Equal(
                    (full.Kind, full.IsRelayBlock, full.IsTransient, full.RuleId, full.RecipientAction),
                    (brief.Kind, brief.IsRelayBlock, brief.IsTransient, brief.RuleId, brief.RecipientAction));
            }
        }
    }
}
