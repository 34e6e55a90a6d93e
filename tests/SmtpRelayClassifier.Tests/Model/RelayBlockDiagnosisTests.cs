using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace SmtpRelayClassifier.Tests.Model;

/// <summary>A diagnosis is a value: equal when its properties are (the lists by content), and printed as a masked one-line summary.</summary>
public class RelayBlockDiagnosisTests
{
    // Postfix smtpd_check.c reject_unauth_destination.
    private const string PostfixRelayDenied = "554 5.7.1 <bob@example.org>: Relay access denied";

    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Fact]
    public void Equals_TwoClassificationsOfTheSameReply_AreEqualWithTheSameHashCode()
    {
        var first = Classifier.Classify(PostfixRelayDenied, SmtpStage.Rcpt);
        var second = Classifier.Classify(new string(PostfixRelayDenied.AsSpan()), SmtpStage.Rcpt);
        second = second with { Causes = second.Causes.ToList(), Remedies = second.Remedies.ToArray() };

        Assert.NotSame(first.Causes, second.Causes);
        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Equals_CausesDifferInContentOrOrder_IsFalse()
    {
        var d = Classifier.Classify(PostfixRelayDenied, SmtpStage.Rcpt);
        Assert.True(d.Causes.Count > 1);

        Assert.NotEqual(d, d with { Causes = d.Causes.Skip(1).ToArray() });
        Assert.NotEqual(d, d with { Causes = d.Causes.Reverse().ToArray() });
        Assert.NotEqual(d, d with { Causes = [] });
    }

    [Fact]
    public void Equals_RemediesDifferInContentOrOrder_IsFalse()
    {
        var d = Classifier.Classify(PostfixRelayDenied, SmtpStage.Rcpt);
        Assert.True(d.Remedies.Count > 1);

        Assert.NotEqual(d, d with { Remedies = d.Remedies.Skip(1).ToArray() });
        Assert.NotEqual(d, d with { Remedies = d.Remedies.Reverse().ToArray() });
        Assert.NotEqual(d, d with { Remedies = [.. d.Remedies, FailureRemedy.RetryLater] });
    }

    [Fact]
    public void Equals_AnyPropertyChanged_IsFalse()
    {
        var d = Classifier.ClassifyHResult(0x800CCC79u, PostfixRelayDenied) with { Server = "smtp.example.org", Port = 25, ErrorType = "timed_out" };
        // IsFailure has no setter: it follows from NotFailure.
        var properties = typeof(RelayBlockDiagnosis).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToArray();

        var missed = new List<string>();
        foreach (var property in properties)
        {
            var changed = d with { };
            property.SetValue(changed, Changed(property.GetValue(d), property.PropertyType));
            if (changed.Equals(d))
                missed.Add(property.Name);
        }

        Assert.Equal(26, properties.Length);
        Assert.Empty(missed);
    }

    [Fact]
    public void ToString_PostfixRelayDenied_IsTheSummaryWithItsCodesMaskedMailboxAndRule()
    {
        var d = Classifier.Classify(PostfixRelayDenied, SmtpStage.Rcpt);

        Assert.Equal($"RelayDenied: {d.Summary} (554 5.7.1, b***@example.org, rule {d.RuleId})", d.ToString());
    }

    [Fact]
    public void ToString_OutlookHResultWithoutReply_NamesTheNumber()
    {
        var d = Classifier.ClassifyHResult(0x800CCC79u);

        Assert.Equal($"{d.Kind}: {d.Summary} (0x800CCC79, rule {d.RuleId})", d.ToString());
    }

    [Fact]
    public void ToString_AddressInTheSummary_IsMasked()
    {
        var d = Classifier.Classify(PostfixRelayDenied, SmtpStage.Rcpt) with { Summary = "Refused for erin@example.com." };

        Assert.StartsWith("RelayDenied: Refused for e***@example.com. (", d.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("bob@", d.ToString(), StringComparison.Ordinal);
    }

    private static object? Changed(object? value, Type type)
    {
        if (type == typeof(bool))
            return !(bool)value!;
        if (type == typeof(string))
            return value + "x";
        if (type == typeof(int?))
            return ((int?)value ?? 0) + 1;
        if (type == typeof(TimeSpan?))
            return ((TimeSpan?)value ?? TimeSpan.Zero) + TimeSpan.FromSeconds(1);
        if (type == typeof(EnhancedStatusCode?))
            return value is EnhancedStatusCode { Class: 4 } ? new EnhancedStatusCode(5, 7, 1) : new EnhancedStatusCode(4, 4, 1);
        if (type == typeof(OutlookHResult?))
            return OutlookHResult.FromValue(((OutlookHResult?)value)?.Value + 1 ?? 1u);
        if (type == typeof(DiagnosisEvidence))
            return (DiagnosisEvidence)value! with { Support = ((DiagnosisEvidence)value).Support + 1 };
        if (type == typeof(IReadOnlyList<FailureCause>))
            return ((IReadOnlyList<FailureCause>)value!).Append(FailureCause.ConnectionRefused).ToArray();
        if (type == typeof(IReadOnlyList<FailureRemedy>))
            return ((IReadOnlyList<FailureRemedy>)value!).Append(FailureRemedy.RetryLater).ToArray();
        if (type == typeof(BlockList))
            return value is BlockList list ? list with { Name = list.Name + "x" } : new BlockList("SpamCop", BlockListKind.Ip, "bl.spamcop.net", new Uri("https://www.spamcop.net/bl.shtml"));
        if (type == typeof(Uri))
            return new Uri((((Uri?)value)?.AbsoluteUri ?? "https://example.org/") + "x");
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            int at = Array.IndexOf(values, value);
            return values.GetValue((at + 1) % values.Length);
        }

        throw new InvalidOperationException($"No changed value for a {type.Name}: add one.");
    }
}
