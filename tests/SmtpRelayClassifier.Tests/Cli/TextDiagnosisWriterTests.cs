using System;
using SmtpRelayClassifier.Cli;
using Xunit;

namespace SmtpRelayClassifier.Tests.Cli;

/// <summary>
/// The text output's fields beside the explanation's facts: what to do with the recipient, how long to wait (the
/// server's own figure and where it stands, or the kind's default), the block list with what it lists and its removal
/// page, the listed item and the help link, in the run's language.
/// </summary>
public class TextDiagnosisWriterTests
{
    // Postfix smtpd_check.c reject_rbl_client, with the list's own look-up link.
    private const string Spamhaus = "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.10";

    [Fact]
    public void ClassifyText_GreylistedForFiveMinutes_TheWaitIsTheServersAndSaysWhereItStands()
    {
        // Postfix with a greylisting policy server, quoted at https://hoststud.com/resources/email-error-450-and-it%E2%80%99s-solution.317/updates.
        const string reply = "450 4.7.1 <bob@example.org>: Client host rejected: Greylisted for 5 minutes";
        int at = reply.IndexOf("5 minutes", StringComparison.Ordinal);

        var (_, output, _) = CliRunner.Run(string.Empty, "classify", "--lang", "en", "--stage", "rcpt", reply);

        Assert.Contains($"Retry after:        5 min, as the server said [{at}..{at + 9}]\n", output, StringComparison.Ordinal);
        Assert.Contains("Recipient action:   send again later, unchanged\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassifyText_ATemporaryFailureThatNamesNoWait_TheWaitIsTheKindsDefault()
    {
        // Google Workspace, https://support.google.com/a/answer/3726730.
        const string reply = "450 4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time.";

        var (_, output, _) = CliRunner.Run(string.Empty, "classify", "--lang", "en", reply);

        Assert.Contains("Retry after:        30 min, the default for this kind\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassifyText_APermanentFailure_HasNoWait()
    {
        // Postfix smtpd_check.c reject_unauth_destination.
        var (_, output, _) = CliRunner.Run(string.Empty, "classify", "--lang", "en", "554 5.7.1 <bob@example.org>: Relay access denied");

        Assert.DoesNotContain("Retry after", output, StringComparison.Ordinal);
        Assert.Contains("Recipient action:   fix the sending side's set-up; the recipient is not at fault\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassifyText_ASpamhausListing_ShowsTheListWhatItListsItsRemovalPageTheListedAddressAndTheLink()
    {
        var (_, output, _) = CliRunner.Run(string.Empty, "classify", "--lang", "en", "--stage", "rcpt", Spamhaus);

        Assert.Contains("Block list:         Spamhaus ZEN (lists IP addresses); look-up and removal: https://check.spamhaus.org/\n", output, StringComparison.Ordinal);
        Assert.Contains("Listed item:        192.0.2.10\n", output, StringComparison.Ordinal);
        Assert.Contains("Help link:          https://www.spamhaus.org/query/ip/192.0.2.10\n", output, StringComparison.Ordinal);
        Assert.Contains("Recipient action:   send from another IP address, relay or provider\n", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "Liste de blocage", "Spamhaus ZEN (liste des adresses IP)\u00A0; consultation et retrait\u00A0: https://check.spamhaus.org/", "Élément listé", "Lien d'aide")]
    [InlineData("de", "Sperrliste", "Spamhaus ZEN (listet IP-Adressen); Abfrage und Austragung: https://check.spamhaus.org/", "Gelistetes Element", "Hilfe-Link")]
    [InlineData("es", "Lista de bloqueo", "Spamhaus ZEN (lista direcciones IP); consulta y retirada: https://check.spamhaus.org/", "Elemento listado", "Enlace de ayuda")]
    public void ClassifyText_Lang_TheFieldsInThatLanguage(string language, string blockList, string value, string listedItem, string helpLink)
    {
        var (_, output, _) = CliRunner.Run(string.Empty, "classify", "--lang", language, "--stage", "rcpt", Spamhaus);
        string colon = language == "fr" ? "\u00A0:" : ":";

        Assert.Equal(value, ValueOf(output, blockList + colon));
        Assert.Equal("192.0.2.10", ValueOf(output, listedItem + colon));
        Assert.Equal("https://www.spamhaus.org/query/ip/192.0.2.10", ValueOf(output, helpLink + colon));
    }

    [Fact]
    public void ClassifyText_TwoListingsInOneRun_EachExplanationNamesItsOwnList()
    {
        // Postfix smtpd_check.c reject_rbl_client for two lists: the same rule, codes and stage, another list and link.
        const string spamCop = "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.10";

        var (_, output, _) = CliRunner.Run(Spamhaus + "\n" + spamCop + "\n", "classify", "--lang", "en", "--stage", "rcpt");

        var second = output[output.IndexOf("Input:", 1, StringComparison.Ordinal)..];
        Assert.Contains("Listed by: SpamCop (192.0.2.10) — look-up and removal: https://www.spamcop.net/bl.shtml\n", second, StringComparison.Ordinal);
        Assert.Contains("More about this reply: https://www.spamcop.net/bl.shtml?192.0.2.10\n", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Spamhaus", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1786, "29 min 46 s")]
    [InlineData(5400, "1 h 30 min")]
    [InlineData(172800, "48 h")]
    [InlineData(0, "0 s")]
    public void Duration_AWait_InHoursMinutesAndSeconds(int seconds, string expected) =>
        Assert.Equal(expected, TextDiagnosisWriter.Duration(TimeSpan.FromSeconds(seconds)));

    // The value of the line that starts with a label, from its column on.
    private static string ValueOf(string output, string label)
    {
        string? line = Array.Find(output.Split('\n'), l => l.StartsWith(label + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"no line '{label}' in:\n{output}");
        return line[label.Length..].TrimStart();
    }
}
