using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Xunit;

namespace SmtpRelayClassifier.Tests.Explanations;

public class DiagnosisExplainerTests
{
    public static IEnumerable<object[]> Languages() => DiagnosisExplainer.SupportedLanguages.Select(l => new object[] { l });

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryKindCauseRemedyAndParty_HasATextInEveryLanguage(string language)
    {
        var pack = DiagnosisExplainer.LanguagePacks.Single(p => p.Code == language);

        Assert.All(Enum.GetValues<SmtpFailureKind>(), k =>
        {
            Assert.False(string.IsNullOrWhiteSpace(pack.Titles[k]));
            Assert.False(string.IsNullOrWhiteSpace(pack.UserMessages[k]));
        });
        Assert.All(Enum.GetValues<FailureCause>(), c => Assert.False(string.IsNullOrWhiteSpace(pack.Causes[c])));
        Assert.All(Enum.GetValues<FailureRemedy>(), r => Assert.False(string.IsNullOrWhiteSpace(pack.Remedies[r])));
        Assert.All(Enum.GetValues<ResponsibleParty>(), p => Assert.False(string.IsNullOrWhiteSpace(pack.Parties[p])));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Explain_EveryKindWithAndWithoutServerAndMailbox_LeavesNoPlaceholder(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        foreach (var kind in Enum.GetValues<SmtpFailureKind>())
        {
            foreach (var (server, port, mailbox) in new (string?, int?, string?)[] { (null, null, null), ("smtp.example.net", 587, "bob@example.org"), ("smtp.example.net", null, null) })
            {
                var diagnosis = new RelayBlockDiagnosis
                {
                    Kind = kind,
                    RuleId = "test.rule",
                    Summary = "test",
                    Server = server,
                    Port = port,
                    Mailbox = mailbox,
                    Causes = Enum.GetValues<FailureCause>(),
                    Remedies = Enum.GetValues<FailureRemedy>(),
                    ReplyCode = 550,
                    ReplyText = "5.7.1 <bob@example.org>: refused",
                };

                var e = DiagnosisExplainer.Default.Explain(diagnosis, culture);

                foreach (string text in new[] { e.Title, e.UserMessage, e.TechnicalExplanation, e.ResponsibleParty, e.Waiting }.Concat(e.Causes).Concat(e.Remedies))
                {
                    Assert.DoesNotContain("{server}", text, StringComparison.Ordinal);
                    Assert.DoesNotContain("{mailbox}", text, StringComparison.Ordinal);
                    Assert.False(text.Contains('{') || text.Contains('}'), $"{language} {kind}: {text}");
                }

                Assert.Equal(language, e.Language);
                if (server is not null && e.UserMessage.Contains(server, StringComparison.Ordinal) is false)
                    Assert.DoesNotContain("{", e.UserMessage, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void French_PutsANoBreakSpaceBeforeEveryColonAndSemicolon()
    {
        var pack = DiagnosisExplainer.LanguagePacks.Single(p => p.Code == "fr");
        var texts = pack.Titles.Values.Concat(pack.UserMessages.Values).Concat(pack.Causes.Values).Concat(pack.Remedies.Values)
            .Concat(pack.Parties.Values).Concat([pack.Labels.WaitingHelps, pack.Labels.WaitingDoesNotHelp, pack.Labels.RelayBlock, pack.Labels.Colon]);

        Assert.All(texts, t =>
        {
            for (int i = 0; i < t.Length; i++)
            {
                if (t[i] is ':' or ';')
                    Assert.True(i > 0 && t[i - 1] == '\u00A0', $"no no-break space before '{t[i]}' in: {t}");
            }
        });
    }

    [Fact]
    public void French_UsesTheVocabularyOfKb290842()
    {
        var pack = DiagnosisExplainer.LanguagePacks.Single(p => p.Code == "fr");
        string all = string.Join(' ', pack.Titles.Values.Concat(pack.Causes.Values).Concat(pack.Remedies.Values));

        Assert.Contains("Relais refusé", all, StringComparison.Ordinal);
        Assert.Contains("fournisseur de services Internet", all, StringComparison.Ordinal);
        Assert.Contains("passerelle SMTP", all, StringComparison.Ordinal);
        Assert.Contains("adresse IP statique", all, StringComparison.Ordinal);
        Assert.Contains("réseau local", all, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-FR", "fr")]
    [InlineData("fr-CA", "fr")]
    [InlineData("de-AT", "de")]
    [InlineData("es-MX", "es")]
    [InlineData("en-GB", "en")]
    [InlineData("ja-JP", "en")]
    [InlineData("", "en")]
    public void Explain_Culture_IsMatchedByLanguageWithEnglishFallback(string culture, string expected)
    {
        var d = SmtpFailureClassifier.Default.Classify("554 5.7.1 <bob@example.org>: Relay access denied");

        Assert.Equal(expected, d.Explain(CultureInfo.GetCultureInfo(culture)).Language);
    }

    [Fact]
    public void Explain_WithoutCulture_TakesTheCurrentUICulture()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-ES");
            var d = SmtpFailureClassifier.Default.Classify("554 5.7.1 <bob@example.org>: Relay access denied");

            Assert.Equal("es", d.Explain().Language);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Explain_MasksAddressesByDefault_InMessageAndReply()
    {
        var d = SmtpFailureClassifier.Default.Classify("554 5.7.1 <bob@example.org>: Relay access denied",
            new SmtpFailureContext { Server = "smtp.example.net", Port = 25 });

        var e = d.Explain(CultureInfo.GetCultureInfo("en"));

        Assert.Contains("b***@example.org", e.UserMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("bob@example.org", e.UserMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("bob@example.org", e.TechnicalExplanation, StringComparison.Ordinal);
        Assert.Contains("<b***@example.org>", e.TechnicalExplanation, StringComparison.Ordinal);
        Assert.Contains("smtp.example.net (port 25)", e.UserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ShowFullAddresses_KeepsThem()
    {
        var d = SmtpFailureClassifier.Default.Classify("554 5.7.1 <bob@example.org>: Relay access denied");

        var e = new DiagnosisExplainer(new ExplanationOptions { ShowFullAddresses = true }).Explain(d, CultureInfo.GetCultureInfo("fr"));

        Assert.Contains("bob@example.org", e.UserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_RelayDenied_TellsWhatWhyWhatToDoWhoAndWhetherWaitingHelps()
    {
        var d = SmtpFailureClassifier.Default.Classify("550 5.7.1 <bob@example.org>... Relaying denied", SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        var e = d.Explain(CultureInfo.GetCultureInfo("en"));

        Assert.Equal("Relay denied", e.Title);
        Assert.Contains("Turn on authentication", e.UserMessage, StringComparison.Ordinal);
        Assert.Contains("This is a relay block", e.TechnicalExplanation, StringComparison.Ordinal);
        Assert.Contains("RCPT TO", e.TechnicalExplanation, StringComparison.Ordinal);
        Assert.Contains("1. Turn on authentication", e.TechnicalExplanation, StringComparison.Ordinal);
        Assert.Contains("Who must act: you", e.TechnicalExplanation, StringComparison.Ordinal);
        Assert.Equal("Waiting does not help: something has to change first.", e.Waiting);
        Assert.Equal(d.Causes.Count, e.Causes.Count);
        Assert.Equal(d.Remedies.Count, e.Remedies.Count);
    }

    [Fact]
    public void Explain_GermanReferenceAfterColon_StartsWithACapital()
    {
        var d = SmtpFailureClassifier.Default.Classify("421 4.3.2 Service shutting down");

        var e = d.Explain(CultureInfo.GetCultureInfo("de"));

        Assert.Contains(": Der Mailserver", e.UserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_RemoteBounce_SaysSo()
    {
        var d = SmtpFailureClassifier.Default.Classify("host mx.example.org[192.0.2.1] said: 554 5.7.1 <bob@example.org>: Relay access denied (in reply to RCPT TO command)");

        var e = d.Explain(CultureInfo.GetCultureInfo("fr"));

        Assert.Contains("serveur distant", e.TechnicalExplanation, StringComparison.Ordinal);
        Assert.Contains("mx.example.org", e.UserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => DiagnosisExplainer.Default.Explain(null!));
    }
}
