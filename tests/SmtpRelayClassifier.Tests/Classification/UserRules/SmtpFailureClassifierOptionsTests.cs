using System;
using System.Linq;
using SmtpRelayClassifier.Rules;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Classification.UserRules;

/// <summary>Rules of one's own built in code: the options' defaults, what a user rule and a disabled rule change, and every check.</summary>
public class SmtpFailureClassifierOptionsTests
{
    // Aliyun mail's reply to a RCPT for a domain it does not host (its documentation, mirrored at
    // http://bestwisewords.com/document_detail/36612.html; Corpus/vendors2.tsv): a relay denial that the built-in rules
    // read as a protocol error from its 503.
    private const string AliyunRelayDenied = "503 Rcptto account isn't a local account";

    // A site's relay denial in smtpf's words (http://www.snertsoft.com/smtp/smtpf/reply.html; Corpus/vendors2.tsv), which
    // the built-in rules leave Unknown: the vague 5.7.1 names no kind.
    private const string SmtpfUucpDenied = "550 5.7.1 UUCP addressing denied #132";

    // An Exim greeting of a shared host (Corpus/vendors2.tsv: gator4095.gator.com); not a failure, but generic.spam reads "unsolicited".
    private const string EximGreeting = "220-gator4095.gator.com ESMTP Exim 4.87 #1 Thu, 04 May 2017 04:19:00 -0500\n220-We do not authorize the use of this system to transport unsolicited,\n220 and/or bulk e-mail.";

    private static readonly SmtpFailureRuleDefinition AliyunRule = new()
    {
        Id = "site.aliyun-not-local",
        Kind = SmtpFailureKind.RelayDenied,
        Vendor = "Aliyun",
        Phrases = ["account isn't a local account"],
        Codes = [503],
        Stages = [SmtpStage.Rcpt],
    };

    [Fact]
    public void Options_Defaults_AreNoRulesNothingDisabledAndTheBuiltInRules()
    {
        var options = new SmtpFailureClassifierOptions();

        Assert.Empty(options.Rules);
        Assert.Empty(options.DisabledRuleIds);
        Assert.True(options.IncludeBuiltInRules);
    }

    [Fact]
    public void Definition_Defaults_AreVendorStrengthAndNoEvidence()
    {
        var rule = new SmtpFailureRuleDefinition { Id = "site.x", Kind = SmtpFailureKind.RelayDenied };

        Assert.Equal(EvidenceStrength.VendorPhrase, rule.Strength);
        Assert.Null(rule.Vendor);
        Assert.Empty(rule.Phrases);
        Assert.Empty(rule.AllPhrases);
        Assert.Empty(rule.NotPhrases);
        Assert.Empty(rule.Stages);
        Assert.False(rule.StageRequired);
        Assert.Empty(rule.Codes);
        Assert.Equal(0, rule.CodeClass);
        Assert.Empty(rule.EnhancedCodes);
        Assert.Null(rule.Causes);
        Assert.Null(rule.Remedies);
        Assert.Null(rule.Responsible);
        Assert.Null(rule.Confidence);
        Assert.Equal(SmtpFailureRuleTransience.KindDefault, rule.Transience);
        Assert.Null(rule.Action);
        Assert.Null(rule.HelpLink);
        Assert.Null(rule.Summary);
    }

    [Fact]
    public void Create_EmptyOptions_IsTheDefaultClassifier()
    {
        Assert.Same(SmtpFailureClassifier.Default, SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions()));
    }

    [Fact]
    public void Create_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("options", () => SmtpFailureClassifier.Create(null!));
    }

    [Fact]
    public void Create_UserRule_DecidesAReplyTheBuiltInsGetWrong()
    {
        var context = new SmtpFailureContext { Stage = SmtpStage.Rcpt };
        Assert.Equal(SmtpFailureKind.ProtocolError, SmtpFailureClassifier.Default.Classify(AliyunRelayDenied, context).Kind);

        var classifier = SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions { Rules = [AliyunRule] });
        var d = classifier.Classify(AliyunRelayDenied, context);

        Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
        Assert.Equal("site.aliyun-not-local", d.RuleId);
        Assert.True(d.IsRelayBlock);
        Assert.Equal(EvidenceStrength.VendorPhrase, d.Evidence.Strength);
        Assert.Equal("account isn't a local account", d.Evidence.Phrase);
        Assert.Equal(classifier.ClassifyBrief(AliyunRelayDenied, context).RuleId, d.RuleId);
    }

    [Fact]
    public void Create_UserRule_DecidesAReplyTheBuiltInsLeaveUnknown()
    {
        Assert.Equal(SmtpFailureKind.Unknown, SmtpFailureClassifier.Default.ClassifyKind(SmtpfUucpDenied));
        var rule = new SmtpFailureRuleDefinition
        {
            Id = "site.uucp-denied", Kind = SmtpFailureKind.RelayDenied, Phrases = ["uucp addressing denied"],
            HelpLink = new Uri("http://www.snertsoft.com/smtp/smtpf/reply.html"),
        };

        var d = SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions { Rules = [rule] }).Classify(SmtpfUucpDenied);

        Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
        Assert.Equal("site.uucp-denied", d.RuleId);
        Assert.Equal(new Uri("http://www.snertsoft.com/smtp/smtpf/reply.html"), d.HelpLink);
    }

    [Fact]
    public void Create_WeakUserRule_StillComesBeforeStrongerBuiltInEvidence()
    {
        // Postfix's reject_unauth_destination (smtpd_check.c): the built-in postfix.relay-access-denied holds.
        const string reply = "554 5.7.1 <bob@example.org>: Relay access denied";
        var rule = new SmtpFailureRuleDefinition { Id = "site.554", Kind = SmtpFailureKind.MessageRejected, Strength = EvidenceStrength.ReplyCode, Codes = [554] };

        var d = SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions { Rules = [rule] }).Classify(reply, new SmtpFailureContext { Stage = SmtpStage.Rcpt });

        Assert.Equal("site.554", d.RuleId);
        Assert.Equal(SmtpFailureKind.MessageRejected, d.Kind);
        Assert.Equal("postfix.relay-access-denied", d.Evidence.ContradictingRuleId);
    }

    [Fact]
    public void Create_DisabledBuiltIn_ChangesTheDecision()
    {
        Assert.Equal("generic.spam", SmtpFailureClassifier.Default.Classify(EximGreeting).RuleId);

        var d = SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions { DisabledRuleIds = ["generic.spam"] }).Classify(EximGreeting);

        Assert.NotEqual("generic.spam", d.RuleId);
        Assert.Equal(SmtpFailureKind.Unknown, d.Kind);
    }

    [Fact]
    public void Create_UserRuleWithAction_OverridesTheRecipientActionTable()
    {
        var context = new SmtpFailureContext { Stage = SmtpStage.Rcpt };
        var classifier = SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions { Rules = [AliyunRule with { Action = RecipientAction.Suppress }] });
        var table = SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions { Rules = [AliyunRule] });

        Assert.Equal(RecipientAction.FixSenderConfiguration, table.Classify(AliyunRelayDenied, context).RecipientAction);
        Assert.Equal(RecipientAction.Suppress, classifier.Classify(AliyunRelayDenied, context).RecipientAction);
        Assert.Equal(RecipientAction.Suppress, classifier.ClassifyBrief(AliyunRelayDenied.AsSpan(), context).RecipientAction);
    }

    [Fact]
    public void Create_RulesChangedAfterwards_DoNotChangeTheClassifier()
    {
        var phrases = new System.Collections.Generic.List<string> { "uucp addressing denied" };
        var classifier = SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions
        {
            Rules = [new SmtpFailureRuleDefinition { Id = "site.uucp", Kind = SmtpFailureKind.RelayDenied, Phrases = phrases }],
        });
        phrases[0] = "nothing of the kind";

        Assert.Equal("site.uucp", classifier.Classify(SmtpfUucpDenied).RuleId);
    }

    [Fact]
    public void ClassifyBrief_WithUserRules_AllocatesNothing()
    {
        var classifier = SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions { Rules = [AliyunRule], DisabledRuleIds = ["generic.spam"] });
        var context = new SmtpFailureContext { Stage = SmtpStage.Rcpt };

        Assert.Equal(0, Allocations.PerRound(() => classifier.ClassifyBrief(AliyunRelayDenied.AsSpan(), context)));
    }

    [Fact]
    public void BuiltIn_EveryRule_KeepsItsTierThroughTheDefinition()
    {
        var rules = DefaultRules.All.ToList();
        var definitions = SmtpFailureRules.BuiltIn;

        Assert.Equal(rules.Count, definitions.Count);
        for (int i = 0; i < rules.Count; i++)
        {
            var back = RuleDefinitions.ToRule(definitions[i]);
            Assert.True(rules[i].Tier == back.Tier, $"{rules[i].Id}: tier {rules[i].Tier} comes back as {back.Tier}");
            Assert.Equal(rules[i] with { AnyPhrase = [], AllPhrases = [], NotPhrases = [], Stages = [], Codes = [], EnhancedCodes = [], Causes = null, Remedies = null },
                back with { AnyPhrase = [], AllPhrases = [], NotPhrases = [], Stages = [], Codes = [], EnhancedCodes = [], Causes = null, Remedies = null });
        }
    }

    [Fact]
    public void Transience_PublicAndEngineValues_AreTheSame()
    {
        Assert.Equal(Enum.GetNames<Transience>(), Enum.GetNames<SmtpFailureRuleTransience>());
        Assert.Equal(Enum.GetValues<Transience>().Select(v => (int)v), Enum.GetValues<SmtpFailureRuleTransience>().Select(v => (int)v));
    }

    [Fact]
    public void BuiltIn_Lists_CannotBeChangedThroughACast()
    {
        var relay = SmtpFailureRules.BuiltIn.Single(r => r.Id == "postfix.relay-access-denied");

        Assert.False(relay.Stages is SmtpStage[]);
        Assert.True(relay.Stages is System.Collections.Generic.ICollection<SmtpStage> { IsReadOnly: true });
    }

    [Fact]
    public void Create_BuiltInsOnlyAsUserRules_DecideAsTheDefault()
    {
        var classifier = SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions { Rules = SmtpFailureRules.BuiltIn, IncludeBuiltInRules = false });

        foreach (string reply in new[] { AliyunRelayDenied, SmtpfUucpDenied, EximGreeting, "554 5.7.1 <bob@example.org>: Relay access denied" })
            Assert.Equal(SmtpFailureClassifier.Default.Classify(reply), classifier.Classify(reply));
    }

    public static TheoryData<SmtpFailureRuleDefinition, string, string> BadRules => new()
    {
        { new() { Id = " ", Kind = SmtpFailureKind.RelayDenied, Phrases = ["relay"] }, "id", "must not be empty" },
        { new() { Id = "site.a", Kind = (SmtpFailureKind)99, Phrases = ["relay"] }, "kind", "99 is not a SmtpFailureKind" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, Strength = (EvidenceStrength)42, Phrases = ["relay"] }, "strength", "not a EvidenceStrength" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, Phrases = [""] }, "phrases", "a phrase must not be empty" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, AllPhrases = ["ab"] }, "allPhrases", "'ab' is too short" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, Phrases = ["relay"], NotPhrases = null! }, "notPhrases", "must not be null" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, Stages = [SmtpStage.Unknown] }, "stages", "'Unknown' is not a stage" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, Codes = [5501] }, "codes", "5501 is not a reply code" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, CodeClass = 6 }, "codeClass", "6 is not a reply class" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, EnhancedCodes = ["5.7"] }, "enhancedCodes", "'5.7' is not an enhanced code" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, EnhancedCodes = ["5.7.9-1"] }, "enhancedCodes", "'5.7.9-1' is not an enhanced code" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, EnhancedCodes = ["7.1.1"] }, "enhancedCodes", "'7.1.1' is not an enhanced code" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, Codes = [550], Causes = [(FailureCause)500] }, "causes", "500 is not a FailureCause" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, Codes = [550], Remedies = [(FailureRemedy)500] }, "remedies", "500 is not a FailureRemedy" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, Codes = [550], Responsible = (ResponsibleParty)9 }, "responsible", "9 is not a ResponsibleParty" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, Codes = [550], Confidence = (DiagnosisConfidence)9 }, "confidence", "9 is not a DiagnosisConfidence" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, Codes = [550], Transience = (SmtpFailureRuleTransience)9 }, "transience", "9 is not a SmtpFailureRuleTransience" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, Codes = [550], Action = (RecipientAction)9 }, "action", "9 is not a RecipientAction" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, Codes = [550], HelpLink = new Uri("ftp://example.org/") }, "helpLink", "not an absolute http or https address" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied, Codes = [550], Summary = " " }, "summary", "must not be empty" },
        { new() { Id = "site.a", Kind = SmtpFailureKind.RelayDenied }, "strength", "would decide every reply" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public void Create_BadRule_ThrowsNamingTheRuleAndTheField(SmtpFailureRuleDefinition rule, string field, string message)
    {
        var e = Assert.Throws<ArgumentException>("options", () => SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions { Rules = [AliyunRule, rule] }));

        Assert.Contains($"rule #2{(string.IsNullOrWhiteSpace(rule.Id) ? string.Empty : $" '{rule.Id}'")}, field '{field}': ", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DuplicateIds_Throw()
    {
        var e = Assert.Throws<ArgumentException>(() => SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions { Rules = [AliyunRule, AliyunRule] }));

        Assert.Contains("rule #2 'site.aliyun-not-local', field 'id': 'site.aliyun-not-local' is the id of rule #1 too", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_IdOfABuiltInRule_ThrowsUnlessThatRuleIsDisabled()
    {
        var replacement = AliyunRule with { Id = "generic.spam" };

        var e = Assert.Throws<ArgumentException>(() => SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions { Rules = [replacement] }));
        var classifier = SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions { Rules = [replacement], DisabledRuleIds = ["generic.spam"] });

        Assert.Contains("'generic.spam' is the id of a built-in rule", e.Message, StringComparison.Ordinal);
        Assert.Equal(SmtpFailureKind.RelayDenied, classifier.Classify(AliyunRelayDenied).Kind);
    }

    [Theory]
    [InlineData("generic.no-such-rule", "'generic.no-such-rule' is not the id of a built-in rule")]
    [InlineData("generic.unknown", "'generic.unknown' is the rule every reply falls back to")]
    public void Create_BadDisabledId_Throws(string id, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions { DisabledRuleIds = ["generic.spam", id] }));

        Assert.Contains($"field 'disable' #2: {message}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WithoutBuiltInsAndNoFallbackRule_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions { Rules = [AliyunRule], IncludeBuiltInRules = false }));

        Assert.Contains("field 'includeBuiltInRules': without the built-in rules, one rule must need no evidence", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SeveralErrors_ReportsEveryOne()
    {
        var e = Assert.Throws<ArgumentException>(() => SmtpFailureClassifier.Create(new SmtpFailureClassifierOptions
        {
            Rules = [AliyunRule with { Codes = [99] }, AliyunRule with { Id = "site.b", EnhancedCodes = ["5.x"] }],
            DisabledRuleIds = ["generic.none"],
        }));

        Assert.StartsWith("The classifier options hold 3 errors:", e.Message, StringComparison.Ordinal);
    }
}
