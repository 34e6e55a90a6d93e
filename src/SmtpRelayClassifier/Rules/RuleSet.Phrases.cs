using System;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// Finding the rules' phrases in a text: the text is folded (a window at a time), the places where a phrase may begin are found a
/// block at a time (<see cref="PhraseStarts"/>), and the trie is walked from each (<see cref="PhraseTrie.Match"/>: most are
/// ruled out by their first four characters). Each phrase found marks the rules it can make true.
/// </summary>
internal sealed partial class RuleSet
{
    // Texts up to this many characters are folded at once, on the stack; a longer one a window of this size at a time,
    // moved to the place where a phrase may begin when that comes within WindowMargin of the window's end. A long text
    // with few such places (a DSN body, a run of one character) is then hardly folded at all, and the buffer stays small.
    private const int FoldWindow = 1024;
    private const int WindowMargin = 256;

    // Returns how many phrases have their first position in the table. The walk reads the text folded into the window
    // (the caller's stack buffer, as long as the text up to FoldWindow), the places where a phrase may begin read it as given.
    private int FindPhrases(ReadOnlySpan<char> text, Span<char> window, Span<ulong> found, Span<ulong> candidates, Span<long> positions)
    {
        int windowStart = 0, windowEnd = window.Length;
        PhraseTrie.Fold(text[..windowEnd], window);
        var sink = new Sink(this, found, candidates, positions);
        // Phrases starting with a letter or digit begin only where a word begins; the few others anywhere.
        var starts = new PhraseStarts(text, _anyStart, _anyStartChars);
        while (starts.MoveNext())
        {
            int i = starts.Current;
            if (windowEnd < text.Length && i > windowEnd - WindowMargin)
                (windowStart, windowEnd) = (i, i + Refold(text[i..], window));
            var at = window[(i - windowStart)..(windowEnd - windowStart)];
            sink.Start(text[i..], i);
            // A phrase that runs past the window (a long run of blanks inside it) is walked again over the whole rest.
            if (_trie.Match(at, ref sink) && windowEnd < text.Length)
                WalkRest(text[i..], ref sink);
        }

        return sink.Positions;
    }

    // Folds the start of the text into the window; returns how many characters it holds.
    private static int Refold(ReadOnlySpan<char> text, Span<char> window)
    {
        int length = Math.Min(window.Length, text.Length);
        PhraseTrie.Fold(text[..length], window);
        return length;
    }

    // The rare walk that needs more than a window: the rest of the text folded in a pooled array.
    private void WalkRest(ReadOnlySpan<char> rest, ref Sink sink)
    {
        char[] rented = System.Buffers.ArrayPool<char>.Shared.Rent(rest.Length);
        try
        {
            PhraseTrie.Fold(rest, rented);
            _trie.Match(rented.AsSpan(0, rest.Length), ref sink);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Marks each phrase a <see cref="PhraseTrie"/> walk finds, and the rules it can make true. The walk takes
    /// this one concrete sink (no generic sink with <c>allows ref struct</c>, which netstandard2.0 cannot compile).</summary>
    internal ref struct Sink(RuleSet set, Span<ulong> found, Span<ulong> candidates, Span<long> positions)
    {
        private readonly RuleSet _set = set;
        private readonly Span<ulong> _found = found;
        private readonly Span<long> _positions = positions;
        private int _offset;
        private readonly Span<ulong> _candidates = candidates;
        private ReadOnlySpan<char> _at;

        /// <summary>How many phrases have their position in the table.</summary>
        public int Positions { get; private set; }

        public void Start(ReadOnlySpan<char> at, int offset)
        {
            _at = at;
            _offset = offset;
        }

        public void Found(int id, int length)
        {
            if ((_found[id >> 6] & (1UL << id)) != 0 || IsLocalPart(_at, length))
                return;
            _found[id >> 6] |= 1UL << id;
            if (Positions < _positions.Length)
                _positions[Positions++] = ((long)id << 32) | (uint)_offset;
            foreach (int r in _set._rulesByPhrase[id])
                _candidates[r >> 6] |= 1UL << r;
        }
    }

    // "relay@example.org" names a mailbox; the words of an address say nothing about the failure. A phrase is part of
    // a local part when an '@' follows it within LocalPartTail characters, with no ' ' or '>' between. Only those
    // characters are read: the check costs the same wherever in a long text the phrase is.
    private static bool IsLocalPart(ReadOnlySpan<char> rest, int length)
    {
        if (rest.Length <= length || !char.IsLetterOrDigit(rest[length - 1]) || rest[length] is not ('@' or '.'))
            return false;
        var tail = rest[length..];
        int at = tail[..Math.Min(tail.Length, LocalPartTail)].IndexOf('@');
        return at >= 0 && tail[..at].IndexOfAny(' ', '>') < 0;
    }
}
