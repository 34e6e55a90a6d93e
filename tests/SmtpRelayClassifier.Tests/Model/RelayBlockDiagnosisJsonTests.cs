using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MailKit.Security;
using SmtpRelayClassifier.Cli;
using SmtpRelayClassifier.Tests.Data;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;

namespace SmtpRelayClassifier.Tests.Model;

/// <summary>
/// The diagnosis JSON: plain <see cref="JsonSerializer"/> with default options writes the library's shape (enums as
/// names, codes as the strings servers and Outlook print) and reads it back to an equal diagnosis.
/// </summary>
public class RelayBlockDiagnosisJsonTests
{
    // Postfix smtpd_check.c reject_unauth_destination.
    private const string PostfixRelayDenied = "554 5.7.1 <bob@example.org>: Relay access denied";

    // Microsoft KB 290842, French edition: the Outlook dialog of a relay block.
    private const string FrenchDialog = KbExample.FrenchDialog;

    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Fact]
    public void Serialize_PostfixRelayDenied_WritesNamesAndCodesAsText()
    {
        var d = Classifier.Classify(PostfixRelayDenied, SmtpStage.Rcpt);

        string json = JsonSerializer.Serialize(d);

        Assert.Contains("\"kind\":\"RelayDenied\"", json, StringComparison.Ordinal);
        Assert.Contains("\"stage\":\"Rcpt\"", json, StringComparison.Ordinal);
        Assert.Contains("\"enhancedStatusCode\":\"5.7.1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"replyCode\":554", json, StringComparison.Ordinal);
        Assert.Contains($"\"causes\":[\"{d.Causes[0]}\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"confidence\":\"{d.Confidence}\"", json, StringComparison.Ordinal);
        Assert.Contains("\"mailbox\":\"bob@example.org\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_PostfixRelayDenied_IsEqualWithItsEvidenceRanges()
    {
        var d = Classifier.Classify(PostfixRelayDenied, SmtpStage.Rcpt);
        Assert.NotEqual(default, d.Evidence.PhraseRange);

        var back = RoundTrip(d);

        Assert.Equal(d, back);
        Assert.Equal(d.Evidence.PhraseRange, back.Evidence.PhraseRange);
        Assert.Equal(d.Evidence.ReplyCodeRange, back.Evidence.ReplyCodeRange);
        Assert.Equal(d.Evidence.EnhancedCodeRange, back.Evidence.EnhancedCodeRange);
        Assert.Equal(new EnhancedStatusCode(5, 7, 1), back.EnhancedStatusCode);
    }

    [Fact]
    public void RoundTrip_GreylistingWithTheServersDelay_KeepsTheActionTheDelayAndWhereItStands()
    {
        // Postgrey with --greylist-text "Greylisted for %s seconds" (github.com/schweikert/postgrey/issues/86).
        var d = Classifier.Classify("450 4.2.0 <ppl@nayarit.be>: Recipient address rejected: Greylisted for 300 seconds", SmtpStage.Rcpt);

        string json = JsonSerializer.Serialize(d);
        var back = JsonSerializer.Deserialize<RelayBlockDiagnosis>(json)!;

        Assert.Contains("\"recipientAction\":\"RetryLater\"", json, StringComparison.Ordinal);
        Assert.Contains("\"retryAfterSeconds\":300", json, StringComparison.Ordinal);
        Assert.Contains("\"retryAfterOffset\":", json, StringComparison.Ordinal);
        Assert.Equal(d, back);
        Assert.Equal(TimeSpan.FromSeconds(300), back.RetryAfter);
        Assert.Equal(d.Evidence.RetryAfterRange, back.Evidence.RetryAfterRange);
    }

    [Fact]
    public void RoundTrip_PermanentFailure_LeavesOutTheRetryDelay()
    {
        var d = Classifier.Classify(PostfixRelayDenied, SmtpStage.Rcpt);

        string json = JsonSerializer.Serialize(d);

        Assert.DoesNotContain("retryAfter", json, StringComparison.Ordinal);
        Assert.Contains("\"recipientAction\":\"FixSenderConfiguration\"", json, StringComparison.Ordinal);
        Assert.Null(JsonSerializer.Deserialize<RelayBlockDiagnosis>(json)!.RetryAfter);
    }

    [Fact]
    public void RoundTrip_OutlookHResult0x800CCC79_KeepsTheNumberAndItsNameFromTheTable()
    {
        var d = Classifier.ClassifyHResult(0x800CCC79u);

        string json = JsonSerializer.Serialize(d);
        var back = JsonSerializer.Deserialize<RelayBlockDiagnosis>(json)!;

        Assert.Contains("\"hresult\":\"0x800CCC79\"", json, StringComparison.Ordinal);
        Assert.Equal(d, back);
        Assert.Equal(0x800CCC79u, back.HResult!.Value.Value);
        Assert.Equal(d.HResult!.Value.Name, back.HResult.Value.Name);
        Assert.Equal(d.HResult.Value.Description, back.HResult.Value.Description);
    }

    [Fact]
    public void RoundTrip_FrenchOutlookDialog_IsEqual()
    {
        var d = Classifier.ClassifyOutlookDialog(FrenchDialog);
        Assert.NotNull(d.HResult);

        Assert.Equal(d, RoundTrip(d));
    }

    [Fact]
    public void RoundTrip_EveryRealReply_IsEqual()
    {
        var diagnoses = RealReplies.All().Select(c => Classifier.Classify(c.Reply, c.Stage)).ToList();

        var unequal = diagnoses.Where(d => !d.Equals(RoundTrip(d))).Select(d => d.ReplyText).ToList();

        Assert.True(diagnoses.Count > 100);
        Assert.Empty(unequal);
    }

    [Fact]
    public async Task RoundTrip_ConnectionRefused_KeepsServerPortAndErrorTypeAndLeavesOutTheAbsentFields()
    {
        int port = LoopbackPort.Closed();
        using var client = new SmtpClient { Timeout = 5000 };
        var e = await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None));
        var d = Classifier.Classify(e, new SmtpFailureContext { Server = "127.0.0.1", Port = port });
        Assert.Null(d.Mailbox);
        Assert.Null(d.HResult);

        string json = JsonSerializer.Serialize(d);
        var back = JsonSerializer.Deserialize<RelayBlockDiagnosis>(json)!;

        Assert.Equal(d, back);
        Assert.Equal("connection_refused", back.ErrorType);
        Assert.Equal(port, back.Port);
        Assert.DoesNotContain("\"mailbox\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"hresult\"", json, StringComparison.Ordinal);
        Assert.Contains("\"replyCode\":null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_EmptyListsAndEmptyEnhancedCode_AreEqual()
    {
        var d = Classifier.Classify(PostfixRelayDenied, SmtpStage.Rcpt) with { Causes = [], Remedies = [], EnhancedStatusCode = default(EnhancedStatusCode) };

        string json = JsonSerializer.Serialize(d);

        Assert.Contains("\"causes\":[]", json, StringComparison.Ordinal);
        Assert.Contains("\"enhancedStatusCode\":\"\"", json, StringComparison.Ordinal);
        Assert.Equal(d, JsonSerializer.Deserialize<RelayBlockDiagnosis>(json));
    }

    [Fact]
    public void RoundTrip_DiagnosisNestedInAnotherObject_UsesTheSameShape()
    {
        var d = Classifier.Classify(PostfixRelayDenied, SmtpStage.Rcpt);
        var pair = new[] { d, Classifier.ClassifyHResult(0x800CCC79u) };

        string json = JsonSerializer.Serialize(pair);
        var back = JsonSerializer.Deserialize<RelayBlockDiagnosis[]>(json)!;

        Assert.Equal(pair, back);
        Assert.StartsWith("[{\"kind\":\"RelayDenied\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_CodesAndEnumsOnTheirOwn_AreTheirText()
    {
        Assert.Equal("\"5.7.1\"", JsonSerializer.Serialize(new EnhancedStatusCode(5, 7, 1)));
        Assert.Equal("\"5.7.708\"", JsonSerializer.Serialize(EnhancedStatusCode.Parse("5.7.708")));
        Assert.Equal("\"0x800CCC79\"", JsonSerializer.Serialize(OutlookHResult.FromValue(0x800CCC79u)));
        Assert.Equal("\"RelayDenied\"", JsonSerializer.Serialize(SmtpFailureKind.RelayDenied));
        Assert.Equal(EnhancedStatusCode.Parse("4.4.316"), JsonSerializer.Deserialize<EnhancedStatusCode>("\"4.4.316\""));
        Assert.Equal(OutlookHResult.FromValue(0x800CCC79u), JsonSerializer.Deserialize<OutlookHResult>("\"0x800ccc79\""));
    }

    [Fact]
    public void Deserialize_EnumNamesInAnyCase_AreRead()
    {
        string json = JsonSerializer.Serialize(Classifier.Classify(PostfixRelayDenied, SmtpStage.Rcpt))
            .Replace("\"RelayDenied\"", "\"relaydenied\"", StringComparison.Ordinal)
            .Replace("\"Rcpt\"", "\"RCPT\"", StringComparison.Ordinal);

        var back = JsonSerializer.Deserialize<RelayBlockDiagnosis>(json)!;

        Assert.Equal(SmtpFailureKind.RelayDenied, back.Kind);
        Assert.Equal(SmtpStage.Rcpt, back.Stage);
    }

    [Fact]
    public void Deserialize_UnknownProperties_AreSkipped()
    {
        var d = Classifier.Classify(PostfixRelayDenied, SmtpStage.Rcpt);
        string json = JsonSerializer.Serialize(d);
        json = "{\"future\":{\"a\":[1,{\"b\":null}]},\"x\":\"y\"," + json[1..].Replace("\"evidence\":{", "\"evidence\":{\"later\":[true],", StringComparison.Ordinal);

        Assert.Equal(d, JsonSerializer.Deserialize<RelayBlockDiagnosis>(json));
    }

    [Theory]
    [InlineData("{\"kind\":\"RelayDenied\",\"ruleId\":\"r\"", "")]
    [InlineData("{\"kind\":\"RelayDenied\",\"ruleId\":\"r\",\"summary\":\"s\",\"causes\":[\"UnauthenticatedSubmission\"", "")]
    [InlineData("not json", "")]
    [InlineData("[]", "RelayBlockDiagnosis")]
    [InlineData("{\"ruleId\":\"r\",\"summary\":\"s\"}", "'kind'")]
    [InlineData("{\"kind\":\"NoSuchKind\",\"ruleId\":\"r\",\"summary\":\"s\"}", "'kind'")]
    [InlineData("{\"kind\":3,\"ruleId\":\"r\",\"summary\":\"s\"}", "'kind'")]
    [InlineData("{\"kind\":\"RelayDenied\",\"summary\":\"s\"}", "'ruleId'")]
    [InlineData("{\"kind\":\"RelayDenied\",\"ruleId\":\"r\",\"summary\":\"s\",\"enhancedStatusCode\":\"5.7\"}", "'enhancedStatusCode'")]
    [InlineData("{\"kind\":\"RelayDenied\",\"ruleId\":\"r\",\"summary\":\"s\",\"hresult\":\"0xZZ\"}", "'hresult'")]
    [InlineData("{\"kind\":\"RelayDenied\",\"ruleId\":\"r\",\"summary\":\"s\",\"replyCode\":\"554\"}", "'replyCode'")]
    [InlineData("{\"kind\":\"RelayDenied\",\"ruleId\":\"r\",\"summary\":\"s\",\"evidence\":{\"phraseOffset\":-1}}", "'phraseOffset'")]
    [InlineData("{\"kind\":\"RelayDenied\",\"ruleId\":\"r\",\"summary\":\"s\",\"causes\":[\"Nonsense\"]}", "'causes'")]
    [InlineData("{\"kind\":\"RelayDenied\",\"ruleId\":\"r\",\"summary\":\"s\",\"isTransient\":\"no\"}", "'isTransient'")]
    public void Deserialize_GarbageOrTruncatedJson_ThrowsJsonExceptionNamingTheProperty(string json, string named)
    {
        var e = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<RelayBlockDiagnosis>(json));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedBufferOnTheLibraryEntryPoint_ThrowsJsonException()
    {
        var d = Classifier.Classify(PostfixRelayDenied, SmtpStage.Rcpt);
        byte[] utf8 = JsonSerializer.SerializeToUtf8Bytes(d);

        for (int cut = 0; cut < utf8.Length - 1; cut += 7)
        {
            byte[] part = utf8[..cut];
            Assert.ThrowsAny<JsonException>(() =>
            {
                var reader = new Utf8JsonReader(part);
                RelayBlockDiagnosisJson.Read(ref reader);
            });
        }
    }

    [Fact]
    public void WriteAndRead_OnTheLibraryEntryPoint_GiveTheSerializerShape()
    {
        var d = Classifier.ClassifyOutlookDialog(FrenchDialog);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            RelayBlockDiagnosisJson.Write(writer, d);

        var reader = new Utf8JsonReader(buffer.ToArray());
        var back = RelayBlockDiagnosisJson.Read(ref reader);

        Assert.Equal(JsonSerializer.Serialize(d), Encoding.UTF8.GetString(buffer.ToArray()));
        Assert.Equal(d, back);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
    }

    [Fact]
    public void Write_NullArguments_ThrowArgumentNullException()
    {
        using var writer = new Utf8JsonWriter(new MemoryStream());
        var d = Classifier.Classify(PostfixRelayDenied, SmtpStage.Rcpt);

        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => RelayBlockDiagnosisJson.Write(null!, d)).ParamName);
        Assert.Equal("diagnosis", Assert.Throws<ArgumentNullException>(() => RelayBlockDiagnosisJson.WriteProperties(writer, null!)).ParamName);
    }

    private static RelayBlockDiagnosis RoundTrip(RelayBlockDiagnosis d) =>
        JsonSerializer.Deserialize<RelayBlockDiagnosis>(JsonSerializer.Serialize(d))!;
}
