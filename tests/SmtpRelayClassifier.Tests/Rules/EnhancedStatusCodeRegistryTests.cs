using System;
using System.Collections.Generic;
using System.Linq;
using SmtpRelayClassifier.Rules;
using Xunit;
using static SmtpRelayClassifier.SmtpFailureKind;

namespace SmtpRelayClassifier.Tests.Rules;

public class EnhancedStatusCodeRegistryTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    // The IANA registry (REFERENCE §3.3), each code with the kind it must yield at class 5 and at class 4; null: the text
    // decides (the code alone leaves the reply Unknown). Written out here, apart from the table under test.
    public static TheoryData<string, SmtpFailureKind?, SmtpFailureKind?> Iana => new()
    {
        { "0.0", null, null },
        { "1.0", null, null }, { "1.1", RecipientUnknown, RecipientVerificationDeferred }, { "1.2", RecipientUnknown, RecipientVerificationDeferred },
        { "1.3", RecipientUnknown, RecipientUnknown }, { "1.4", RecipientUnknown, RecipientUnknown }, { "1.5", RecipientUnknown, RecipientUnknown },
        { "1.6", RecipientUnknown, RecipientUnknown }, { "1.7", SenderAddressRejected, SenderAddressRejected },
        { "1.8", SenderAddressRejected, SenderAddressRejected }, { "1.9", null, null }, { "1.10", RecipientUnknown, RecipientUnknown },
        { "2.0", null, null }, { "2.1", RecipientUnknown, ServiceUnavailable }, { "2.2", MailboxFull, MailboxFull },
        { "2.3", MessageTooLarge, MessageTooLarge }, { "2.4", RecipientUnknown, ServiceUnavailable },
        { "3.0", ServiceUnavailable, ServiceUnavailable }, { "3.1", ServiceUnavailable, ServiceUnavailable },
        { "3.2", ServiceUnavailable, ServiceUnavailable }, { "3.3", null, null }, { "3.4", MessageTooLarge, MessageTooLarge },
        { "3.5", ServiceUnavailable, ServiceUnavailable }, { "3.6", null, null },
        { "4.0", null, null }, { "4.1", ConnectionFailed, ConnectionFailed }, { "4.2", ConnectionFailed, ConnectionFailed },
        { "4.3", ServiceUnavailable, ServiceUnavailable }, { "4.4", RecipientUnknown, ServiceUnavailable },
        { "4.5", ServiceUnavailable, ServiceUnavailable }, { "4.6", ServiceUnavailable, ServiceUnavailable }, { "4.7", null, null },
        { "5.0", ProtocolError, ProtocolError }, { "5.1", ProtocolError, ProtocolError }, { "5.2", ProtocolError, ProtocolError },
        { "5.3", RateLimited, RateLimited }, { "5.4", ProtocolError, ProtocolError }, { "5.5", ProtocolError, ProtocolError },
        { "5.6", ProtocolError, ProtocolError },
        { "6.0", MessageRejected, MessageRejected }, { "6.1", MessageRejected, MessageRejected }, { "6.2", MessageRejected, MessageRejected },
        { "6.3", MessageRejected, MessageRejected }, { "6.4", MessageRejected, MessageRejected }, { "6.5", MessageRejected, MessageRejected },
        { "6.6", MessageRejected, MessageRejected }, { "6.7", ProtocolError, ProtocolError }, { "6.8", ProtocolError, ProtocolError },
        { "6.9", ProtocolError, ProtocolError }, { "6.10", ProtocolError, ProtocolError },
        { "7.0", Unknown, Unknown }, { "7.1", Unknown, Unknown }, { "7.2", MessageRejected, MessageRejected }, { "7.3", TlsRequired, TlsRequired },
        { "7.4", TlsFailed, TlsFailed }, { "7.5", TlsFailed, TlsFailed }, { "7.6", TlsFailed, TlsFailed }, { "7.7", MessageRejected, MessageRejected },
        { "7.8", AuthenticationFailed, AuthenticationFailed }, { "7.9", AuthenticationFailed, AuthenticationFailed },
        { "7.10", TlsRequired, TlsRequired }, { "7.11", TlsRequired, TlsRequired }, { "7.12", AuthenticationFailed, AuthenticationFailed },
        { "7.13", RecipientUnknown, RecipientUnknown }, { "7.14", null, null }, { "7.15", MessageRejected, MessageRejected },
        { "7.16", MessageTooLarge, MessageTooLarge }, { "7.17", RecipientUnknown, RecipientUnknown }, { "7.18", RecipientUnknown, RecipientUnknown },
        { "7.19", null, null }, { "7.20", MessageRejected, MessageRejected }, { "7.21", MessageRejected, MessageRejected },
        { "7.22", MessageRejected, MessageRejected }, { "7.23", SenderNotAuthorized, SenderNotAuthorized },
        { "7.24", SenderNotAuthorized, SenderNotAuthorized }, { "7.25", ClientBlocked, ClientBlocked }, { "7.26", MessageRejected, MessageRejected },
        { "7.27", SenderAddressRejected, SenderAddressRejected }, { "7.28", RateLimited, RateLimited }, { "7.29", MessageRejected, MessageRejected },
        { "7.30", TlsRequired, TlsRequired },
    };

    // Codes a vendor reuses with its own meaning, pinned by that vendor's tests instead.
    private static readonly HashSet<string> ReusedByVendors = new(StringComparer.Ordinal) { "5.4.1" };

    private static IEnumerable<EnhancedStatusCodeEntry> Registered =>
        EnhancedStatusCodeRegistry.Entries.Where(e => !e.Code.EndsWith(".x", StringComparison.Ordinal));

    [Fact]
    public void Registry_RegisteredCodes_AreExactlyTheIanaCodes()
    {
        var iana = Iana.Select(row => (string)row[0]).ToList();

        Assert.Equal(iana, Registered.Select(e => e.Code));
    }

    [Fact]
    public void Registry_EveryRow_HasItsMeaningAndTheRfcThatRegisteredIt()
    {
        Assert.All(EnhancedStatusCodeRegistry.Entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Meaning), e.Code);
            Assert.Matches("^(RFC \\d{4}(, RFC \\d{4})*|draft-[a-z-]+)$", e.Reference);
        });
    }

    [Fact]
    public void Registry_EverySubject_HasARowForItsUnregisteredDetails()
    {
        var subjects = Registered.Select(e => e.Code[..e.Code.IndexOf('.')]).Distinct().Where(s => s != "0");

        Assert.All(subjects, s => Assert.Contains(EnhancedStatusCodeRegistry.Entries, e => e.Code == s + ".x"));
    }

    [Theory]
    [MemberData(nameof(Iana))]
    public void Registry_Row_YieldsItsKindAtEachClass(string code, SmtpFailureKind? permanent, SmtpFailureKind? transient)
    {
        var entry = Assert.Single(EnhancedStatusCodeRegistry.Entries, e => e.Code == code);

        Assert.Equal(permanent, entry.Permanent);
        Assert.Equal(transient, entry.Transient);
        Assert.Equal(permanent != transient, entry.ClassMatters);
    }

    [Theory]
    [MemberData(nameof(Iana))]
    public void Classify_RegisteredCodeWithoutWording_GetsTheKindOfItsClass(string code, SmtpFailureKind? permanent, SmtpFailureKind? transient)
    {
        foreach (var (cls, kind) in new[] { (5, permanent), (4, transient) })
        {
            string enhanced = $"{cls}.{code}";
            if (ReusedByVendors.Contains(enhanced))
                continue;

            var d = Classifier.Classify($"{enhanced} qqq");

            Assert.Equal(kind ?? Unknown, d.Kind);
            if (kind is null)
                Assert.Equal("generic.unknown", d.RuleId);
            else
                Assert.StartsWith("enhanced.", d.RuleId, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("5.1.77", RecipientUnknown)]
    [InlineData("4.3.77", ServiceUnavailable)]
    [InlineData("4.4.77", ConnectionFailed)]
    [InlineData("5.5.77", ProtocolError)]
    [InlineData("5.6.77", MessageRejected)]
    [InlineData("5.7.77", Unknown)]
    public void Classify_UnregisteredDetail_TakesTheKindOfItsSubject(string enhanced, SmtpFailureKind kind)
    {
        var d = Classifier.Classify($"{enhanced} qqq");

        Assert.Equal(kind, d.Kind);
        Assert.Equal($"enhanced.x.{enhanced[2..enhanced.LastIndexOf('.')]}.x", d.RuleId);
    }

    [Theory]
    [InlineData("5.2.77")]
    [InlineData("5.0.77")]
    public void Classify_UnregisteredDetailOfASubjectWithoutMeaning_IsLeftToTheText(string enhanced)
    {
        var d = Classifier.Classify($"{enhanced} qqq");

        Assert.Equal(Unknown, d.Kind);
        Assert.Equal("generic.unknown", d.RuleId);
    }

    [Fact]
    public void EnhancedCodeRules_FromRegistry_BuildsOneRulePerClassWhenTheClassChangesTheKind()
    {
        var rules = EnhancedCodeRules.FromRegistry(EnhancedStatusCodeRegistry.Entries).ToList();

        Assert.Contains(rules, r => r.Id == "enhanced.4.1.1" && r.Kind == RecipientVerificationDeferred && r.EnhancedCodes.SequenceEqual(["4.1.1"]));
        Assert.Contains(rules, r => r.Id == "enhanced.5.1.1" && r.Kind == RecipientUnknown && r.EnhancedCodes.SequenceEqual(["5.1.1"]));
        Assert.Contains(rules, r => r.Id == "enhanced.x.2.2" && r.Tier == RuleTier.SpecificCode && r.EnhancedCodes.SequenceEqual(["4.2.2", "5.2.2"]));
        Assert.DoesNotContain(rules, r => r.EnhancedCodes.Any(c => c.EndsWith(".0.0", StringComparison.Ordinal)));
    }
}
