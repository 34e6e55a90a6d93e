using System;
using System.Net.Sockets;
using System.Threading;
using Xunit;

namespace SmtpRelayClassifier.Tests.Classification;

public class SmtpFailurePredicatesTests
{
    [Fact]
    public void IsTransient_Timeout_IsTrue()
    {
        Assert.True(SmtpFailurePredicates.IsTransient(new TimeoutException()));
    }

    [Fact]
    public void IsTransient_CallersOwnCancellation_IsFalse()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.False(SmtpFailurePredicates.IsTransient(new OperationCanceledException(cts.Token), cts.Token));
    }

    [Fact]
    public void IsTransient_CancellationCausedByATimeout_IsTrue()
    {
        Assert.True(SmtpFailurePredicates.IsTransient(new OperationCanceledException("timed out", new TimeoutException()), CancellationToken.None));
    }

    [Fact]
    public void IsTransient_RelayDenial_IsFalseAndIsRelayBlock()
    {
        var e = new System.Net.Mail.SmtpFailedRecipientException(System.Net.Mail.SmtpStatusCode.MailboxUnavailable, "bob@example.org", "Mailbox unavailable. The server response was: 5.7.1 Unable to relay for bob@example.org");

        Assert.False(SmtpFailurePredicates.IsTransient(e));
        Assert.True(SmtpFailurePredicates.IsRelayBlock(e));
    }

    [Fact]
    public void IsTransient_ConnectionRefused_IsTrue()
    {
        Assert.True(SmtpFailurePredicates.IsTransient(new SocketException((int)SocketError.ConnectionRefused)));
    }

    [Fact]
    public void Predicates_Null_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => SmtpFailurePredicates.IsTransient(null!));
        Assert.Throws<ArgumentNullException>(() => SmtpFailurePredicates.IsRelayBlock(null!));
    }
}
