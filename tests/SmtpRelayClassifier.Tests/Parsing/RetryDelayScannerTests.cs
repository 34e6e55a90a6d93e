using System;
using System.Text;
using SmtpRelayClassifier.Parsing;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Parsing;

/// <summary>The delays servers name in their replies, and the figures that are not delays.</summary>
public class RetryDelayScannerTests
{
    public static TheoryData<string, int, string> Delays => new()
    {
        // Postgrey with --greylist-text "Greylisted for %s seconds" (schweikert/postgrey: postgrey, %s = seconds left; github.com/schweikert/postgrey/issues/86).
        { "450 4.2.0 <ppl@nayarit.be>: Recipient address rejected: Greylisted for 300 seconds", 300, "300 seconds" },
        // milter-greylist.c log_and_report_greylisting: "Greylisting in action, please come back in %R" (%R = %Rh:%Rm:%Rs).
        { "451 4.7.1 Greylisting in action, please come back in 00:29:46", (29 * 60) + 46, "00:29:46" },
        // Forward Email (github.com/forwardemail/forwardemail.net).
        { "450 4.2.1 Message was greylisted, try again in 51 seconds; see https://forwardemail.net/faq#do-you-have-a-greylist for more information", 51, "51 seconds" },
        // lavabit/magma src/servers/smtp/smtp.c.
        { "451 MAILBOX UNAVAILABLE - PLEASE TRY AGAIN IN 5 MINUTES", 300, "5 MINUTES" },
        // sdgathman/milter bms.py: a decimal.
        { "451-4.7.1 Greylisted: http://projects.puremagic.com/greylisting/\n451 4.7.1 Please retry in 5.0 minutes", 300, "5.0 minutes" },
        // The FSF's MX (reacherhq/check-if-email-exists).
        { "You dont seem to have a reverse dns entry. Come back later. You are greylisted for 20 minutes. See http://www.fsf.org/about/systems/greylisting", 1200, "20 minutes" },
        // hoststud.com, email error 450 (a Postfix greylisting policy).
        { "450 4.7.1 <bob@example.org>: Client host rejected: Greylisted for 5 minutes", 300, "5 minutes" },
        // lettre (src/transport/smtp/error.rs) quoting a greylisting reply.
        { "transient error (450): 4.7.1 <bob@example.org>: Recipient address rejected: Greylisted for 5 minutes", 300, "5 minutes" },
        // zone-eu/zonemta-wildduck index.js: a daily limit that lifts.
        { "550 You reached a daily sending limit for your account. Limit expires in 3 hours", 3 * 3600, "3 hours" },
        // The French, German and Spanish wording of "try again in 5 minutes", as rate limiters in those languages word it
        // (no SMTP server's own text in these languages was found).
        { "421 4.7.0 Trop de tentatives. Veuillez réessayer dans 5 minutes.", 300, "5 minutes" },
        { "421 4.7.0 Zu viele Anfragen. Bitte versuchen Sie es in 5 Minuten erneut.", 300, "5 Minuten" },
        { "421 4.7.0 Demasiadas conexiones. Inténtelo de nuevo en 5 minutos.", 300, "5 minutos" },
        // "Please wait 60 seconds", as rate limiters word it.
        { "421 4.7.0 Too many connections. Please wait 60 seconds", 60, "60 seconds" },
    };

    [Theory]
    [MemberData(nameof(Delays))]
    public void TryFind_RealDelay_GivesItAndWhereItStands(string text, int seconds, string words)
    {
        Assert.True(RetryDelayScanner.TryFind(text, out var delay, out var range));

        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
#if !LIBRARY_NETSTANDARD
        // Positions: public on the .NET builds only.
        Assert.Equal(words, text[range]);
#endif
    }

    [Theory]
    // postfwd doc/postfwd.txt: a rate window, not a wait.
    [InlineData("450 4.7.1 <bob@example.org>: Recipient address rejected: sorry, max 3 requests per 5 minutes")]
    // github.com/forwardemail/forwardemail.net/issues/547: a timeout.
    [InlineData("421 Promise timed out after 15000 milliseconds")]
    // cPanel's POP-before-SMTP relay refusal: a window in the past.
    [InlineData("550-ds176.domain.com [111.111.111.211] is currently not permitted to\nrelay through this server. Perhaps you have not logged into the pop/imap\nserver in the last 30 minutes or do not have SMTP Authentication turned on in your email client.")]
    // milter-greylist.c with "quiet": no figure.
    [InlineData("451 4.7.1 Greylisting in action, please come back later")]
    // Postgrey's default text.
    [InlineData("450 4.2.0 <bob@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html")]
    // A clock time, and a timeout with no word of retrying.
    [InlineData("451 4.7.1 Please retry after 12:34")]
    [InlineData("421 4.4.2 mx.example.org Error: connection idle for 300 seconds")]
    [InlineData("451 4.7.1 Try again in 0 seconds")]
    public void TryFind_NoWait_FindsNothing(string text)
    {
        Assert.False(RetryDelayScanner.TryFind(text, out var delay, out var range));
        Assert.Equal(default, delay);
        Assert.Equal(default, range);
    }

    [Fact]
    public void TryFind_AbsurdDelay_IsCappedAtSevenDays()
    {
        Assert.True(RetryDelayScanner.TryFind("452 4.7.1 Try again in 9999999 days", out var delay, out _));

        Assert.Equal(TimeSpan.FromDays(7), delay);
        Assert.Equal(RetryDelayScanner.Longest, delay);
    }

    [Fact]
    public void TryFind_EveryPrefixOfEveryDelay_NeverThrows()
    {
        foreach (var row in Delays)
        {
            string text = (string)row[0];
            for (int n = 0; n <= text.Length; n++)
                RetryDelayScanner.TryFind(text.AsSpan(0, n), out _, out _);
        }
    }

    [Fact]
    public void TryFind_AdversarialText_TakesTimeProportionalToItsLength()
    {
        static string Build(int n)
        {
            // Figures with a unit after a preposition but no word of retrying near: each costs the whole search for one.
            var sb = new StringBuilder("450 ");
            while (sb.Length < n)
                sb.Append("in 5 minutes for 1: in 12:3 1.2. in 5 parsecs ");
            return sb.ToString();
        }

        string small = Build(100 * 1024), large = Build(1024 * 1024);
        var growth = GrowthTimer.Measure(() => RetryDelayScanner.TryFind(small, out _, out _), () => RetryDelayScanner.TryFind(large, out _, out _), 10, 20);

        Assert.True(growth.Ratio <= 20, $"100 KB {growth.Small.TotalMilliseconds:F1} ms, ratio {growth.Ratio:F1}");
    }

    [Fact]
    public void TryFind_AllocatesNothingOnceWarm()
    {
        const string Text = "451 4.7.1 Greylisting in action, please come back in 00:29:46";

        Assert.Equal(0, Allocations.PerRound(() => RetryDelayScanner.TryFind(Text, out _, out _)));
    }
}
