using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Channels;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// Runs a <see cref="ReplyFormatter"/> over every line of the input and writes the lines it makes, in input order,
/// in large writes. The first <see cref="DefaultParallelAfterBytes"/> of input are done on the calling thread; past
/// them, when the machine has more than one core, the lines go in blocks to one worker per core, and a writer thread
/// writes the blocks in the order they were read. The blocks in flight are few and reused, so memory stays bounded.
/// What was made is written and flushed whenever the input has to be read again (a terminal or a pipe fed as the lines
/// come sees each answer at once); a failed write stops reading at once and comes out of <see cref="Run(LineReader, Func{ReplyFormatter}, Stream, long, int)"/>.
/// </summary>
internal static class ReplyPipeline
{
    /// <summary>How much input is read on the calling thread before the workers start: less does not pay for them.</summary>
    public const long DefaultParallelAfterBytes = 1 << 20;

    private const int BatchLines = 2048;
    private const int BatchBytes = 1 << 18;
    private const int WriteBytes = 1 << 16;

    /// <summary>The replies given as arguments, in order.</summary>
    public static void Run(IEnumerable<string> replies, ReplyFormatter formatter, Stream output)
    {
        var buffer = new ArrayBufferWriter<byte>(WriteBytes);
        foreach (string reply in replies)
        {
            formatter.Write(reply, buffer);
            if (buffer.WrittenCount >= WriteBytes)
                Drain(buffer, output);
        }

        Drain(buffer, output);
    }

    /// <summary>
    /// Every line of <paramref name="reader"/>; workers (<paramref name="workers"/>, or one per core when 0) take over
    /// past <paramref name="parallelAfterBytes"/> of input, each with its own formatter from <paramref name="newFormatter"/>.
    /// </summary>
    public static void Run(LineReader reader, Func<ReplyFormatter> newFormatter, Stream output, long parallelAfterBytes = DefaultParallelAfterBytes, int workers = 0)
    {
        workers = workers > 0 ? workers : Math.Min(Environment.ProcessorCount, 8);
        var formatter = newFormatter();
        using var decoder = new LineDecoder();
        var buffer = new ArrayBufferWriter<byte>(WriteBytes * 2);
        reader.BeforeRead = () =>
        {
            Drain(buffer, output);
            output.Flush();
        };
        try
        {
            while (workers < 2 || reader.BytesRead < parallelAfterBytes)
            {
                if (!reader.TryReadLine(out var line))
                    return;
                formatter.Write(decoder.Decode(line), buffer);
                if (buffer.WrittenCount >= WriteBytes)
                    Drain(buffer, output);
            }
        }
        finally
        {
            reader.BeforeRead = null;
            Drain(buffer, output);
        }

        new Parallel(newFormatter, output, workers).Run(reader);
    }

    private static void Drain(ArrayBufferWriter<byte> buffer, Stream output)
    {
        if (buffer.WrittenCount == 0)
            return;
        output.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
    }

    // Sync waits on channels: every thread here is a thread of its own, none of the pool.
    private static T? Take<T>(ChannelReader<T> channel)
        where T : class
    {
        while (true)
        {
            if (channel.TryRead(out var item))
                return item;
            if (!channel.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                return null;
        }
    }

    /// <summary>Lines read into blocks on the calling thread, classified by the workers, written in order by the writer.</summary>
    private sealed class Parallel(Func<ReplyFormatter> newFormatter, Stream output, int workers)
    {
        private readonly Channel<Batch> _free = Channel.CreateUnbounded<Batch>();
        private readonly Channel<Batch> _work = Channel.CreateUnbounded<Batch>(new UnboundedChannelOptions { SingleWriter = true });
        private readonly Channel<Batch> _ordered = Channel.CreateUnbounded<Batch>(new UnboundedChannelOptions { SingleWriter = true, SingleReader = true });
        private ExceptionDispatchInfo? _failure;
        private volatile bool _stopped;

        public void Run(LineReader reader)
        {
            // One block per worker, one being read, one being written: the bound on memory.
            for (int i = 0; i < workers + 2; i++)
                _free.Writer.TryWrite(new Batch());
            var threads = new List<Thread>();
            for (int i = 0; i < workers; i++)
                threads.Add(Start(Work, $"classify-{i + 1}"));
            threads.Add(Start(Write, "classify-writer"));
            try
            {
                var current = Next();
                reader.BeforeRead = () =>
                {
                    // The input may wait now: what was read so far goes to be classified and written.
                    if (current.Count > 0)
                    {
                        Submit(current);
                        current = Next();
                    }
                };
                while (reader.TryReadLine(out var line))
                {
                    if (current.TryAdd(line))
                        continue;
                    Submit(current);
                    current = Next();
                    current.TryAdd(line);
                }

                if (current.Count > 0)
                    Submit(current);
            }
            catch
            {
                _stopped = true;
                throw;
            }
            finally
            {
                reader.BeforeRead = null;
                _work.Writer.TryComplete();
                _ordered.Writer.TryComplete();
                foreach (var thread in threads)
                    thread.Join();
            }

            _failure?.Throw();
        }

        private static Thread Start(Action body, string name)
        {
            var thread = new Thread(() => body()) { IsBackground = true, Name = name };
            thread.Start();
            return thread;
        }

        private Batch Next()
        {
            var batch = Take(_free.Reader);
            _failure?.Throw();
            return batch!;
        }

        private void Submit(Batch batch)
        {
            _ordered.Writer.TryWrite(batch);
            _work.Writer.TryWrite(batch);
        }

        private void Work()
        {
            var formatter = newFormatter();
            using var decoder = new LineDecoder();
            while (Take(_work.Reader) is { } batch)
            {
                try
                {
                    if (!_stopped)
                        batch.Format(formatter, decoder);
                }
                catch (Exception e)
                {
                    batch.Error = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    batch.Done.Set();
                }
            }
        }

        private void Write()
        {
            while (Take(_ordered.Reader) is { } batch)
            {
                batch.Done.Wait();
                if (_stopped)
                    continue;
                try
                {
                    batch.Error?.Throw();
                    output.Write(batch.Output.WrittenSpan);
                    // Caught up with the reader: what is written is shown now, not when a buffer fills.
                    if (!_ordered.Reader.TryPeek(out _))
                        output.Flush();
                }
                catch (Exception e)
                {
                    _failure = ExceptionDispatchInfo.Capture(e);
                    _stopped = true;
                    _free.Writer.TryComplete();
                    continue;
                }

                batch.Clear();
                _free.Writer.TryWrite(batch);
            }
        }
    }

    /// <summary>A block of lines (their bytes end to end, and where each ends) and the output made from them.</summary>
    private sealed class Batch
    {
        private readonly int[] _ends = new int[BatchLines];
        private byte[] _input = new byte[BatchBytes];
        private int _length;

        public int Count { get; private set; }

        public ArrayBufferWriter<byte> Output { get; } = new(BatchBytes);

        // Waited for by the writer only, which has nothing else to do: no spinning first.
        public ManualResetEventSlim Done { get; } = new(false, spinCount: 1);

        public ExceptionDispatchInfo? Error { get; set; }

        /// <summary>Adds a line; false when the block is full. An empty block takes any line, growing for a long one.</summary>
        public bool TryAdd(ReadOnlySpan<byte> line)
        {
            if (Count == _ends.Length)
                return false;
            if (_length + line.Length > _input.Length)
            {
                if (Count > 0)
                    return false;
                _input = new byte[line.Length];
            }

            line.CopyTo(_input.AsSpan(_length));
            _length += line.Length;
            _ends[Count++] = _length;
            return true;
        }

        public void Format(ReplyFormatter formatter, LineDecoder decoder)
        {
            int start = 0;
            for (int i = 0; i < Count; i++)
            {
                formatter.Write(decoder.Decode(_input.AsSpan(start, _ends[i] - start)), Output);
                start = _ends[i];
            }
        }

        public void Clear()
        {
            Count = 0;
            _length = 0;
            Output.ResetWrittenCount();
            Done.Reset();
            Error = null;
        }
    }
}
