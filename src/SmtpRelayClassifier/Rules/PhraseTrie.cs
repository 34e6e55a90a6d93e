using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
#if NET
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// All rule phrases in one trie over lower-cased characters, so that matching at a word start walks the text once and
/// finds every phrase that begins there, however many share a prefix ("relay …", "relaying …", "relais …"). The root
/// and the nodes with many children look a child up in a table indexed by ASCII character; the other nodes keep their
/// few children in a sibling list. Each node is one small struct, so a step of the walk reads one place in memory. A run
/// of spaces, tabs and line breaks in the text matches one space of a phrase. Immutable once built; allocation-free to
/// match.
/// </summary>
internal sealed partial class PhraseTrie
{
    private const int NonAscii = 128;
    private const int TableWidth = NonAscii + 1;

#if NET
    private const int FoldPart = 16;
#endif

    // Nodes right below the root and nodes with this many children or more: their children indexed by ASCII character.
    private const int TableFrom = 4;

    // No node (no child, no sibling, no table); in a child table, also: no child with this character. And a non-ASCII
    // child, to be looked for in the sibling list.
    private const ushort None = ushort.MaxValue;
    private const ushort SearchSiblings = ushort.MaxValue - 1;

    // The longest edge one node holds; a longer chain goes on in a child.
    private const int MaxEdge = byte.MaxValue;

    // Every phrase has at least three characters; the few of exactly three are in a small bit set (hashed), which a text
    // whose first four characters the jump table does not know is tested against.
    private const int MinPhraseLength = 3;
    private const int PrefixHashBits = 12;
    private readonly ulong[] _shortPhrases = new ulong[(1 << PrefixHashBits) / 64];
    private readonly bool _hasShortPhrases;

    private readonly int[] _root = new int[TableWidth];
    private readonly Node[] _nodes;
    private readonly char[] _edges;
    private readonly ushort[] _tables;
    private readonly int[] _phraseIds;

    public PhraseTrie(IReadOnlyList<string> lowerCasePhrases)
    {
        Array.Fill(_root, -1);
        var builder = new Builder(_root);
        for (int id = 0; id < lowerCasePhrases.Count; id++)
        {
            string phrase = lowerCasePhrases[id];
            if (phrase.Length < MinPhraseLength)
                throw new ArgumentException($"Phrase '{phrase}' is shorter than {MinPhraseLength} characters.", nameof(lowerCasePhrases));
            builder.Add(phrase, id);
            if (phrase.Length > MinPhraseLength)
                continue;
            int hash = PrefixHash(Math.Min(phrase[0], (char)NonAscii), Math.Min(phrase[1], (char)NonAscii), Math.Min(phrase[2], (char)NonAscii));
            _shortPhrases[hash >> 6] |= 1UL << hash;
            _hasShortPhrases = true;
        }

        (_nodes, _edges, _tables, _phraseIds) = builder.Build();
        _jumps = BuildJumps(lowerCasePhrases);
    }

    /// <summary>
    /// Folds <paramref name="text"/> into <paramref name="folded"/> (at least as long) as the walk reads it, one
    /// character for one, so that offsets hold: ASCII upper case to lower case, a tab or line break to a space, other
    /// characters to their invariant lower case. Vector-wide for ASCII where the runtime allows.
    /// </summary>
    public static void Fold(ReadOnlySpan<char> text, Span<char> folded)
    {
        int i = 0;
#if NET
        // 16 characters at a time, the last 16 ending where the text ends (folded again in part, to the same characters);
        // from the first part that holds a non-ASCII character on, one at a time.
        if (Vector256.IsHardwareAccelerated && text.Length >= FoldPart)
        {
            for (int at = 0; ; at += FoldPart)
            {
                int from = Math.Min(at, text.Length - FoldPart);
                var v = Vector256.Create(MemoryMarshal.Cast<char, ushort>(text.Slice(from, FoldPart)));
                if (Vector256.GreaterThanOrEqualAny(v, Vector256.Create((ushort)NonAscii)))
                {
                    i = from;
                    break;
                }

                var upper = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'A'), Vector256.Create((ushort)('Z' - 'A')));
                v |= upper & Vector256.Create((ushort)0x20);
                var blank = Vector256.Equals(v, Vector256.Create((ushort)'\r')) | Vector256.Equals(v, Vector256.Create((ushort)'\n')) |
                    Vector256.Equals(v, Vector256.Create((ushort)'\t'));
                Vector256.ConditionalSelect(blank, Vector256.Create((ushort)' '), v).CopyTo(MemoryMarshal.Cast<char, ushort>(folded.Slice(from, FoldPart)));
                if (from + FoldPart >= text.Length)
                    return;
            }
        }
#endif
        for (; i < text.Length; i++)
        {
            char c = text[i];
            folded[i] = c < NonAscii ? (char)FoldAscii(c) : char.ToLowerInvariant(c);
        }
    }

    // Whether a walk from the root can find what the jump table cannot: a phrase of three characters, or a phrase read
    // across a run of blanks among the first four characters. Most word starts are ruled out here, after a jump missed.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool NeedsRootWalk(scoped ReadOnlySpan<char> folded)
    {
        if (folded.Length < MinPhraseLength)
            return false;
        int first = Math.Min(folded[0], (char)NonAscii);
        int second = Math.Min(folded[1], (char)NonAscii);
        int third = Math.Min(folded[2], (char)NonAscii);
        if (second == ' ' && (first == ' ' || third == ' '))
            return true;
        if (_hasShortPhrases && Has(PrefixHash(first, second, third)))
            return true;
        return folded.Length > MinPhraseLength && third == ' ' && folded[3] == ' ';
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Has(int hash) => (_shortPhrases[hash >> 6] & (1UL << hash)) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PrefixHash(int first, int second, int third) =>
        (int)(((uint)((first << 16) ^ (second << 8) ^ third) * 0x9E3779B1u) >> (32 - PrefixHashBits));

    /// <summary>
    /// Walks <paramref name="folded"/> (text folded by <see cref="Fold"/>) from its start and reports each phrase that
    /// ends along the way, with its length. Returns true when the walk stopped at the end of <paramref name="folded"/>
    /// still inside a phrase: a caller that passed a window of a longer text walks again with more of it.
    /// </summary>
    public bool Match(scoped ReadOnlySpan<char> folded, ref RuleSet.Sink sink)
    {
        // Most walks start past the first four characters, where the jump table says they lead.
        if (TryJump(folded, out int state))
            return Walk(folded, state >> JumpOffsetBits, JumpLength, state & JumpOffsetMask, ref sink);
        if (!NeedsRootWalk(folded))
            return false;
        int node = RootChild(folded[0]);
        return node >= 0 && Walk(folded, node, 1, 1, ref sink);
    }

    // The node right below the root that a first character leads to, or -1.
    private int RootChild(char head)
    {
        if (head < NonAscii)
            return _root[head];
        // Non-ASCII first letters share one root slot; the node's label tells them apart.
        int node = _root[NonAscii];
        while (node >= 0 && _nodes[node].Label != head)
            node = _nodes[node].Sibling == None ? -1 : _nodes[node].Sibling;
        return node;
    }

    // The walk from a node whose edge matched up to (not including) its character at edgeOffset, with i characters of
    // the text read.
    private bool Walk(scoped ReadOnlySpan<char> text, int node, int i, int edgeOffset, ref RuleSet.Sink sink)
    {
        var nodes = _nodes;
        var edges = _edges;
        for (;;)
        {
            // The rest of the node's edge must follow. A space after a space is skipped: a run of blanks matches one space.
            ref readonly Node n = ref nodes[node];
            for (int e = n.EdgeStart + edgeOffset, last = n.EdgeStart + n.EdgeLength; e < last; i++)
            {
                if (i >= text.Length)
                    return true;
                char c = text[i];
                if (c != edges[e])
                {
                    if (c == ' ' && text[i - 1] == ' ')
                        continue;
                    return false;
                }

                e++;
            }

            if (n.EndCount != 0)
            {
                foreach (int id in _phraseIds.AsSpan(n.EndStart, n.EndCount))
                    sink.Found(id, i);
            }

            if (n.FirstChild == None)
                return false;

            // The next character chooses the child.
            char next;
            do
            {
                if (i >= text.Length)
                    return true;
                next = text[i++];
            }
            while (next == ' ' && text[i - 2] == ' ');

            int child = ChildOf(n, next);
            if (child == None)
                return false;
            // The child's first character (its label) is the one just read.
            node = child;
            edgeOffset = 1;
        }
    }

    // The child of a node that a character leads to, or None.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ChildOf(in Node n, char next)
    {
        int child = SearchSiblings;
        if (n.Table != None)
            child = _tables[(n.Table * TableWidth) + Math.Min((int)next, NonAscii)];
        if (child == SearchSiblings)
        {
            child = n.FirstChild;
            while (child != None && _nodes[child].Label != next)
                child = _nodes[child].Sibling;
        }

        return child;
    }

    // Upper-case ASCII letters to lower case, and a line break or tab to a space: replies wrap sentences across lines.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FoldAscii(char c) => c is >= 'A' and <= 'Z' ? c | 0x20 : c is '\r' or '\n' or '\t' ? ' ' : c;

    /// <summary>
    /// One node, in 16 bytes so that the whole trie stays small in the cache: the characters of its edge (a chain of
    /// single children folded into one node), where its children and phrase ends are, and the row of its child table.
    /// </summary>
    private struct Node
    {
        public int EdgeStart;
        public char Label;
        public byte EdgeLength;
        public byte EndCount;
        public ushort FirstChild;
        public ushort Sibling;
        public ushort Table;
        public ushort EndStart;
    }
}
