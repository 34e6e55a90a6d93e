using System.Text.Json;
using Xunit;

namespace SmtpRelayClassifier.Tests.Model;

public class NotFailureJsonTests
{
    private static readonly SmtpFailureClassifier Classifier = SmtpFailureClassifier.Default;

    [Fact]
    public void Json_WritesIsFailureAndNotFailure_AndReadsThemBack()
    {
        var accepted = Classifier.Classify("250 2.0.0 Ok: queued as 4C1F2");
        var refused = Classifier.Classify("554 5.7.1 <bob@example.org>: Relay access denied");

        var acceptedJson = JsonDocument.Parse(JsonSerializer.Serialize(accepted)).RootElement;
        var refusedJson = JsonDocument.Parse(JsonSerializer.Serialize(refused)).RootElement;

        Assert.False(acceptedJson.GetProperty("isFailure").GetBoolean());
        Assert.Equal("SuccessReply", acceptedJson.GetProperty("notFailure").GetString());
        Assert.True(refusedJson.GetProperty("isFailure").GetBoolean());
        Assert.False(refusedJson.TryGetProperty("notFailure", out _));
        Assert.Equal(accepted, JsonSerializer.Deserialize<RelayBlockDiagnosis>(JsonSerializer.Serialize(accepted)));
        var delay = refused with { NotFailure = NotFailureKind.DelayNotice };
        Assert.Equal(delay, JsonSerializer.Deserialize<RelayBlockDiagnosis>(JsonSerializer.Serialize(delay)));
    }
}
