using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// The jump table: the first four characters of every phrase, mapped to the node, and the place in its edge, that the
/// walk reaches after reading them. A walk whose text begins with one of them starts there instead of at the root: the
/// steps near the root, each a lookup in a child table, are the ones every walk takes, and the table does them in one
/// probe. Prefixes along which a shorter phrase ends (a phrase of three characters) are left out, and so is a text whose
/// first characters are not in the table (a run of blanks among them, one of those short phrases): those are walked
/// from the root, as before.
/// </summary>
internal sealed partial class PhraseTrie
{
    private const int JumpLength = 4;
    private const int JumpOffsetBits = 8;
    private const int JumpOffsetMask = (1 << JumpOffsetBits) - 1;
    private const ulong NoKey = ulong.MaxValue;

    // Open addressing, linear probing; a slot holds the four characters as one number and the walk's state after them
    // (node << JumpOffsetBits | offset in its edge), or NoKey and -1.
    private readonly ulong[] _jumpKeys;
    private readonly int[] _jumpStates;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryJump(scoped ReadOnlySpan<char> folded, out int state)
    {
        state = -1;
        if (folded.Length < JumpLength)
            return false;
        ulong key = KeyOf(folded);
        var keys = _jumpKeys;
        int mask = keys.Length - 1;
        for (int slot = SlotOf(key, mask); ; slot = (slot + 1) & mask)
        {
            ulong k = keys[slot];
            if (k == key)
            {
                state = _jumpStates[slot];
                return state >= 0;
            }

            if (k == NoKey)
                return false;
        }
    }

    // The first four characters as one number: one read of eight bytes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong KeyOf(scoped ReadOnlySpan<char> text) =>
        BitConverter.IsLittleEndian
            ? MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(text[..JumpLength]))
            : text[0] | ((ulong)text[1] << 16) | ((ulong)text[2] << 32) | ((ulong)text[3] << 48);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOf(ulong key, int mask) => (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & mask;

    // One slot per distinct prefix a walk can jump past, in a table at most a quarter full.
    private (ulong[] Keys, int[] States) BuildJumps(IReadOnlyList<string> phrases)
    {
        var states = new Dictionary<ulong, int>();
        foreach (string phrase in phrases)
        {
            if (phrase.Length < JumpLength || phrase.AsSpan(0, JumpLength).IndexOf("  ".AsSpan()) >= 0)
                continue;
            ulong key = KeyOf(phrase.AsSpan());
            if (!states.ContainsKey(key) && StateAfterPrefix(phrase) is int state and >= 0)
                states[key] = state;
        }

        int size = 16;
        while (size < states.Count * 4)
            size <<= 1;
        var keys = new ulong[size];
        var values = new int[size];
        keys.AsSpan().Fill(NoKey);
        values.AsSpan().Fill(-1);
        foreach (var (key, state) in states)
        {
            int slot = SlotOf(key, size - 1);
            while (keys[slot] != NoKey)
                slot = (slot + 1) & (size - 1);
            keys[slot] = key;
            values[slot] = state;
        }

        return (keys, values);
    }

    // Where the walk stands after the first four characters of a phrase (they are in the trie), or -1 when a phrase
    // ends before them: the walk must report it, and so starts at the root.
    private int StateAfterPrefix(string phrase)
    {
        int node = RootChild(phrase[0]);
        int offset = 1;
        for (int i = 1; i < JumpLength; i++)
        {
            ref readonly Node n = ref _nodes[node];
            if (offset < n.EdgeLength)
            {
                offset++;
                continue;
            }

            if (n.EndCount != 0)
                return -1;
            node = ChildOf(n, phrase[i]);
            offset = 1;
        }

        if (node > (int.MaxValue >> JumpOffsetBits) || offset > JumpOffsetMask)
            return -1;
        return (node << JumpOffsetBits) | offset;
    }
}
