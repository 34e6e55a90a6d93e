using System;
using System.Diagnostics;
using Xunit;

namespace SmtpRelayClassifier.Tests.Robustness;

/// <summary>
/// The smallest inputs that reproduce what fuzzing found, kept once fixed. While a defect is open its test is skipped
/// with <see cref="OpenDefect"/> and an entry in <see cref="FuzzTargetsTests"/>' known defects keeps the smoke green;
/// the fix removes both.
/// </summary>
public sealed class FuzzFindingsTests
{
    /// <summary>The skip reason of a reproduction whose fix is pending.</summary>
    public const string OpenDefect = "Open defect found by fuzzing, reported for a fix: remove this Skip and the smoke's known-defect entry with it.";

    // Fixed: OutlookErrorDialog.IsFieldBoundary walked back over the whole run of spaces or tabs before every position of
    // the run: 20,000 spaces took 1.8 s, 40,000 took 7.4 s (Release), a 60 KB paste with 56,758 tabs about 20 s.
    [Fact]
    public void TryParse_DialogWithALongRunOfSpaces_TakesLinearTime()
    {
        string text = "Server Response: '550 5.7.1 Relaying denied" + new string(' ', 20_000) + "', Error Number: 0x800CCC79";
        OutlookErrorDialog.TryParse("Server Response: '550 x', Error Number: 0x800CCC79", out _);   // JIT

        var clock = Stopwatch.StartNew();
        bool parsed = OutlookErrorDialog.TryParse(text, out var dialog);
        clock.Stop();

        Assert.True(parsed);
        Assert.Equal(0x800CCC79u, dialog!.ErrorNumber?.Value);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(250), $"{clock.Elapsed.TotalMilliseconds:F0} ms for 20,000 spaces");
    }

    // Fixed: Classify(string) handed back the caller's string as ReplyText when the parsed text is the whole input (text that
    // is no reply, or a reply known only by a qmail code such as "(#5.7.1)"), so a CR, a CRLF or the two characters \n
    // that logs write stay as they came; Classify(ReadOnlySpan<char>) and Classify(ReadOnlySpan<byte>) write each as
    // a line feed, as they do for every other reply.
    [Theory]
    [InlineData("relay denied\rby policy")]
    [InlineData("relay denied\r\nby policy")]
    [InlineData("relay denied\\nby policy")]
    [InlineData("sorry, no relaying\r\nfrom here (#5.7.1)")]
    public void Classify_WholeInputTextWithLineBreaks_StringAndSpanGiveTheSameReplyText(string text)
    {
        var classifier = SmtpFailureClassifier.Default;

        Assert.Equal(classifier.Classify(text.AsSpan()).ReplyText, classifier.Classify(text).ReplyText);
    }
}
