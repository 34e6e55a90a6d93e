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
        Assert.All(pack.RemoteUserMessages.Values, m => Assert.False(string.IsNullOrWhiteSpace(m)));
        Assert.All(Enum.GetValues<SmtpStage>(), s => Assert.False(string.IsNullOrWhiteSpace(pack.Stages[s])));
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
        var o = pack.Outcomes;
        var texts = pack.Titles.Values.Concat(pack.UserMessages.Values).Concat(pack.RemoteUserMessages.Values).Concat(pack.Causes.Values).Concat(pack.Remedies.Values)
            .Concat(pack.Parties.Values).Concat(pack.Stages.Values)
            .Concat([o.WaitingHelps, o.WaitingDoesNotHelp, o.WaitingNotNeeded, o.WaitingNotTheServer, o.WaitingRetriedAutomatically, o.AcceptedMessage, o.NotSmtpMessage, o.CanceledMessage])
            .Concat([pack.Labels.RelayBlock, pack.Labels.RemoteRelayBlock, pack.Labels.ReportedByRemoteServer, pack.Labels.Colon]);

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

    [Theory]
    [InlineData("en", "accepted the message")]
    [InlineData("fr", "a accepté le message")]
    [InlineData("de", "hat die Nachricht angenommen")]
    [InlineData("es", "aceptó el mensaje")]
    public void Explain_SuccessReply_SaysTheServerAccepted_NeverARefusal(string language, string accepted)
    {
        // Postfix's reply to the end of data (RFC 5321 §4.2.1, the queue id in the text).
        var d = SmtpFailureClassifier.Default.Classify("250 2.0.0 Ok: queued as 4BQ3xT", SmtpFailureContext.ForStage(SmtpStage.EndOfData));
        var pack = DiagnosisExplainer.LanguagePacks.Single(p => p.Code == language);

        var e = d.Explain(CultureInfo.GetCultureInfo(language));

        Assert.Contains(accepted, e.UserMessage, StringComparison.Ordinal);
        Assert.Equal(pack.Outcomes.AcceptedTitle, e.Title);
        Assert.Equal(pack.Outcomes.WaitingNotNeeded, e.Waiting);
        Assert.Empty(e.Remedies);
        Assert.DoesNotContain(pack.UserMessages[d.Kind], e.TechnicalExplanation, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Explain_NonSmtpException_IsNotCalledARefusedMessage(string language)
    {
        var pack = DiagnosisExplainer.LanguagePacks.Single(p => p.Code == language);
        foreach (var exception in new Exception[] { new InvalidOperationException("Sequence contains no elements"), new ObjectDisposedException("SmtpClient") })
        {
            var d = SmtpFailureClassifier.Default.Classify(exception);

            var e = d.Explain(CultureInfo.GetCultureInfo(language));

            Assert.Equal(pack.Outcomes.NotSmtpMessage, e.UserMessage);
            Assert.Equal(pack.Outcomes.NotSmtpTitle, e.Title);
            Assert.DoesNotContain(pack.UserMessages[SmtpFailureKind.Unknown], e.TechnicalExplanation, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Explain_Greylisting_SaysNotAcceptedForNowAndRetried_NotYouMustAct(string language)
    {
        // Postgrey's reply (postgrey 1.37, the default --greylist-text).
        var (d, pack, e) = ExplainAtRcpt("450 4.2.0 <bob@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html", language);

        Assert.True(d.IsTransient);
        Assert.StartsWith(pack.Remedies[FailureRemedy.NoActionNeeded], e.Remedies[0], StringComparison.Ordinal);
        Assert.Equal(pack.Outcomes.NobodyNow, e.ResponsibleParty);
        Assert.Equal(pack.Outcomes.WaitingRetriedAutomatically, e.Waiting);
        Assert.DoesNotContain(pack.Remedies[FailureRemedy.RetryLater], e.Remedies);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Explain_BlockList_KeepsTheRemovalRequestForTheAdministrator(string language)
    {
        // Spamhaus's reply text as Postfix quotes it (Spamhaus, "DNSBL usage", the SBL/XBL/PBL 554 text).
        var (d, pack, e) = ExplainAtRcpt("554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1", language);

        Assert.Equal(SmtpFailureKind.ClientBlocked, d.Kind);
        Assert.DoesNotContain(pack.Remedies[FailureRemedy.RequestBlockListRemoval], e.UserMessage, StringComparison.Ordinal);
        Assert.EndsWith(pack.Remedies[FailureRemedy.ContactMailAdministrator], e.UserMessage, StringComparison.Ordinal);
        Assert.Contains(pack.Labels.ForTheAdministrator + pack.Labels.Colon + "\n1. " + pack.Remedies[FailureRemedy.RequestBlockListRemoval], e.TechnicalExplanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Your message could not be delivered: the recipient's mailbox is full.")]
    [InlineData("fr", "Votre message n'a pas été remis\u00A0: la boîte aux lettres du destinataire est pleine.")]
    [InlineData("de", "Ihre Nachricht wurde nicht zugestellt: Das Postfach des Empfängers ist voll.")]
    [InlineData("es", "Su mensaje no se ha entregado: el buzón del destinatario está lleno.")]
    public void Explain_WithoutAddress_UsesTheSentenceWithoutIt(string language, string expected)
    {
        var d = new RelayBlockDiagnosis { Kind = SmtpFailureKind.MailboxFull, RuleId = "test", Summary = "test", Remedies = [FailureRemedy.ContactRecipient] };

        var e = d.Explain(CultureInfo.GetCultureInfo(language));

        Assert.StartsWith(language == "en" ? "Your message has not been delivered: the recipient's mailbox is full." : expected, e.UserMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Stage: connection (220 greeting)")]
    [InlineData("fr", "Étape\u00A0: connexion (accueil 220)")]
    [InlineData("de", "Schritt: Verbindungsaufbau (Begrüßung 220)")]
    [InlineData("es", "Fase: conexión (saludo 220)")]
    public void Explain_Stage_ReadsAsAPersonWouldSayIt(string language, string expected)
    {
        // A greeting refusal (RFC 5321 §3.1: a 554 greeting ends the session).
        var d = SmtpFailureClassifier.Default.Classify("554 5.7.1 No SMTP service here", SmtpFailureContext.ForStage(SmtpStage.Connect));

        var e = d.Explain(CultureInfo.GetCultureInfo(language));

        Assert.Contains(expected, e.TechnicalExplanation, StringComparison.Ordinal);
        Assert.DoesNotContain("(connect)", e.TechnicalExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_Outlook421Number_WaitingHelpsAndTheRetryIsNotContradicted()
    {
        // IXP_E_SMTP_421_NOT_AVAILABLE (imnxport.h): Outlook's number for a 421 reply.
        var d = SmtpFailureClassifier.Default.Classify(OutlookHResult.FromValue(0x800CCC67u));
        var fr = DiagnosisExplainer.LanguagePacks.Single(p => p.Code == "fr");

        var e = d.Explain(CultureInfo.GetCultureInfo("fr"));

        Assert.True(d.IsTransient);
        Assert.Equal(fr.Outcomes.WaitingHelps, e.Waiting);
        Assert.Contains(fr.Remedies[FailureRemedy.RetryLater], e.Remedies);
    }

    [Fact]
    public void Explain_RemoteRelayDenied_DoesNotBlameTheUser()
    {
        // Postfix bounce (DSN "Diagnostic-Code") when the recipient domain's MX does not serve that domain.
        var d = SmtpFailureClassifier.Default.Classify("host mx.example.net[192.0.2.25] said: 554 5.7.1 <bob@example.org>: Relay access denied (in reply to RCPT TO command)");

        var e = d.Explain(CultureInfo.GetCultureInfo("en"));

        Assert.Equal(DiagnosisSource.RemoteServer, d.Source);
        Assert.Contains("on the recipient's side", e.UserMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("recognize you", e.UserMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("who or where you are", e.TechnicalExplanation, StringComparison.Ordinal);
        Assert.Contains("Who must act: the recipient", e.TechnicalExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_Facts_AreInTheLanguageWithTheAddressMaskedAsInTheTexts()
    {
        var d = SmtpFailureClassifier.Default.Classify("554 5.7.1 <bob@example.org>: Relay access denied", SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        var e = d.Explain(CultureInfo.GetCultureInfo("fr"));
        var facts = e.Facts.ToDictionary(f => f.Key, f => f.Value);

        Assert.Equal("Relais refusé", facts["Nature"]);
        Assert.Equal("oui", facts["Blocage de relais"]);
        Assert.Equal("destinataire (RCPT TO)", facts["Étape"]);
        Assert.Equal("b***@example.org", facts["Adresse"]);
        Assert.Contains("b***@example.org", e.UserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void KindName_IsTheTitleInTheLanguage()
    {
        Assert.Equal("Relais refusé", DiagnosisExplainer.KindName(SmtpFailureKind.RelayDenied, CultureInfo.GetCultureInfo("fr")));
        Assert.Throws<ArgumentOutOfRangeException>(() => DiagnosisExplainer.KindName((SmtpFailureKind)999));
    }

    private static (RelayBlockDiagnosis Diagnosis, LanguagePack Pack, DiagnosisExplanation Explanation) ExplainAtRcpt(string reply, string language)
    {
        var d = SmtpFailureClassifier.Default.Classify(reply, SmtpFailureContext.ForStage(SmtpStage.Rcpt));
        return (d, DiagnosisExplainer.LanguagePacks.Single(p => p.Code == language), d.Explain(CultureInfo.GetCultureInfo(language)));
    }

    [Fact]
    public void Explain_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => DiagnosisExplainer.Default.Explain(null!));
    }
}
