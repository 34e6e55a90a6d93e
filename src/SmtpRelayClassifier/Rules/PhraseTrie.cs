using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// All rule phrases in one trie over lower-cased characters, so that matching at a word start walks the text once and
/// finds every phrase that begins there, however many share a prefix ("relay …", "relaying …", "relais …"). The root
/// is indexed by ASCII character; deeper nodes keep their few children in a sibling list. A run of spaces, tabs and
/// line breaks in the text matches one space of a phrase. Immutable once built; allocation-free to match.
/// </summary>
internal sealed class PhraseTrie
{
    private const int NonAscii = 128;

    private readonly int[] _root = new int[NonAscii + 1];
    private readonly List<char> _label = [];
    private readonly List<int> _firstChild = [];
    private readonly List<int> _nextSibling = [];
    private readonly List<int[]?> _ends = [];
    private char[] _labels = [];
    private int[] _children = [];
    private int[] _siblings = [];
    private int[]?[] _phraseEnds = [];

    // Nodes right below the root and nodes with many children: their children indexed by ASCII character.
    private const int TableFrom = 4;
    private int[]?[] _tables = [];

    public PhraseTrie(IReadOnlyList<string> lowerCasePhrases)
    {
        Array.Fill(_root, -1);
        var ends = new List<List<int>?>();
        for (int id = 0; id < lowerCasePhrases.Count; id++)
        {
            string phrase = lowerCasePhrases[id];
            int node = -1;
            for (int i = 0; i < phrase.Length; i++)
                node = Child(node, phrase[i], ends);
            (ends[node] ??= []).Add(id);
        }

        _labels = _label.ToArray();
        _children = _firstChild.ToArray();
        _siblings = _nextSibling.ToArray();
        _phraseEnds = new int[]?[ends.Count];
        for (int i = 0; i < ends.Count; i++)
            _phraseEnds[i] = ends[i]?.ToArray();

        _tables = new int[]?[_labels.Length];
        var nearRoot = new HashSet<int>();
        foreach (int top in _root)
        {
            for (int n = top; n >= 0; n = _siblings[n])
                nearRoot.Add(n);
        }

        for (int n = 0; n < _labels.Length; n++)
        {
            int count = 0;
            for (int child = _children[n]; child >= 0; child = _siblings[child])
                count++;
            if (count < TableFrom && !nearRoot.Contains(n))
                continue;
            var table = new int[NonAscii + 1];
            Array.Fill(table, -2);
            for (int child = _children[n]; child >= 0; child = _siblings[child])
            {
                if (_labels[child] < NonAscii)
                    table[_labels[child]] = child;
                else
                    table[NonAscii] = -1; // a non-ASCII child: search the sibling list
            }

            _tables[n] = table;
        }
    }

    /// <summary>True when some phrase starts with this (folded) character.</summary>
    public bool StartsWith(int folded) => _root[Math.Min(folded, NonAscii)] >= 0;

    /// <summary>Walks the text from its start and reports each phrase that ends along the way, with its length.</summary>
    public void Match(ReadOnlySpan<char> text, ref RuleSet.Sink sink)
    {
        if (text.IsEmpty)
            return;
        int first = Fold(text[0]);
        if (first >= NonAscii)
        {
            // Non-ASCII first letters share one root slot; the node's label tells them apart.
            int n = _root[NonAscii];
            while (n >= 0 && _labels[n] != char.ToLowerInvariant(text[0]))
                n = _siblings[n];
            Walk(text, n, ref sink);
            return;
        }

        Walk(text, _root[first], ref sink);
    }

    private void Walk(ReadOnlySpan<char> text, int node, ref RuleSet.Sink sink)
    {
        bool stayed = false;
        for (int i = 1; node >= 0; i++)
        {
            if (!stayed && _phraseEnds[node] is { } ends)
            {
                foreach (int id in ends)
                    sink.Found(id, i);
            }

            if (i >= text.Length)
                return;
            char c = text[i];
            char folded = c < NonAscii ? (char)Fold(c) : char.ToLowerInvariant(c);
            stayed = folded == ' ' && IsBlank(text[i - 1]);
            if (stayed)
                continue;
            if (_tables[node] is { } table)
            {
                int direct = table[Math.Min((int)folded, NonAscii)];
                if (direct != -1)
                {
                    node = direct < 0 ? -1 : direct;
                    continue;
                }
            }

            int child = _children[node];
            while (child >= 0 && _labels[child] != folded)
                child = _siblings[child];
            node = child;
        }
    }

    private int Child(int parent, char c, List<List<int>?> ends)
    {
        int head = parent < 0 ? _root[Math.Min((int)c, NonAscii)] : _firstChild[parent];
        for (int n = head; n >= 0; n = _nextSibling[n])
        {
            if (_label[n] == c)
                return n;
        }

        int created = _label.Count;
        _label.Add(c);
        _firstChild.Add(-1);
        _nextSibling.Add(head);
        ends.Add(null);
        if (parent < 0)
            _root[Math.Min((int)c, NonAscii)] = created;
        else
            _firstChild[parent] = created;
        return created;
    }

    // A line break or tab matches the space of a phrase, and a run of them one space: replies wrap sentences across lines.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Fold(char c) => c < NonAscii ? (c is >= 'A' and <= 'Z' ? c | 0x20 : IsBlank(c) ? ' ' : c) : NonAscii;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsBlank(char c) => c is ' ' or '\r' or '\n' or '\t';
}
