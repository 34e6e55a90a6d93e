using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// The inputs of <c>scan</c> read side by side: each worker thread takes the next input no one has taken, reads it
/// and hands its output over in batches (or, for <c>--summary</c>, keeps its counts); the caller takes the inputs'
/// batches in the order the inputs were given, so that the output is the one a single reader would write. An input
/// holds at most <see cref="BatchesInFlight"/> batches the caller has not taken: a worker that far ahead of the caller
/// waits, and memory stays bounded however many failures a file holds. Workers take inputs in order, so the input the
/// caller waits for is always being read.
/// </summary>
internal sealed class ScanWorkers : IDisposable
{
    /// <summary>The batches an input may hold before its worker waits for the caller: 8 MiB of output in batches of 64 KiB.</summary>
    public const int BatchesInFlight = 128;

    private readonly ConcurrentBag<ArrayBufferWriter<byte>> _free = [];
    private readonly int _batchBytes;
    private readonly Job[] _jobs;
    private readonly Action<Job> _scan;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread[] _threads;
    private int _taken = -1;

    /// <summary>
    /// Starts <paramref name="workers"/> threads (no more than there are inputs) running <paramref name="scan"/> over
    /// the inputs, with batches of <paramref name="batchBytes"/> (see <see cref="Rent"/>).
    /// </summary>
    public ScanWorkers(IReadOnlyList<string> inputs, int workers, int batchBytes, Action<Job> scan)
    {
        _scan = scan;
        _batchBytes = batchBytes;
        _jobs = new Job[inputs.Count];
        for (int i = 0; i < _jobs.Length; i++)
            _jobs[i] = new Job(this, inputs[i], _stop.Token);
        _threads = new Thread[Math.Min(workers, _jobs.Length)];
        for (int i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"scan-{i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>The inputs, in the order given; take each one's batches with <see cref="Job.Take"/> before the next.</summary>
    public IReadOnlyList<Job> Jobs => _jobs;

    /// <summary>An empty batch for a worker to write in: one the caller has written and returned, or a new one.</summary>
    public ArrayBufferWriter<byte> Rent() => _free.TryTake(out var batch) ? batch : new ArrayBufferWriter<byte>(_batchBytes * 2);

    /// <summary>Gives a written batch back for reuse, so that the batches in flight are the only ones kept.</summary>
    public void Return(ArrayBufferWriter<byte> batch)
    {
        batch.ResetWrittenCount();
        _free.Add(batch);
    }

    /// <summary>
    /// Stops the workers at their next read or hand-over (when the caller stops early: a closed output, an error) and
    /// waits a moment for them; one blocked on a read that does not return (a pipe no one writes to) is left behind.
    /// </summary>
    public void Dispose()
    {
        _stop.Cancel();
        foreach (var thread in _threads)
            thread.Join(TimeSpan.FromSeconds(2));
    }

    private void Work()
    {
        int next;
        while ((next = Interlocked.Increment(ref _taken)) < _jobs.Length)
        {
            var job = _jobs[next];
            try
            {
                _scan(job);
                job.Complete(null);
            }
            catch (OperationCanceledException) when (job.IsStopped)
            {
                job.Complete(null);
                return;
            }
            catch (Exception e)
            {
                // Not an input that cannot be read (the scan reports those itself): a fault, rethrown to the caller.
                job.Complete(e);
            }
        }
    }

    /// <summary>One input: its name, its output in batches, and at its end its counts, what the readers read past or why it could not be read.</summary>
    internal sealed class Job(ScanWorkers owner, string input, CancellationToken stop)
    {
        private readonly Channel<ArrayBufferWriter<byte>> _batches = Channel.CreateBounded<ArrayBufferWriter<byte>>(new BoundedChannelOptions(BatchesInFlight) { SingleReader = true, SingleWriter = true });

        /// <summary>The input as given: a path, or <c>-</c> for standard input.</summary>
        public string Input { get; } = input;

        /// <summary>The input as messages name it.</summary>
        public string Name => Input == "-" ? "(stdin)" : Input;

        /// <summary>Why the input could not be read (or could not be read to its end), or null.</summary>
        public string? Error { get; set; }

        /// <summary>The counts of what the input holds, when <c>--summary</c> asks for them; added to the run's in input order.</summary>
        public ScanSummary? Summary { get; set; }

        /// <summary>What the input's readers read past.</summary>
        public Scanning.SkipCounts Skipped { get; set; } = Scanning.SkipCounts.None;

        /// <summary>Cancelled when the caller stops early: reading the input stops at its next read.</summary>
        public CancellationToken Stopping => stop;

        internal bool IsStopped => stop.IsCancellationRequested;

        /// <summary>An empty batch to write in (see <see cref="ScanWorkers.Rent"/>).</summary>
        public ArrayBufferWriter<byte> Rent() => owner.Rent();

        /// <summary>Hands a batch over to the caller (the worker's side); waits while the input holds <see cref="BatchesInFlight"/> batches.</summary>
        public void Hand(ArrayBufferWriter<byte> batch)
        {
            if (!_batches.Writer.TryWrite(batch))
                _batches.Writer.WriteAsync(batch, stop).AsTask().GetAwaiter().GetResult();
        }

        /// <summary>
        /// The next batch of this input (the caller's side), or null once the input is read to its end; runs
        /// <paramref name="beforeWait"/> before it waits for one. What faulted the worker is thrown here.
        /// </summary>
        public ArrayBufferWriter<byte>? Take(Action beforeWait)
        {
            while (true)
            {
                if (_batches.Reader.TryRead(out var batch))
                    return batch;
                beforeWait();
                if (!_batches.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                    return null;
            }
        }

        internal void Complete(Exception? fault) => _batches.Writer.TryComplete(fault);
    }
}
