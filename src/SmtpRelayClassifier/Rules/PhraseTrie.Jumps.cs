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

    // Open addressing, linear probing; a slot holds the four characters as one number and the walk's state after them
    // (node << JumpOffsetBits | offset in its edge), or a state of -1 when empty: every number is some four characters'.
    private readonly JumpSlot[] _jumps;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryJump(scoped ReadOnlySpan<char> folded, out int state)
    {
        state = -1;
        if (folded.Length < JumpLength)
            return false;
        ulong key = KeyOf(folded);
        var jumps = _jumps;
        int mask = jumps.Length - 1;
        for (int slot = SlotOf(key, mask); ; slot = (slot + 1) & mask)
        {
            ref readonly var jump = ref jumps[slot];
            if (jump.State < 0)
                return false;
            if (jump.Key == key)
            {
                state = jump.State;
                return true;
            }
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
    private JumpSlot[] BuildJumps(IReadOnlyList<string> phrases)
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
        var slots = new JumpSlot[size];
        slots.AsSpan().Fill(new JumpSlot(0, -1));
        foreach (var (key, state) in states)
        {
            int slot = SlotOf(key, size - 1);
            while (slots[slot].State >= 0)
                slot = (slot + 1) & (size - 1);
            slots[slot] = new JumpSlot(key, state);
        }

        return slots;
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

        // A node index fits in 16 bits (the builder refuses more) and an edge offset in 8.
        return (node << JumpOffsetBits) | offset;
    }

    /// <summary>One slot of the jump table: four characters and the walk's state after them (-1: an empty slot).</summary>
    private readonly struct JumpSlot(ulong key, int state)
    {
        public ulong Key { get; } = key;

        public int State { get; } = state;
    }
}
