using System;
using System.Collections.Generic;
using System.Linq;
using SmtpRelayClassifier.Tests.Data;
using Xunit;

namespace SmtpRelayClassifier.Tests.Classification;

public class RealReplyClassificationTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    public static IEnumerable<object[]> WithStage() => RealReplies.All().Select(c => new object[] { c });

    [Theory]
    [MemberData(nameof(WithStage))]
    public void Classify_RealReplyAtItsStage_GetsItsKind(ReplyCase reply)
    {
        var diagnosis = Classifier.Classify(reply.Reply, SmtpFailureContext.ForStage(reply.Stage));

        Assert.Equal(reply.Kind, diagnosis.Kind);
        if (reply.IsRelayBlock is { } relayBlock)
            Assert.Equal(relayBlock, diagnosis.IsRelayBlock);
        Assert.False(string.IsNullOrEmpty(diagnosis.RuleId));
        Assert.False(string.IsNullOrEmpty(diagnosis.Summary));
    }

    [Theory]
    [MemberData(nameof(WithStage))]
    public void Classify_RealReplyWithoutStage_GetsTheSameKind(ReplyCase reply)
    {
        // The text alone must decide: callers often do not know the stage.
        var diagnosis = Classifier.Classify(reply.Reply);

        Assert.Equal(reply.Kind, diagnosis.Kind);
    }

    [Theory]
    [MemberData(nameof(WithStage))]
    public void Classify_RealReplyAsUtf8Bytes_GetsTheSameDiagnosisAsText(ReplyCase reply)
    {
        var fromText = Classifier.Classify(reply.Reply, SmtpFailureContext.ForStage(reply.Stage));
        var fromBytes = Classifier.Classify(System.Text.Encoding.UTF8.GetBytes(reply.Reply).AsSpan(), SmtpFailureContext.ForStage(reply.Stage));

        Assert.Equal(fromText.Kind, fromBytes.Kind);
        Assert.Equal(fromText.RuleId, fromBytes.RuleId);
        Assert.Equal(fromText.ReplyText, fromBytes.ReplyText);
        Assert.Equal(fromText.Mailbox, fromBytes.Mailbox);
    }

    [Theory]
    [MemberData(nameof(WithStage))]
    public void ClassifyKind_RealReply_AgreesWithClassify(ReplyCase reply)
    {
        var context = SmtpFailureContext.ForStage(reply.Stage);

        Assert.Equal(Classifier.Classify(reply.Reply, context).Kind, Classifier.ClassifyKind(reply.Reply, context));
    }

    // Gmail's SPF refusal (support.google.com/mail/answer/81126, as quoted in Corpus/vendors.tsv), relayed back in an Exim
    // bounce: a remote server refusing the sender for SPF is no relay block, in a bounce as in the client's own session.
    [Theory]
    [InlineData(DiagnosisSource.SubmissionSession)]
    [InlineData(DiagnosisSource.RemoteServer)]
    public void SenderRefusedForSpf_IsNoRelayBlock_WhoeverReportsIt(DiagnosisSource source)
    {
        const string Reply = "550 5.7.26 The MAIL FROM domain [example.com] has an SPF record with a hard fail policy (-all) but it fails to pass SPF checks with the ip: [192.0.2.10].";

        var diagnosis = Classifier.Classify(Reply, new SmtpFailureContext { Source = source, Stage = SmtpStage.EndOfData });

        Assert.Contains(diagnosis.Kind, new[] { SmtpFailureKind.SenderNotAuthorized, SmtpFailureKind.MessageRejected });
        Assert.False(diagnosis.IsRelayBlock, $"{diagnosis.Kind} by {diagnosis.RuleId}");
        Assert.False(Classifier.ClassifyBrief(Reply, new SmtpFailureContext { Source = source, Stage = SmtpStage.EndOfData }).IsRelayBlock);
    }
}
