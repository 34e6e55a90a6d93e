using System;
using System.Collections.Generic;

namespace SmtpRelayClassifier.Rules;

/// <summary>How the trie is built: one character a node first, then laid out with chains of single children folded into edges.</summary>
internal sealed partial class PhraseTrie
{
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
