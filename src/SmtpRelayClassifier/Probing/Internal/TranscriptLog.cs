using System.Collections.Generic;
using System.Globalization;

namespace SmtpRelayClassifier.Probing.Internal;

/// <summary>A probe's transcript: at most a given number of lines; those past it are counted, not kept.</summary>
internal sealed class TranscriptLog(int maxLines)
{
    private readonly List<TranscriptLine> _lines = [];
    private int _dropped;

    public int Count
    {
        get
        {
            lock (_lines)
                return _lines.Count;
        }
    }

    public TranscriptLine this[int index]
    {
        get
        {
            lock (_lines)
                return _lines[index];
        }
    }

    public void Add(TranscriptLine line)
    {
        lock (_lines)
        {
            if (_lines.Count < maxLines)
                _lines.Add(line);
            else
                _dropped++;
        }
    }

    public TranscriptLine[] ToArray()
    {
        lock (_lines)
        {
            if (_dropped == 0)
                return _lines.ToArray();
            var last = _lines[^1];
            return [.. _lines, new TranscriptLine(last.Port, false, $"[{_dropped.ToString(CultureInfo.InvariantCulture)} more lines not kept]")];
        }
    }
}
