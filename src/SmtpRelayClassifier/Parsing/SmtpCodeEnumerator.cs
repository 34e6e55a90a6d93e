using System;

namespace SmtpRelayClassifier.Parsing;

/// <summary>
/// Walks every code of a text in order, as returned by <see cref="SmtpReply.EnumerateCodes(ReadOnlySpan{char})"/>; use it
/// with <c>foreach</c>. Allocation-free and linear in the length of the text. Not thread-safe (a <c>ref struct</c> on the stack).
/// </summary>
public ref struct SmtpCodeEnumerator
{
    private readonly ReadOnlySpan<char> _source;
    private int _position;

    internal SmtpCodeEnumerator(ReadOnlySpan<char> source)
    {
        _source = source;
        _position = 0;
        Current = default;
    }

    /// <summary>The code found by the last successful <see cref="MoveNext"/>.</summary>
    public SmtpCodeOccurrence Current { get; private set; }

    /// <summary>Returns this enumerator, so that it can be used with <c>foreach</c>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly SmtpCodeEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next code of the text.</summary>
    /// <returns>True when another code was found; false at the end of the text.</returns>
    public bool MoveNext()
    {
        if (!CodeFinder.TryFindNext(_source, ref _position, _source.Length, out var occurrence, out _))
            return false;
        Current = occurrence;
        return true;
    }
}
