using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SmtpRelayClassifier.Rules;
using Xunit;

namespace SmtpRelayClassifier.Tests.Explanations;

/// <summary>
/// Walks every kind × source × transience × (address known or not) × (server known or not) in every language and
/// fails on an explanation that contradicts itself, leaves a placeholder, repeats a label or a remedy, puts an
/// administrator's step in the user message, or leaves an English label in another language.
/// </summary>
public class ExplanationDecisionTests
{
    public static IEnumerable<object[]> Languages() => DiagnosisExplainer.SupportedLanguages.Select(l => new object[] { l });

    private static IEnumerable<RelayBlockDiagnosis> EveryCombination()
    {
        foreach (var kind in Enum.GetValues<SmtpFailureKind>())
        foreach (var source in Enum.GetValues<DiagnosisSource>())
        foreach (bool transient in new[] { false, true })
        foreach (string? mailbox in new[] { null, "bob@example.org" })
        foreach (var (server, port) in new (string?, int?)[] { (null, null), ("smtp.example.net", 587) })
        {
            var profile = KindProfiles.For(kind, source);
            var d = new RelayBlockDiagnosis
            {
                Kind = kind,
                RuleId = "test.walk",
                Summary = "test",
                Source = source,
                IsTransient = transient,
                IsRelayBlock = kind is SmtpFailureKind.RelayDenied or SmtpFailureKind.AuthenticationRequired,
                Stage = SmtpStage.Rcpt,
                ReplyCode = transient ? 450 : 550,
                Mailbox = mailbox,
                Server = server,
                Port = port,
                Causes = profile.Causes,
                Remedies = profile.Remedies,
                ResponsibleParty = profile.Responsible,
            };
            yield return d;
            // Every remedy at once: the decision, not the tables, keeps the texts from contradicting each other.
            yield return d with { Remedies = Enum.GetValues<FailureRemedy>(), Causes = Enum.GetValues<FailureCause>() };
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Explain_EveryCombination_NeverContradictsItself(string language)
    {
        var pack = DiagnosisExplainer.LanguagePacks.Single(p => p.Code == language);
        var culture = CultureInfo.GetCultureInfo(language);
        string retryLater = pack.Remedies[FailureRemedy.RetryLater];
        string noAction = pack.Remedies[FailureRemedy.NoActionNeeded];
        var adminSteps = Enum.GetValues<FailureRemedy>().Where(r => ExplanationDecision.AudienceOf(r) == StepAudience.Administrator).ToArray();
        int walked = 0;

        foreach (var d in EveryCombination())
        {
            var e = DiagnosisExplainer.Default.Explain(d, culture);
            string at = $"{language} {d.Kind} {d.Source} transient={d.IsTransient} mailbox={d.Mailbox is not null} server={d.Server is not null}";
            walked++;

            bool waitStep = e.Remedies.Any(r => r == retryLater || r == noAction);
            Assert.False(waitStep && e.Waiting == pack.Outcomes.WaitingDoesNotHelp, $"{at}: a waiting remedy beside \"{e.Waiting}\"");
            Assert.False(e.Remedies.Contains(retryLater) && e.Remedies.Contains(noAction), $"{at}: 'try again later' beside 'nothing to do'");
            Assert.False(!d.IsTransient && e.Waiting != pack.Outcomes.WaitingDoesNotHelp, $"{at}: a permanent failure told as \"{e.Waiting}\"");

            foreach (string text in new[] { e.Title, e.UserMessage, e.TechnicalExplanation, e.ResponsibleParty, e.Waiting }.Concat(e.Causes).Concat(e.Remedies))
                Assert.False(text.IndexOfAny(['{', '}', '[', ']']) >= 0, $"{at}: unfilled placeholder in: {text}");

            foreach (string label in Labels(pack))
                Assert.True(Count(e.TechnicalExplanation, label + pack.Labels.Colon) <= 1, $"{at}: label '{label}' repeated:\n{e.TechnicalExplanation}");
            var lines = e.TechnicalExplanation.Split('\n');
            Assert.True(lines.Length == lines.Distinct(StringComparer.Ordinal).Count(), $"{at}: a line repeated:\n{e.TechnicalExplanation}");
            Assert.Equal(e.Remedies.Count, e.Remedies.Distinct(StringComparer.Ordinal).Count());

            foreach (var remedy in adminSteps)
                Assert.False(e.UserMessage.Contains(pack.Remedies[remedy], StringComparison.Ordinal), $"{at}: administrator step {remedy} in the user message: {e.UserMessage}");

            if (d.Mailbox is null)
                Assert.DoesNotContain("@", e.UserMessage, StringComparison.Ordinal);
            if (d.Server is null)
                Assert.DoesNotContain("smtp.example.net", e.TechnicalExplanation, StringComparison.Ordinal);

            if (language != "en")
            {
                var english = DiagnosisExplainer.LanguagePacks.Single(p => p.Code == "en");
                foreach (string label in Labels(english).Concat(FactLabels(english.Facts)))
                {
                    Assert.DoesNotContain("\n" + label + english.Labels.Colon, "\n" + e.TechnicalExplanation, StringComparison.Ordinal);
                    Assert.DoesNotContain(e.Facts, f => f.Key == label && !SameWordInLanguage(language, label));
                }
            }
        }

        Assert.Equal(Enum.GetValues<SmtpFailureKind>().Length * 3 * 2 * 2 * 2 * 2, walked);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Labels_AreTranslated_NoEnglishLabelLeft(string language)
    {
        if (language == "en")
            return;
        var english = DiagnosisExplainer.LanguagePacks.Single(p => p.Code == "en");
        var pack = DiagnosisExplainer.LanguagePacks.Single(p => p.Code == language);

        var englishWords = Labels(english).Concat(FactLabels(english.Facts)).Concat(english.Stages.Values).Concat(english.Titles.Values).ToArray();
        var words = Labels(pack).Concat(FactLabels(pack.Facts)).Concat(pack.Stages.Values).Concat(pack.Titles.Values);

        Assert.All(words, w => Assert.True(!englishWords.Contains(w) || SameWordInLanguage(language, w), $"{language}: '{w}' is the English label"));
    }

    [Theory]
    [InlineData(SmtpFailureKind.RelayDenied, ResponsibleParty.RecipientSide)]
    [InlineData(SmtpFailureKind.AuthenticationRequired, ResponsibleParty.RecipientSide)]
    [InlineData(SmtpFailureKind.ClientBlocked, ResponsibleParty.SenderMailAdministrator)]
    [InlineData(SmtpFailureKind.SenderNotAuthorized, ResponsibleParty.SenderMailAdministrator)]
    [InlineData(SmtpFailureKind.RecipientUnknown, ResponsibleParty.RecipientSide)]
    public void Explain_RemoteAndLocalText_DifferAndNameWhoMustAct(SmtpFailureKind kind, ResponsibleParty remoteParty)
    {
        foreach (var pack in DiagnosisExplainer.LanguagePacks)
        {
            var culture = CultureInfo.GetCultureInfo(pack.Code);
            var local = Diagnosis(kind, DiagnosisSource.SubmissionSession).Explain(culture);
            var remote = Diagnosis(kind, DiagnosisSource.RemoteServer).Explain(culture);

            Assert.NotEqual(local.UserMessage, remote.UserMessage);
            Assert.NotEqual(local.TechnicalExplanation, remote.TechnicalExplanation);
            Assert.Equal(pack.Parties[remoteParty], remote.ResponsibleParty);
            Assert.Contains(pack.Labels.WhoMustAct + pack.Labels.Colon + " " + pack.Parties[remoteParty] + ".", remote.TechnicalExplanation, StringComparison.Ordinal);
            Assert.DoesNotContain(pack.Labels.RelayBlock, remote.TechnicalExplanation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Decide_ClientBlockedInOwnSession_FirstStepIsOneTheUserCanDo()
    {
        var decision = ExplanationDecision.For(Diagnosis(SmtpFailureKind.ClientBlocked, DiagnosisSource.SubmissionSession));

        Assert.Equal(FailureRemedy.ContactMailAdministrator, decision.Steps[0].Remedy);
        Assert.Contains(decision.Steps, s => s.Remedy == FailureRemedy.RequestBlockListRemoval && s.Audience == StepAudience.Administrator);
    }

    [Fact]
    public void Decide_TlsRequired_DoesNotAddALoginStepTheReplyDidNotAskFor()
    {
        var decision = ExplanationDecision.For(Diagnosis(SmtpFailureKind.TlsRequired, DiagnosisSource.SubmissionSession));

        Assert.DoesNotContain(decision.Steps, s => s.Remedy == FailureRemedy.AuthenticateOnSubmissionPort);
    }

    [Fact]
    public void Decide_DeferredRecipientCheck_IsRetriedAutomatically_AndOtherStepsWaitForPersistence()
    {
        var d = Diagnosis(SmtpFailureKind.RecipientVerificationDeferred, DiagnosisSource.SubmissionSession) with { IsTransient = true };

        var decision = ExplanationDecision.For(d);

        Assert.Equal(ExplanationOutcome.RetriedAutomatically, decision.Outcome);
        Assert.Equal(FailureRemedy.NoActionNeeded, decision.Steps[0].Remedy);
        Assert.DoesNotContain(decision.Steps, s => s.Remedy == FailureRemedy.RetryLater);
        Assert.All(decision.Steps.Skip(1), s => Assert.True(s.IfItPersists));
    }

    private static RelayBlockDiagnosis Diagnosis(SmtpFailureKind kind, DiagnosisSource source)
    {
        var profile = KindProfiles.For(kind, source);
        return new RelayBlockDiagnosis
        {
            Kind = kind,
            RuleId = "test.decision",
            Summary = "test",
            Source = source,
            IsTransient = profile.Transient,
            IsRelayBlock = kind == SmtpFailureKind.RelayDenied,
            Server = "mx.example.net",
            Mailbox = "bob@example.org",
            Causes = profile.Causes,
            Remedies = profile.Remedies,
            ResponsibleParty = profile.Responsible,
        };
    }

    // The labels that head a line or a field of the technical explanation.
    private static string[] Labels(LanguagePack pack)
    {
        var l = pack.Labels;
        return [l.Stage, l.ReplyCode, l.Rule, l.ServerReply, l.LikelyCauses, l.WhatToDo, l.IfItPersists, l.ForTheAdministrator, l.WhoMustAct, l.Confidence];
    }

    private static string[] FactLabels(FactLabels f) =>
        [f.Kind, f.RelayBlock, f.RetryCanHelp, f.Stage, f.ReplyCode, f.EnhancedCode, f.Mailbox, f.Server, f.OutlookError, f.Source, f.WhoMustAct, f.Rule];

    // Words that are spelled the same in English and in that language.
    private static bool SameWordInLanguage(string language, string word) => (language, word) is ("de", "Server") or ("fr", "message (DATA)");

    private static int Count(string text, string part)
    {
        int n = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            n++;
        return n;
    }
}
