using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// All rule phrases in one trie over lower-cased characters, so that matching at a word start walks the text once and
/// finds every phrase that begins there, however many share a prefix ("relay …", "relaying …", "relais …"). The root
/// and the nodes with many children look a child up in a table indexed by ASCII character; the other nodes keep their
/// few children in a sibling list. Each node is one small struct, so a step of the walk reads one place in memory. A run
/// of spaces, tabs and line breaks in the text matches one space of a phrase. Immutable once built; allocation-free to
/// match.
/// </summary>
internal sealed class PhraseTrie
{
    private const int NonAscii = 128;
    private const int TableWidth = NonAscii + 1;

    // Nodes right below the root and nodes with this many children or more: their children indexed by ASCII character.
    private const int TableFrom = 4;

    // No node (no child, no sibling, no table); in a child table, also: no child with this character. And a non-ASCII
    // child, to be looked for in the sibling list.
    private const ushort None = ushort.MaxValue;
    private const ushort SearchSiblings = ushort.MaxValue - 1;

    // The longest edge one node holds; a longer chain goes on in a child.
    private const int MaxEdge = byte.MaxValue;

    // Every phrase has at least three characters: the first four of the text at a word start (or three, for the phrases
    // of three), hashed, must begin some phrase, or the walk cannot find anything there. Most word starts are ruled out
    // by this bit.
    private const int MinPhraseLength = 3;
    private const int PrefixHashBits = 16;
    private const int NoFourth = 0xFF;
    private readonly ulong[] _prefixes = new ulong[(1 << PrefixHashBits) / 64];
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
            // A phrase of three characters is filed under its three and an empty fourth; a longer one under its first four.
            int fourth = phrase.Length > MinPhraseLength ? Math.Min(phrase[3], (char)NonAscii) : NoFourth;
            int hash = PrefixHash(Math.Min(phrase[0], (char)NonAscii), Math.Min(phrase[1], (char)NonAscii), Math.Min(phrase[2], (char)NonAscii), fourth);
            _prefixes[hash >> 6] |= 1UL << hash;
            _hasShortPhrases |= fourth == NoFourth;
        }

        (_nodes, _edges, _tables, _phraseIds) = builder.Build();
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
        System.Text.Ascii.ToLower(text, folded, out i);
        if (i == text.Length)
        {
            var done = folded[..i];
            if (done.IndexOfAny('\r', '\n', '\t') >= 0)
            {
                done.Replace('\r', ' ');
                done.Replace('\n', ' ');
                done.Replace('\t', ' ');
            }

            return;
        }

        i = 0;
#endif
        for (; i < text.Length; i++)
        {
            char c = text[i];
            folded[i] = c < NonAscii ? (char)FoldAscii(c) : char.ToLowerInvariant(c);
        }
    }

    /// <summary>
    /// False when no phrase can begin at the start of <paramref name="folded"/> (text folded by <see cref="Fold"/>):
    /// its first four characters (three for the phrases of three) begin no phrase. True also when the check cannot
    /// tell (a run of blanks among them, which the walk reads as one space).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayStartAt(ReadOnlySpan<char> folded)
    {
        if (folded.Length < MinPhraseLength)
            return false;
        int first = Math.Min(folded[0], (char)NonAscii);
        int second = Math.Min(folded[1], (char)NonAscii);
        int third = Math.Min(folded[2], (char)NonAscii);
        if (second == ' ' && (first == ' ' || third == ' '))
            return true;
        if (_hasShortPhrases && Has(PrefixHash(first, second, third, NoFourth)))
            return true;
        if (folded.Length == MinPhraseLength)
            return false;
        int fourth = Math.Min(folded[3], (char)NonAscii);
        return (fourth == ' ' && third == ' ') || Has(PrefixHash(first, second, third, fourth));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Has(int hash) => (_prefixes[hash >> 6] & (1UL << hash)) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PrefixHash(int first, int second, int third, int fourth) =>
        (int)(((uint)((first << 24) ^ (second << 16) ^ (third << 8) ^ fourth) * 0x9E3779B1u) >> (32 - PrefixHashBits));

    /// <summary>
    /// Walks <paramref name="folded"/> (text folded by <see cref="Fold"/>) from its start and reports each phrase that
    /// ends along the way, with its length. Returns true when the walk stopped at the end of <paramref name="folded"/>
    /// still inside a phrase: a caller that passed a window of a longer text walks again with more of it.
    /// </summary>
    public bool Match(scoped ReadOnlySpan<char> folded, ref RuleSet.Sink sink)
    {
        if (folded.IsEmpty)
            return true;
        char head = folded[0];
        int node;
        if (head < NonAscii)
        {
            node = _root[head];
        }
        else
        {
            // Non-ASCII first letters share one root slot; the node's label tells them apart.
            node = _root[NonAscii];
            while (node >= 0 && _nodes[node].Label != head)
                node = _nodes[node].Sibling == None ? -1 : _nodes[node].Sibling;
        }

        return node >= 0 && Walk(folded, node, ref sink);
    }

    private bool Walk(scoped ReadOnlySpan<char> text, int node, ref RuleSet.Sink sink)
    {
        var nodes = _nodes;
        var edges = _edges;
        int i = 1;
        for (;;)
        {
            // The node's first character matched; the rest of its edge must follow. A space after a space is skipped:
            // a run of blanks matches one space.
            ref readonly Node n = ref nodes[node];
            for (int e = n.EdgeStart + 1, last = n.EdgeStart + n.EdgeLength; e < last; i++)
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

            int child = SearchSiblings;
            if (n.Table != None)
                child = _tables[(n.Table * TableWidth) + Math.Min((int)next, NonAscii)];
            if (child == SearchSiblings)
            {
                child = n.FirstChild;
                while (child != None && nodes[child].Label != next)
                    child = nodes[child].Sibling;
            }

            if (child == None)
                return false;
            node = child;
        }
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

    /// <summary>A node as the builder lays it out, before it is packed.</summary>
    private struct WideNode
    {
        public char Label;
        public int EdgeStart;
        public int EdgeLength;
        public int FirstChild;
        public int Sibling;
        public int Table;
        public int EndStart;
        public int EndCount;
    }

    /// <summary>Grows the trie one character a node, then lays it out with chains folded into edges.</summary>
    private sealed class Builder(int[] root)
    {
        private const int NoChildWide = -2;
        private const int SearchSiblingsWide = -1;

        private readonly List<char> _label = [];
        private readonly List<int> _firstChild = [];
        private readonly List<int> _nextSibling = [];
        private readonly List<List<int>?> _ends = [];

        public void Add(string phrase, int id)
        {
            int node = -1;
            foreach (char c in phrase)
                node = Child(node, c);
            (_ends[node] ??= []).Add(id);
        }

        public (Node[] Nodes, char[] Edges, ushort[] Tables, int[] PhraseIds) Build()
        {
            var nodes = new List<WideNode>();
            var edges = new List<char>();
            var tables = new List<int>();
            var phraseIds = new List<int>();
            var pending = new Queue<(int Head, int Compressed)>();

            // The root's sibling lists first (their nodes get child tables), then each node's children, breadth first.
            for (int slot = 0; slot < root.Length; slot++)
                root[slot] = Lay(root[slot]);
            int nearRoot = nodes.Count;

            while (pending.Count > 0)
            {
                var (head, compressed) = pending.Dequeue();
                int tail = head;
                for (int length = 1; length < MaxEdge && _ends[tail] is null && _firstChild[tail] >= 0 && _nextSibling[_firstChild[tail]] < 0; length++)
                    tail = _firstChild[tail];

                var node = nodes[compressed];
                node.EdgeStart = edges.Count;
                for (int n = head; ; n = _firstChild[n])
                {
                    edges.Add(_label[n]);
                    if (n == tail)
                        break;
                }

                node.EdgeLength = edges.Count - node.EdgeStart;
                node.EndStart = phraseIds.Count;
                node.EndCount = _ends[tail]?.Count ?? 0;
                if (_ends[tail] is { } ends)
                    phraseIds.AddRange(ends);
                node.FirstChild = Lay(_firstChild[tail]);
                node.Table = TableOf(node.FirstChild, compressed < nearRoot);
                nodes[compressed] = node;
            }

            if (nodes.Count >= SearchSiblings || phraseIds.Count >= None)
                throw new ArgumentException($"The phrases make a trie of {nodes.Count} nodes; at most {SearchSiblings - 1} fit.");
            var packed = new Node[nodes.Count];
            for (int i = 0; i < packed.Length; i++)
            {
                var wide = nodes[i];
                packed[i] = new Node
                {
                    Label = wide.Label,
                    EdgeStart = wide.EdgeStart,
                    EdgeLength = (byte)wide.EdgeLength,
                    EndCount = checked((byte)wide.EndCount),
                    FirstChild = Narrow(wide.FirstChild),
                    Sibling = Narrow(wide.Sibling),
                    Table = wide.Table < 0 ? None : (ushort)(wide.Table / TableWidth),
                    EndStart = (ushort)wide.EndStart,
                };
            }

            var narrowTables = new ushort[tables.Count];
            for (int i = 0; i < narrowTables.Length; i++)
                narrowTables[i] = tables[i] == NoChildWide ? None : tables[i] == SearchSiblingsWide ? SearchSiblings : (ushort)tables[i];
            return (packed, edges.ToArray(), narrowTables, phraseIds.ToArray());

            static ushort Narrow(int index) => index < 0 ? None : (ushort)index;

            // Reserves compressed nodes for a sibling list, in its order, and queues them; returns the first one's index.
            int Lay(int first)
            {
                int firstCompressed = -1, previous = -1;
                for (int n = first; n >= 0; n = _nextSibling[n])
                {
                    int index = nodes.Count;
                    nodes.Add(new WideNode { Label = _label[n], FirstChild = -1, Sibling = -1, Table = -1 });
                    if (previous >= 0)
                        nodes[previous] = nodes[previous] with { Sibling = index };
                    else
                        firstCompressed = index;
                    previous = index;
                    pending.Enqueue((n, index));
                }

                return firstCompressed;
            }

            // A child table for nodes near the root and nodes with many children: the offset of its row, or -1.
            int TableOf(int firstChild, bool isNearRoot)
            {
                int count = 0;
                for (int child = firstChild; child >= 0; child = nodes[child].Sibling)
                    count++;
                if (count == 0 || (count < TableFrom && !isNearRoot))
                    return -1;
                int offset = tables.Count;
                for (int c = 0; c < TableWidth; c++)
                    tables.Add(NoChildWide);
                for (int child = firstChild; child >= 0; child = nodes[child].Sibling)
                {
                    char label = nodes[child].Label;
                    tables[offset + Math.Min((int)label, NonAscii)] = label < NonAscii ? child : SearchSiblingsWide;
                }

                return offset;
            }
        }

        private int Child(int parent, char c)
        {
            int head = parent < 0 ? root[Math.Min((int)c, NonAscii)] : _firstChild[parent];
            for (int n = head; n >= 0; n = _nextSibling[n])
            {
                if (_label[n] == c)
                    return n;
            }

            int created = _label.Count;
            _label.Add(c);
            _firstChild.Add(-1);
            _nextSibling.Add(head);
            _ends.Add(null);
            if (parent < 0)
                root[Math.Min((int)c, NonAscii)] = created;
            else
                _firstChild[parent] = created;
            return created;
        }
    }
}
