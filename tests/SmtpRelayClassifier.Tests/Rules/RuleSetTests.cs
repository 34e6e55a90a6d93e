using System;
using System.Linq;
using SmtpRelayClassifier.Rules;
using Xunit;

namespace SmtpRelayClassifier.Tests.Rules;

public class RuleSetTests
{
    [Fact]
    public void DefaultRules_Ids_AreUniqueAndWellFormed()
    {
        var rules = DefaultRules.Compiled.Rules;

        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rules, r => Assert.Matches("^[a-z0-9]+(\\.[a-z0-9.x-]+)+$", r.Id));
    }

    [Fact]
    public void DefaultRules_EveryKind_HasARule()
    {
        var kinds = DefaultRules.Compiled.Rules.Select(r => r.Kind).ToHashSet();

        Assert.All(Enum.GetValues<SmtpFailureKind>(), k => Assert.Contains(k, kinds));
    }

    [Fact]
    public void DefaultRules_VendorRules_NameTheirVendorAndLiveInTheVendorTiers()
    {
        var vendorRules = DefaultRules.Compiled.Rules.Where(r => r.Vendor is not null).ToList();

        Assert.True(vendorRules.Select(r => r.Vendor).Distinct().Count() >= 15);
        Assert.All(vendorRules, r => Assert.True(r.Tier <= RuleTier.Vendor, r.Id));
    }

    [Fact]
    public void DefaultRules_Phrases_AreLowerCaseAndTrimmed()
    {
        var phrases = DefaultRules.Compiled.Rules.SelectMany(r => r.AnyPhrase.Concat(r.AllPhrases).Concat(r.NotPhrases));

        Assert.All(phrases, p => Assert.Equal(p.ToLowerInvariant(), p));
        Assert.All(phrases, p => Assert.False(string.IsNullOrWhiteSpace(p)));
    }

    [Fact]
    public void DefaultRules_RelayDeniedPhraseRules_NeverFireAtConnectOrEhlo()
    {
        var relayPhraseRules = DefaultRules.Compiled.Rules.Where(r => r.Kind == SmtpFailureKind.RelayDenied && r.AnyPhrase.Count > 0);

        Assert.All(relayPhraseRules, r =>
        {
            Assert.DoesNotContain(SmtpStage.Connect, r.Stages);
            Assert.NotEmpty(r.Stages);
        });
    }

    [Fact]
    public void RuleSet_DuplicateIds_AreRefusedWithTheId()
    {
        var rule = new SmtpFailureRule { Id = "test.same", Kind = SmtpFailureKind.Unknown, Tier = RuleTier.Fallback };

        var e = Assert.Throws<ArgumentException>(() => new RuleSet([rule, rule with { }]));

        Assert.Contains("test.same", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSet_WithoutUnconditionalLastRule_IsRefused()
    {
        var rule = new SmtpFailureRule { Id = "test.phrase", Kind = SmtpFailureKind.RelayDenied, Tier = RuleTier.Phrase, AnyPhrase = ["relay"] };

        Assert.Throws<ArgumentException>(() => new RuleSet([rule]));
    }

    [Fact]
    public void RuleSet_PhraseMustStartAtAWordBoundary()
    {
        var set = new RuleSet(
        [
            new SmtpFailureRule { Id = "test.rbl", Kind = SmtpFailureKind.ClientBlocked, Tier = RuleTier.Phrase, AnyPhrase = ["rbl"] },
            new SmtpFailureRule { Id = "test.unknown", Kind = SmtpFailureKind.Unknown, Tier = RuleTier.Fallback },
        ]);

        Assert.Equal("test.unknown", set.Evaluate("herbl tea", 550, default, SmtpStage.Unknown).Rule.Id);
        Assert.Equal("test.rbl", set.Evaluate("listed in an RBL", 550, default, SmtpStage.Unknown).Rule.Id);
        Assert.Equal("test.rbl", set.Evaluate("(rbl) herbl", 550, default, SmtpStage.Unknown).Rule.Id);
    }

    // Long texts are folded a window at a time (RuleSet.Phrases.cs): what is found, and where, does not depend on where
    // the windows fall.
    [Theory]
    [InlineData(0)]
    [InlineData(700)]
    [InlineData(767)]
    [InlineData(1000)]
    [InlineData(1023)]
    [InlineData(5000)]
    public void RuleSet_PhraseFarIntoALongText_IsFoundWhereItStands(int at)
    {
        var set = RelayAccessDeniedSet();
        string text = new string('x', at) + " Relay access denied " + new string('y', 3000);

        var decision = set.Evaluate(text, 554, default, SmtpStage.Rcpt);

        Assert.Equal("test.relay", decision.Rule.Id);
        Assert.Equal(at + 1, decision.PhraseOffset);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(900)]
    [InlineData(1020)]
    public void RuleSet_LongRunOfBlanksInsideAPhrase_MatchesOneSpaceAcrossTheFoldWindow(int at)
    {
        var set = RelayAccessDeniedSet();
        string text = new string('x', at) + " relay" + new string(' ', 2500) + "access \r\n\t denied";

        var decision = set.Evaluate(text, 554, default, SmtpStage.Rcpt);

        Assert.Equal("test.relay", decision.Rule.Id);
        Assert.Equal(at + 1, decision.PhraseOffset);
    }

    private static RuleSet RelayAccessDeniedSet() => new(
    [
        new SmtpFailureRule { Id = "test.relay", Kind = SmtpFailureKind.RelayDenied, Tier = RuleTier.Phrase, AnyPhrase = ["relay access denied"] },
        new SmtpFailureRule { Id = "test.unknown", Kind = SmtpFailureKind.Unknown, Tier = RuleTier.Fallback },
    ]);

    [Fact]
    public void RuleSet_LowerTierWins_WhateverTheDeclarationOrder()
    {
        var set = new RuleSet(
        [
            new SmtpFailureRule { Id = "test.code", Kind = SmtpFailureKind.ProtocolError, Tier = RuleTier.ReplyCode, Codes = [550] },
            new SmtpFailureRule { Id = "test.phrase", Kind = SmtpFailureKind.RelayDenied, Tier = RuleTier.Phrase, AnyPhrase = ["relaying denied"] },
            new SmtpFailureRule { Id = "test.unknown", Kind = SmtpFailureKind.Unknown, Tier = RuleTier.Fallback },
        ]);

        Assert.Equal("test.phrase", set.Evaluate("Relaying denied", 550, default, SmtpStage.Rcpt).Rule.Id);
    }
}
