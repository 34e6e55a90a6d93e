using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using SmtpRelayClassifier.Scanning;
using Xunit;

namespace SmtpRelayClassifier.Tests.Scanning;

public class SkipCountsTests
{
    [Fact]
    public void None_CountsNothing()
    {
        Assert.Equal(0, SkipCounts.None.Total);
        Assert.Empty(SkipCounts.None.ByReason);
        Assert.Equal(0, SkipCounts.None[(SkipReason)99]);
        Assert.Equal("none", SkipCounts.None.ToString());
    }

    [Fact]
    public async Task Counts_AreByReasonInEnumOrderWithTheirTotal()
    {
        var reader = new BounceReader();
        await reader.ReadMessageAsync(new MemoryStream([]));
        await reader.ReadMessageAsync(new MemoryStream([]));

        var counts = reader.Skipped;

        Assert.Equal(2, counts.Total);
        Assert.Equal([KeyValuePair.Create(SkipReason.UnreadableMessage, 2L)], counts.ByReason);
        Assert.Equal("UnreadableMessage 2", counts.ToString());
    }
}
