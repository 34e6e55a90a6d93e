using System;
using System.Text;
using Xunit;

namespace SmtpRelayClassifier.Tests.Rules;

/// <summary>The weighing of every rule that holds: which explanation wins, and the confidence and evidence that follow.</summary>
public class EvidenceWeighingTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    // hrs-allbsd/sendmail:sendmail/srvrsmtp.c. The vague 5.7.0 names no kind; 502 does (command not implemented).
    [Fact]
    public void Classify_VagueEnhancedCodeBesideAReplyCodeWithAMeaning_TheReplyCodeDecides()
    {
        var d = Classifier.Classify("502 5.7.0 Sorry, we do not allow this operation");

        Assert.Equal(SmtpFailureKind.ProtocolError, d.Kind);
        Assert.Equal("code.500-504", d.RuleId);
        Assert.Equal(EvidenceStrength.ReplyCode, d.Evidence.Strength);
        Assert.True(d.Evidence.UsedReplyCode);
    }

    // hrs-allbsd/sendmail:cf/m4/proto.m4, the access map's REJECT at MAIL FROM.
    [Fact]
    public void Classify_VagueEnhancedCodeAtMail_DoesNotDecideAgainstTheStage()
    {
        var d = Classifier.Classify("550 5.7.1 <alice@example.com>... Access denied", SmtpFailureContext.ForStage(SmtpStage.Mail));

        Assert.Equal(SmtpFailureKind.SenderAddressRejected, d.Kind);
        Assert.True(d.Evidence.UsedStage);
        Assert.NotEqual("enhanced.x.7.1", d.RuleId);
    }

    // cyrusimap/cyrus-imapd:imap/lmtp_err.et. Nothing but a vague code: the kind stays open, by the corpus's conventions.
    [Fact]
    public void Classify_OnlyAVagueEnhancedCode_IsUnknownWithLowConfidence()
    {
        var d = Classifier.Classify("550 5.7.1 Permission denied", SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        Assert.Equal(SmtpFailureKind.Unknown, d.Kind);
        Assert.Equal("enhanced.x.7.1", d.RuleId);
        Assert.Equal(DiagnosisConfidence.Low, d.Confidence);
        Assert.Equal(EvidenceStrength.VagueEnhancedCode, d.Evidence.Strength);
    }

    // Gmail, quoted in github.com/fastify/help/issues/800: weak wording ("try again later") and 4.3.0 (mail system) agree.
    [Fact]
    public void Classify_WeakPhraseCorroboratedByTheEnhancedCode_IsHighConfidence()
    {
        var d = Classifier.Classify(
            "421 4.3.0 Temporary System Problem.  Try again later (10). cx5-20020a17090afd8500b002135de3013fsm2332009pjb.32 - gsmtp",
            SmtpFailureContext.ForStage(SmtpStage.Data));

        Assert.Equal(SmtpFailureKind.ServiceUnavailable, d.Kind);
        Assert.Equal(DiagnosisConfidence.High, d.Confidence);
        Assert.True(d.Evidence.Support >= 1);
        Assert.Equal(EvidenceStrength.WeakPhrase, d.Evidence.Strength);
    }

    // stalwartlabs/mail-server:crates/smtp/src/inbound/rcpt.rs: the wording says greylisting, 4.2.2 says mailbox full.
    [Fact]
    public void Classify_PhraseContradictedByASpecificCode_KeepsThePhraseWithLowerConfidenceAndNamesTheRunnerUp()
    {
        var d = Classifier.Classify("452 4.2.2 Greylisted, please try again in a few moments.", SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        Assert.Equal(SmtpFailureKind.RateLimited, d.Kind);
        Assert.Equal(DiagnosisConfidence.Medium, d.Confidence);
        Assert.NotNull(d.Evidence.ContradictingKind);
        Assert.NotEqual(SmtpFailureKind.RateLimited, d.Evidence.ContradictingKind);
        Assert.StartsWith("enhanced.", d.Evidence.ContradictingRuleId, StringComparison.Ordinal);
        Assert.Equal(EvidenceStrength.SpecificCode, d.Evidence.ContradictingStrength);
    }

    // vdukhovni/postfix:postfix/src/smtpd/smtpd.c. A vague 5.7.1 after DATA and 550 after DATA agree: two sorts of evidence.
    [Fact]
    public void Classify_LowDecisionBackedByAnotherSortOfEvidence_IsMediumConfidence()
    {
        var d = Classifier.Classify("550 5.7.1 Error: service denied", SmtpFailureContext.ForStage(SmtpStage.EndOfData));

        Assert.Equal(SmtpFailureKind.MessageRejected, d.Kind);
        Assert.Equal(DiagnosisConfidence.Medium, d.Confidence);
        Assert.Equal(1, d.Evidence.Support);
    }

    // vdukhovni/postfix:postfix/src/smtpd/smtpd_check.c, reject_unauth_destination.
    [Fact]
    public void Classify_PhraseDecides_EvidenceNamesThePhraseAndWhereItStands()
    {
        const string reply = "554 5.7.1 <bob@example.org>: Relay access denied";

        var d = Classifier.Classify(reply, SmtpFailureContext.ForStage(SmtpStage.Rcpt));

        Assert.Equal(SmtpFailureKind.RelayDenied, d.Kind);
        Assert.Equal("relay access denied", d.Evidence.Phrase);
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal("Relay access denied", reply[d.Evidence.PhraseRange]);
#endif
        Assert.True(d.Evidence.Strength >= EvidenceStrength.Phrase);
        Assert.Null(d.Evidence.ContradictingKind);
    }

    // The same reply as chars, as a string and as bytes: the same evidence, at the same place.
    [Fact]
    public void Classify_SpanStringAndBytes_GiveTheSameEvidence()
    {
        const string reply = "554 5.7.1 <bob@example.org>: Relay access denied";
        var context = SmtpFailureContext.ForStage(SmtpStage.Rcpt);

        var fromString = Classifier.Classify(reply, context).Evidence;
        var fromSpan = Classifier.Classify(reply.AsSpan(), context).Evidence;
        var fromBytes = Classifier.Classify(Encoding.ASCII.GetBytes(reply).AsSpan(), context).Evidence;

        Assert.Equal(fromString, fromSpan);
        Assert.Equal(fromString, fromBytes);
    }

    // A multi-line reply (RFC 5321 §4.2.1): the range is in the text as given, not in the joined ReplyText.
    [Fact]
    public void Classify_MultiLineReply_PhraseRangeIsInTheInput()
    {
        const string reply = "550-5.7.1 This message was not accepted\r\n550 5.7.1 because its sender is on a block list";

        var d = Classifier.Classify(reply);

        Assert.NotNull(d.Evidence.Phrase);
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal(d.Evidence.Phrase, reply[d.Evidence.PhraseRange], ignoreCase: true);
#endif
    }

    [Theory]
    [InlineData("502 5.7.0 Sorry, we do not allow this operation", SmtpStage.Unknown)]
    [InlineData("550 5.7.1 <alice@example.com>... Access denied", SmtpStage.Mail)]
    [InlineData("421 4.3.0 Temporary System Problem.  Try again later (10). cx5-20020a17090afd8500b002135de3013fsm2332009pjb.32 - gsmtp", SmtpStage.Data)]
    [InlineData("452 4.2.2 Greylisted, please try again in a few moments.", SmtpStage.Rcpt)]
    [InlineData("550 5.7.1 Error: service denied", SmtpStage.EndOfData)]
    public void ClassifyBrief_WeighedReplies_GiveTheKindRuleAndActionOfClassify(string reply, SmtpStage stage)
    {
        var context = SmtpFailureContext.ForStage(stage);

        var full = Classifier.Classify(reply, context);
        var brief = Classifier.ClassifyBrief(reply, context);

        Assert.Equal(full.Kind, brief.Kind);
        Assert.Equal(full.RuleId, brief.RuleId);
        Assert.Equal(full.RecipientAction, brief.RecipientAction);
        Assert.Equal(full.Kind, Classifier.ClassifyKind(reply, context));
    }

    // An exception's type decides without the rules: the evidence is the default value.
    [Fact]
    public void Classify_ExceptionDecidedByItsType_HasNoRuleEvidence()
    {
        var d = Classifier.Classify(new OperationCanceledException());

        Assert.Equal(default, d.Evidence);
    }
}
