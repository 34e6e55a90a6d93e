using System.Globalization;
using Xunit;

namespace SmtpRelayClassifier.Tests.Explanations;

public class BlockListExplanationTests
{
    // ZoneMTA's bounce table (zone-eu/zone-mta: config/bounces.txt).
    private const string SpamhausReply =
        "554 5.7.1 mta.example.com[11.22.33.44] blocked using zen.spamhaus.org. Please see https://www.spamhaus.org/query/ip/11.22.33.44";

    [Theory]
    [InlineData("en", "Listed by: Spamhaus ZEN (11.22.33.44)", "More about this reply: https://www.spamhaus.org/query/ip/11.22.33.44")]
    [InlineData("fr", "Listé par : Spamhaus ZEN (11.22.33.44)", "Plus d’informations sur cette réponse : https://www.spamhaus.org/query/ip/11.22.33.44")]
    [InlineData("de", "Gelistet bei: Spamhaus ZEN (11.22.33.44)", "Mehr zu dieser Antwort: https://www.spamhaus.org/query/ip/11.22.33.44")]
    [InlineData("es", "Incluido en: Spamhaus ZEN (11.22.33.44)", "Más información sobre esta respuesta: https://www.spamhaus.org/query/ip/11.22.33.44")]
    public void Explain_ReplyNamingABlockList_NamesTheListItsRemovalPageAndTheLink(string language, string listLine, string linkLine)
    {
        var diagnosis = SmtpFailureClassifier.Default.Classify(SpamhausReply);

        var explanation = DiagnosisExplainer.Default.Explain(diagnosis, CultureInfo.GetCultureInfo(language));

        Assert.Contains(listLine, explanation.TechnicalExplanation, System.StringComparison.Ordinal);
        Assert.Contains("https://check.spamhaus.org/", explanation.TechnicalExplanation, System.StringComparison.Ordinal);
        Assert.EndsWith(linkLine, explanation.TechnicalExplanation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ReplyWithoutListOrLink_AddsNoLine()
    {
        // Postfix's virtual(8) refusal.
        var diagnosis = SmtpFailureClassifier.Default.Classify("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table");

        var explanation = DiagnosisExplainer.Default.Explain(diagnosis, CultureInfo.GetCultureInfo("en"));

        Assert.DoesNotContain("Listed by", explanation.TechnicalExplanation, System.StringComparison.Ordinal);
        Assert.DoesNotContain("More about this reply", explanation.TechnicalExplanation, System.StringComparison.Ordinal);
    }
}
