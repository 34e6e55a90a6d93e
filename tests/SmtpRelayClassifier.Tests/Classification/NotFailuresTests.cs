using System.Globalization;
using System.Linq;
using Xunit;

namespace SmtpRelayClassifier.Tests.Classification;

public class NotFailuresTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Theory]
    // Postfix smtpd after DATA, as in its logs: "250 2.0.0 Ok: queued as 4C1F2".
    [InlineData("250 2.0.0 Ok: queued as 4C1F2", NotFailureKind.SuccessReply)]
    // RFC 5321 §4.3.1 greeting and RFC 5321 D.1 "354 Start mail input; end with <CRLF>.<CRLF>".
    [InlineData("220 foo.com Simple Mail Transfer Service Ready", NotFailureKind.SuccessReply)]
    [InlineData("354 Start mail input; end with <CRLF>.<CRLF>", NotFailureKind.IntermediateReply)]
    // RFC 4954 §4, the AUTH LOGIN challenge.
    [InlineData("334 VXNlcm5hbWU6", NotFailureKind.IntermediateReply)]
    public void SuccessAndIntermediateReplies_AreNoFailure_WithActionNone(string reply, NotFailureKind expected)
    {
        var d = Classifier.Classify(reply);
        var brief = Classifier.ClassifyBrief(reply);

        Assert.False(d.IsFailure);
        Assert.Equal(expected, d.NotFailure);
        Assert.Equal(SmtpFailureKind.Unknown, d.Kind);
        Assert.Equal(RecipientAction.None, d.RecipientAction);
        Assert.False(brief.IsFailure);
        Assert.Equal(RecipientAction.None, brief.RecipientAction);
    }

    [Theory]
    // Postfix smtpd_check.c reject_unauth_destination; a Gmail greylisting-style deferral.
    [InlineData("554 5.7.1 <bob@example.org>: Relay access denied")]
    [InlineData("451 4.7.1 Greylisted, please try again later")]
    [InlineData("550")]
    public void Refusals_AreFailures(string reply)
    {
        var d = Classifier.Classify(reply);

        Assert.True(d.IsFailure);
        Assert.Equal(NotFailureKind.None, d.NotFailure);
        Assert.True(Classifier.ClassifyBrief(reply).IsFailure);
    }

    [Fact]
    public void OutlookSuccessCode_IsASuccessReply()
    {
        // 0x000CCC72: IXP_S_SMTP_220_READY (imnxport.h).
        var d = Classifier.ClassifyHResult(0x000CCC72u);

        Assert.Equal(NotFailureKind.SuccessReply, d.NotFailure);
        Assert.Equal(RecipientAction.None, d.RecipientAction);
    }

    [Fact]
    public void UnknownReplyWithoutCode_IsAFailure()
    {
        Assert.True(Classifier.Classify("something went wrong").IsFailure);
    }

    [Fact]
    public void IsFailure_FollowsNotFailure()
    {
        var refused = Classifier.Classify("554 5.7.1 <bob@example.org>: Relay access denied");

        Assert.All(System.Enum.GetValues<NotFailureKind>().Skip(1), kind => Assert.False((refused with { NotFailure = kind }).IsFailure));
        Assert.NotEqual(refused, refused with { NotFailure = NotFailureKind.DelayNotice });
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("es")]
    public void ReportsAboutNoFailure_AreExplainedAsSuch_InEveryLanguage(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var explainer = new DiagnosisExplainer();
        var refused = Classifier.Classify("554 5.7.1 <bob@example.org>: Relay access denied");
        var titles = new System.Collections.Generic.HashSet<string>();
        foreach (var kind in new[] { NotFailureKind.DeliveredNotice, NotFailureKind.RelayedNotice, NotFailureKind.ExpandedNotice,
            NotFailureKind.FeedbackReport, NotFailureKind.DmarcAggregateReport, NotFailureKind.AutoReply })
        {
            var notice = refused with { Kind = SmtpFailureKind.Unknown, NotFailure = kind, IsRelayBlock = false, RecipientAction = RecipientAction.None, ReplyCode = null };

            var explanation = explainer.Explain(notice, culture);

            Assert.True(titles.Add(explanation.Title), explanation.Title);
            Assert.Empty(explanation.Remedies);
            Assert.Empty(explanation.Causes);
            Assert.DoesNotContain(explainer.Explain(refused, culture).Title, explanation.TechnicalExplanation, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadmeTable_NamesEveryNotFailureKindWithItsAction()
    {
        var rows = SmtpRelayClassifier.Tests.Infrastructure.ReadmeTables.Rows("Not a failure");
        var refused = Classifier.Classify("452 4.2.2 <carol@example.net>: Mailbox full", new SmtpFailureContext { Source = DiagnosisSource.RemoteServer });

        Assert.Equal(System.Enum.GetValues<NotFailureKind>().Skip(1), rows.Select(r => System.Enum.Parse<NotFailureKind>(r[0])));
        foreach (var row in rows)
        {
            var kind = System.Enum.Parse<NotFailureKind>(row[0]);
            var d = kind switch
            {
                NotFailureKind.SuccessReply => Classifier.Classify("250 2.0.0 Ok: queued as 4C1F2"),
                NotFailureKind.IntermediateReply => Classifier.Classify("354 End data with <CR><LF>.<CR><LF>"),
                NotFailureKind.DelayNotice => NotFailures.AsDelay(refused),
                _ => NotFailures.Notice(kind, "test", "test", server: null, mailbox: null),
            };
            Assert.Equal(kind, d.NotFailure);
            Assert.Equal(System.Enum.Parse<RecipientAction>(row[2]), d.RecipientAction);
        }
    }

    [Fact]
    public void DelayNotice_IsExplainedAsTheTransientFailureItsTextGives()
    {
        var greylisted = Classifier.Classify("451 4.7.1 Greylisted, please try again later", new SmtpFailureContext { Source = DiagnosisSource.RemoteServer });
        var explainer = new DiagnosisExplainer();

        var explanation = explainer.Explain(greylisted with { NotFailure = NotFailureKind.DelayNotice });

        Assert.Equal(explainer.Explain(greylisted).Title, explanation.Title);
    }
}
