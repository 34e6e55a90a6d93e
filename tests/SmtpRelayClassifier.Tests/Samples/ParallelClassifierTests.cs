using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ParallelStream;
using Xunit;

namespace SmtpRelayClassifier.Tests.Samples;

/// <summary>The core of samples/ParallelStream: several workers, one shared classifier, results in input order.</summary>
public sealed class ParallelClassifierTests
{
    // The reply column of the development corpus (Corpus/*.tsv; each reply's source is in its last column).
    private static readonly Lazy<string[]> CorpusReplies = new(() => Directory
        .EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.tsv")
        .Order(StringComparer.Ordinal)
        .SelectMany(f => File.ReadLines(f).Skip(1))
        .Select(l => l[..l.IndexOf('\t', StringComparison.Ordinal)])
        .ToArray());

    [Theory]
    [InlineData(1, 512)]
    [InlineData(4, 7)]
    [InlineData(3, 1)]
    public async Task ClassifyAsync_TheCorpusThrice_GivesTheSequentialResultsInInputOrder(int workers, int batchSize)
    {
        var lines = CorpusReplies.Value.Concat(CorpusReplies.Value.Reverse()).Concat(CorpusReplies.Value).ToArray();
        var sequential = lines.Select(l => SmtpFailureClassifier.Default.ClassifyBrief(l)).ToList();
        var parallel = new ParallelClassifier(SmtpFailureClassifier.Default, workers, batchSize);

        var results = new List<BriefDiagnosis>();
        await foreach (var result in parallel.ClassifyAsync(new StringReader(string.Join('\n', lines))))
            results.Add(result);

        Assert.Equal(lines.Length, results.Count);
        Assert.Equal(sequential, results);
        Assert.True(sequential.Select(r => r.Kind).Distinct().Count() > 10, "The corpus spans the kinds.");
    }

    [Fact]
    public async Task ClassifyAsync_AnEmptyInput_YieldsNothing()
    {
        var parallel = new ParallelClassifier(SmtpFailureClassifier.Default, 2);

        await foreach (var _ in parallel.ClassifyAsync(new StringReader("")))
            Assert.Fail("An empty input has no line to classify.");
    }

    [Fact]
    public async Task ClassifyAsync_ASlowConsumer_HoldsTheReaderBack()
    {
        // An endless input: what bounds the reading is the channels, not the end of the input.
        var input = new EndlessReader("554 5.7.1 <bob@example.org>: Relay access denied"); // Postfix smtpd_check.c reject_unauth_destination
        var parallel = new ParallelClassifier(SmtpFailureClassifier.Default, workers: 2, batchSize: 16);
        using var cancel = new CancellationTokenSource();

        await using var results = parallel.ClassifyAsync(input, cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await results.MoveNextAsync());
        Assert.Equal(SmtpFailureKind.RelayDenied, results.Current.Kind);
        await Task.Delay(300);

        // The batches in flight, the one the consumer holds, and the one being filled: no more.
        long bound = (parallel.BatchesInFlight + 2L) * parallel.BatchSize;
        Assert.InRange(input.LinesRead, parallel.BatchSize, bound);
    }

    [Fact]
    public async Task ClassifyAsync_Cancelled_StopsWithOperationCanceled()
    {
        var input = new EndlessReader("421 4.7.0 connection rate from your ip or network too high, slow down please"); // mjl-/mox smtpserver/server.go
        var parallel = new ParallelClassifier(SmtpFailureClassifier.Default, workers: 2, batchSize: 64);
        using var cancel = new CancellationTokenSource();
        int seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in parallel.ClassifyAsync(input, cancel.Token))
            {
                if (++seen == 1000)
                    await cancel.CancelAsync();
            }
        });
        Assert.Equal(1000, seen);
    }

    [Fact]
    public async Task ClassifyAsync_AReadError_ReachesTheConsumer()
    {
        var parallel = new ParallelClassifier(SmtpFailureClassifier.Default, workers: 2, batchSize: 4);

        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var _ in parallel.ClassifyAsync(new FailingReader(10)))
            {
            }
        });
        Assert.Equal("disk gone", error.Message);
    }

    [Theory]
    [InlineData(0, 1, "workers")]
    [InlineData(-1, 1, "workers")]
    [InlineData(1, 0, "batchSize")]
    public void Constructor_ANonPositiveCount_ThrowsNamingIt(int workers, int batchSize, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ParallelClassifier(SmtpFailureClassifier.Default, workers, batchSize));

        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void Constructor_NoClassifier_ThrowsNamingIt()
    {
        Assert.Equal("classifier", Assert.Throws<ArgumentNullException>(() => new ParallelClassifier(null!, 1)).ParamName);
    }

    private sealed class EndlessReader(string line) : TextReader
    {
        private long linesRead;

        public long LinesRead => Interlocked.Read(ref linesRead);

        public override string ReadLine()
        {
            Interlocked.Increment(ref linesRead);
            return line;
        }

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
            cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<string?>(cancellationToken) : new(ReadLine());
    }

    private sealed class FailingReader(int lines) : TextReader
    {
        private int left = lines;

        public override string ReadLine() =>
            // As Postfix 3.7 logs it (tests/.../Corpus/field.tsv, python-discord/infra#432).
            left-- > 0 ? "550 5.1.1 <dmarc@pydis.wtf>: Recipient address rejected: User unknown in local recipient table" : throw new IOException("disk gone");

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => new(ReadLine());
    }
}
