using System;
using System.Runtime.CompilerServices;
#if NET
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// Where a phrase may begin in a text: at each word start (a letter or digit after a character that is neither), and at
/// each of the few other characters some phrase starts with (a space, a bracket, a colon). The text is read in blocks
/// of 64 characters, each turned into a bit mask of starts, vector-wide where the hardware allows; a block holding a
/// non-ASCII character is read one character at a time. A ref struct over the caller's text: allocation-free.
/// </summary>
internal ref struct PhraseStarts
{
    private const int Block = 64;

    private readonly ReadOnlySpan<char> _text;
    private readonly ReadOnlySpan<bool> _otherStarts;
    private readonly ReadOnlySpan<char> _otherStartChars;
    private int _blockStart;
    private ulong _mask;
    private bool _previousIsWord;

    /// <param name="text">The text as given (not folded): word boundaries and start characters are read from it.</param>
    /// <param name="otherStarts">Indexed by ASCII character (and 128 for all others): true where a phrase starts with that non-word character.</param>
    /// <param name="otherStartChars">The ASCII characters that are true in <paramref name="otherStarts"/>.</param>
    public PhraseStarts(ReadOnlySpan<char> text, ReadOnlySpan<bool> otherStarts, ReadOnlySpan<char> otherStartChars)
    {
        _text = text;
        _otherStarts = otherStarts;
        _otherStartChars = otherStartChars;
        _blockStart = -Block;
        _mask = 0;
        _previousIsWord = false;
        Current = -1;
    }

    /// <summary>The offset of the current start.</summary>
    public int Current { get; private set; }

    /// <summary>Moves to the next place where a phrase may begin; false at the end of the text.</summary>
    public bool MoveNext()
    {
        while (_mask == 0)
        {
            _blockStart += Block;
            if (_blockStart >= _text.Length)
                return false;
            _mask = MaskOf(_text.Slice(_blockStart, Math.Min(Block, _text.Length - _blockStart)));
        }

        Current = _blockStart + System.Numerics.BitOperations.TrailingZeroCount(_mask);
        _mask &= _mask - 1;
        return true;
    }

    // Bit i: a phrase may begin at block[i]. Carries whether the block's last character is part of a word.
    private ulong MaskOf(scoped ReadOnlySpan<char> block)
    {
#if NET
        // Vector-wide in parts of 16 characters; the last part of a short block is the 16 characters that end it, read
        // again in part (their bits are the same wherever they are read from). A block under 16 characters is read one at a time.
        if (Vector256.IsHardwareAccelerated && block.Length >= Part)
        {
            ulong words = 0, others = 0;
            bool ascii = true;
            for (int at = 0; ascii && at < block.Length; at += Part)
            {
                int from = Math.Min(at, block.Length - Part);
                ascii = ReadPart(block.Slice(from, Part), out ulong partWords, out ulong partOthers);
                words |= partWords << from;
                others |= partOthers << from;
            }

            if (ascii)
            {
                ulong previous = (words << 1) | (_previousIsWord ? 1UL : 0UL);
                _previousIsWord = (words >> (Block - 1)) != 0;
                return (words & ~previous) | (others & ~words);
            }
        }
#endif
        ulong mask = 0;
        bool previousIsWord = _previousIsWord;
        for (int i = 0; i < block.Length; i++)
        {
            char c = block[i];
            bool isWord = IsWord(c);
            if (isWord ? !previousIsWord : _otherStarts[c < 128 ? c : 128])
                mask |= 1UL << i;
            previousIsWord = isWord;
        }

        _previousIsWord = previousIsWord;
        return mask;
    }

#if NET
    private const int Part = 16;

    // The word characters and the other start characters among 16, one bit each; false when one of them is not ASCII.
    private readonly bool ReadPart(scoped ReadOnlySpan<char> part, out ulong words, out ulong others)
    {
        var v = Vector256.Create(MemoryMarshal.Cast<char, ushort>(part));
        words = others = 0;
        if (Vector256.GreaterThanOrEqualAny(v, Vector256.Create((ushort)0x80)))
            return false;
        var letter = Vector256.LessThanOrEqual((v | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)('z' - 'a')));
        var digit = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
        var other = Vector256<ushort>.Zero;
        foreach (char c in _otherStartChars)
            other |= Vector256.Equals(v, Vector256.Create((ushort)c));
        words = (letter | digit).ExtractMostSignificantBits();
        others = other.ExtractMostSignificantBits();
        return true;
    }
#endif

    /// <summary>True for the characters words are made of: ASCII letters and digits, and the other Unicode letters and digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWord(char c) => c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c);
}
