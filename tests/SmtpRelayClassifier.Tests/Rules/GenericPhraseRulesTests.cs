using Xunit;

namespace SmtpRelayClassifier.Tests.Rules;

/// <summary>
/// The generic wording rules by phenomenon: what each phenomenon's wording yields, and which wording wins when a reply
/// holds two (replies from the development corpus, Corpus/*.tsv, with their sources).
/// </summary>
public partial class GenericPhraseRulesTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    private static RelayBlockDiagnosis Classify(string reply, SmtpStage stage) => Classifier.Classify(reply, SmtpFailureContext.ForStage(stage));

    private static void AssertKindAtRcptAndNoRelayBlock(string reply, SmtpFailureKind kind)
    {
        var diagnosis = Classify(reply, SmtpStage.Rcpt);

        Assert.Equal(kind, diagnosis.Kind);
        Assert.False(diagnosis.IsRelayBlock);
    }

    [Fact]
    public void Classify_FullMailboxThatAlsoNamesALimit_IsMailboxFullNotRate()
    {
        // KumoCorp/kumomta:assets/community/bounces.toml
        var diagnosis = Classify("550 5.2.2 Mailbox is full / Blocks limit exceeded / Inode limit exceeded", SmtpStage.Rcpt);

        Assert.Equal(SmtpFailureKind.MailboxFull, diagnosis.Kind);
        Assert.Equal("generic.mailbox-full", diagnosis.RuleId);
    }

    [Fact]
    public void Classify_RecipientReceivingTooQuickly_IsRateLimitedNotRecipientUnknown()
    {
        // https://support.google.com/a/answer/3726730: 4.2.1 is a recipient-side rate here, not a disabled mailbox.
        var diagnosis = Classify("450 4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time.",
            SmtpStage.Rcpt);

        Assert.Equal(SmtpFailureKind.RateLimited, diagnosis.Kind);
        Assert.True(diagnosis.IsTransient);
    }

    [Theory]
    [InlineData("451 VS1-IP Excessive unknown recipients - possible Open Relay More information (#4.1.8)")] // Yahoo help, abuse-57
    [InlineData("550 Rejected for too many bad recipients")] // Exim configure.default
    [InlineData("552 Error: Too many illegal recipients")] // MailDiode SMTPError
    [InlineData("Dictionary attack detected")] // bastion.umanix.net/info
    public void Classify_TooManyBadRecipients_IsRateLimitedNotRecipientUnknownNorRelay(string reply)
        => AssertKindAtRcptAndNoRelayBlock(reply, SmtpFailureKind.RateLimited);

    [Theory]
    [InlineData("554 This IP has been temporarily blocked for attempting to send too many messages containing content judged to be spam by the Internet community. IB110")]
    [InlineData("554 This IP has been temporarily blocked for attempting to mail too many invalid recipients. IB112")]
    public void Classify_IpBlockedForSendingTooMuch_IsClientBlockedNotRateNorRecipient(string reply)
    {
        // sisimai/p5-sisimai:lib/Sisimai/Rhost/GoDaddy.pm: the block is the answer, the count is its reason.
        Assert.Equal(SmtpFailureKind.ClientBlocked, Classify(reply, SmtpStage.Rcpt).Kind);
    }

    [Fact]
    public void Classify_LoopCountedInHops_IsALoopNotAMessageTooLarge()
    {
        // Gmail: "Message exceeded 50 hops" names no size.
        var diagnosis = Classify("554 5.4.6 Message exceeded 50 hops, this may indicate a mail loop. For more information, go to Gmail Help.",
            SmtpStage.EndOfData);

        Assert.NotEqual(SmtpFailureKind.MessageTooLarge, diagnosis.Kind);
        Assert.Equal("generic.mail-loop", diagnosis.RuleId);
    }

    [Theory]
    [InlineData("450 Virus scanner error")] // haraka-plugin-clamd
    [InlineData("450 Virus scanner timed out")] // haraka-plugin-clamd
    [InlineData("451 4.7.0 DKIM signing error")] // OpenDKIM opendkim.c
    public void Classify_FilterThatFailed_IsServiceUnavailableNotAVerdictOnTheMessage(string reply)
    {
        var diagnosis = Classify(reply, SmtpStage.EndOfData);

        Assert.Equal(SmtpFailureKind.ServiceUnavailable, diagnosis.Kind);
        Assert.True(diagnosis.IsTransient);
    }

    [Theory]
    [InlineData("550 Account is not active.")] // maddy
    [InlineData("User suspended")] // Coremail
    [InlineData("550 [suspend] Mailbox currently suspended--Please contact correspondent directly.")] // AT&T
    [InlineData("550 <bob@lycos.de>: Recipient address rejected: Account Closed")] // sitepackage.de
    [InlineData("mailbox has been blocked due to inactivity")] // PHP-Bounce-Handler
    [InlineData("This address no longer accepts mail")] // PHP-Bounce-Handler
    public void Classify_DisabledSuspendedClosedOrMovedRecipient_IsRecipientUnknown(string reply)
        => AssertKindAtRcptAndNoRelayBlock(reply, SmtpFailureKind.RecipientUnknown);

    [Theory]
    [InlineData("550 L'adresse bob@example.fr n'existe pas")]
    [InlineData("550 Der Empfänger existiert nicht")]
    [InlineData("550 El buzón no existe")]
    [InlineData("550 Indirizzo inesistente")]
    [InlineData("550 O endereço não existe")]
    [InlineData("550 Het adres bestaat niet")]
    [InlineData("550 Nie ma takiego konta")]
    [InlineData("550 Адрес не существует")]
    [InlineData("550 用户不存在")]
    [InlineData("550 宛先不明 bob@example.jp")]
    public void Classify_UnknownRecipientInEachLanguage_IsRecipientUnknown(string reply)
    {
        Assert.Equal(SmtpFailureKind.RecipientUnknown, Classify(reply, SmtpStage.Rcpt).Kind);
    }

    [Theory]
    [InlineData("550 Sender did not verify", SmtpStage.Rcpt)] // Exim spec (sender checked in the RCPT ACL)
    [InlineData("550 Sender's domain is listed at dbl.spamhaus.org", SmtpStage.Rcpt)] // Exim spec: the sender's domain is listed, not the client
    [InlineData("451: Could not complete sender verification", SmtpStage.Mail)] // secure.syminet.com help centre
    [InlineData("Requested action not taken: NULL sender is not allowed", SmtpStage.Mail)] // Coremail: the null sender, not someone else's address
    public void Classify_SenderAddressWording_IsSenderAddressRejected(string reply, SmtpStage stage)
    {
        var diagnosis = Classify(reply, stage);

        Assert.Equal(SmtpFailureKind.SenderAddressRejected, diagnosis.Kind);
        Assert.False(diagnosis.IsRelayBlock);
    }

    [Theory]
    [InlineData("valid RCPT command must precede DATA", SmtpStage.Data)] // PHP-Bounce-Handler
    [InlineData("421 4.7.0 mail.example.net Too many bad commands; closing connection", SmtpStage.Rcpt)] // Sendmail srvrsmtp.c
    [InlineData("451 Bare line-feed; see http://haraka.github.io/barelf/", SmtpStage.EndOfData)] // Haraka
    [InlineData("550 5.6.7 SMTPUTF8 is required for non-ASCII senders", SmtpStage.Mail)] // maddy
    [InlineData("504 5.7.4 Already in TLS mode.", SmtpStage.StartTls)] // Stalwart
    public void Classify_ClientSpokeOutOfTurn_IsProtocolErrorWhateverTheCode(string reply, SmtpStage stage)
    {
        Assert.Equal(SmtpFailureKind.ProtocolError, Classify(reply, stage).Kind);
    }


    [InlineData("421 4.7.0 TLS required for RCPT domain, closing connection.")]
    public void Classify_ClosingConnection_IsNotByItselfAServiceFailure(string reply)
    {
        Assert.NotEqual("generic.service-unavailable", Classify(reply, SmtpStage.Rcpt).RuleId);
    }
}
