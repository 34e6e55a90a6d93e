using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace SmtpRelayClassifier.Cli;

/// <summary>
/// <c>scan</c>'s one-line progress bar on standard error: bytes, lines per second, failures found. The inputs read
/// side by side all count their bytes here; one of them at a time draws the bar, at most four times a second.
/// </summary>
internal sealed class ScanProgress(TextWriter stderr, long totalBytes)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _drawing = new();
    private long _bytes;
    private long _lines;
    private long _failures;
    private long _lastDraw;

    /// <summary>Counts bytes just read (and the lines they end), from any thread.</summary>
    public void Read(ReadOnlySpan<byte> data)
    {
        Interlocked.Add(ref _bytes, data.Length);
        Interlocked.Add(ref _lines, data.Count((byte)'\n'));
        if (_clock.ElapsedMilliseconds - Volatile.Read(ref _lastDraw) >= 250 && Monitor.TryEnter(_drawing))
        {
            try
            {
                Draw();
            }
            finally
            {
                Monitor.Exit(_drawing);
            }
        }
    }

    /// <summary>Counts a failure written.</summary>
    public void Found() => Interlocked.Increment(ref _failures);

    /// <summary>Draws the bar a last time and ends its line.</summary>
    public void Done()
    {
        lock (_drawing)
        {
            Draw();
            stderr.WriteLine();
        }
    }

    private void Draw()
    {
        Volatile.Write(ref _lastDraw, _clock.ElapsedMilliseconds);
        long bytes = Interlocked.Read(ref _bytes);
        double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        string bar = string.Empty;
        if (totalBytes > 0)
        {
            int filled = (int)Math.Min(30, 30 * bytes / totalBytes);
            bar = $"[{new string('#', filled)}{new string('.', 30 - filled)}] {Math.Min(100.0, 100.0 * bytes / totalBytes),5:F1}% ";
        }

        stderr.Write($"\r{bar}{bytes / 1e6:F1} MB  {bytes / 1e6 / seconds:F0} MB/s  {Interlocked.Read(ref _lines) / seconds / 1e3:F0}k lines/s  {Interlocked.Read(ref _failures)} failures ");
    }
}
