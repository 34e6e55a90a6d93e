using System.Runtime.CompilerServices;
using System.Threading.Channels;
using SmtpRelayClassifier;

namespace ParallelStream;

/// <summary>
/// Classifies a stream of replies, one a line, on several workers and yields the results in input order. Lines go in
/// batches through two bounded channels: one the workers take from, one that keeps the batches in input order for the
/// consumer. At most <c>4 × workers</c> batches are read ahead, so memory stays the same whatever the input's size.
/// The classifier is shared: <see cref="SmtpFailureClassifier"/> is thread-safe and keeps no state between calls.
/// An instance is thread-safe; each <see cref="ClassifyAsync"/> call has its own channels.
/// </summary>
public sealed class ParallelClassifier
{
    private readonly SmtpFailureClassifier classifier;
    private readonly int workers;
    private readonly int batchSize;

    /// <summary>Creates a classifier of streams.</summary>
    /// <param name="classifier">The classifier the workers share, usually <see cref="SmtpFailureClassifier.Default"/>.</param>
    /// <param name="workers">How many lines are classified at once; at least 1.</param>
    /// <param name="batchSize">How many lines a worker takes at a time; at least 1 (512 by default).</param>
    public ParallelClassifier(SmtpFailureClassifier classifier, int workers, int batchSize = 512)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        this.classifier = classifier;
        this.workers = workers;
        this.batchSize = batchSize;
    }

    /// <summary>How many batches can be read ahead of the consumer.</summary>
    public int BatchesInFlight => workers * 4;

    /// <summary>The batch size this instance reads with.</summary>
    public int BatchSize => batchSize;

    /// <summary>Reads <paramref name="input"/> to its end and yields one result per line, in input order.</summary>
    /// <param name="input">The replies, one a line.</param>
    /// <param name="cancellationToken">Stops reading and classifying; the enumeration then throws
    /// <see cref="OperationCanceledException"/>.</param>
    public async IAsyncEnumerable<BriefDiagnosis> ClassifyAsync(TextReader input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var work = Channel.CreateBounded<Batch>(new BoundedChannelOptions(BatchesInFlight) { SingleWriter = true });
        var ordered = Channel.CreateBounded<Batch>(new BoundedChannelOptions(BatchesInFlight) { SingleWriter = true, SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new List<Task> { Task.Run(() => ReadAsync(input, work.Writer, ordered.Writer, stop.Token), CancellationToken.None) };
        for (int i = 0; i < workers; i++)
            tasks.Add(Task.Run(() => WorkAsync(work.Reader, stop.Token), CancellationToken.None));

        try
        {
            await foreach (var batch in ordered.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                var results = await batch.Done.Task.WaitAsync(stop.Token).ConfigureAwait(false);
                for (int i = 0; i < batch.Count; i++)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    yield return results[i];
                }
            }
        }
        finally
        {
            // Done, failed, cancelled, or the consumer stopped early: the reader and the workers stop too.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(tasks).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task ReadAsync(TextReader input, ChannelWriter<Batch> work, ChannelWriter<Batch> ordered, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var batch = new Batch(batchSize);
                while (batch.Count < batchSize && await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                    batch.Lines[batch.Count++] = line;
                if (batch.Count == 0)
                    break;

                // The ordered channel first: it is the one that holds the reader back when the consumer is slow.
                await ordered.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                await work.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                if (batch.Count < batchSize)
                    break;
            }

            work.Complete();
            ordered.Complete();
        }
        catch (Exception e)
        {
            work.Complete(e);
            ordered.Complete(e);
            throw;
        }
    }

    private async Task WorkAsync(ChannelReader<Batch> work, CancellationToken cancellationToken)
    {
        await foreach (var batch in work.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var results = new BriefDiagnosis[batch.Count];
            for (int i = 0; i < batch.Count; i++)
                results[i] = classifier.ClassifyBrief(batch.Lines[i]);
            batch.Done.SetResult(results);
        }
    }

    private sealed class Batch(int size)
    {
        public string[] Lines { get; } = new string[size];

        public int Count { get; set; }

        public TaskCompletionSource<BriefDiagnosis[]> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
