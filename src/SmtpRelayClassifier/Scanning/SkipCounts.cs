using System;
using System.Collections.Generic;
using System.Linq;

namespace SmtpRelayClassifier.Scanning;

/// <summary>
/// How much of its input a reader passed over, by <see cref="SkipReason"/>: what <see cref="MailLogReader.Skipped"/> and
/// <see cref="BounceReader.Skipped"/> return. Immutable (a snapshot), so thread-safe.
/// </summary>
public sealed class SkipCounts
{
    private static readonly SkipReason[] Reasons = Enum.GetValues<SkipReason>();
    private readonly long[] _counts;

    internal SkipCounts(long[] counts) => _counts = counts;

    /// <summary>Nothing skipped.</summary>
    public static SkipCounts None { get; } = new(new long[Reasons.Length]);

    /// <summary>The number of lines (<see cref="SkipReason.LineTooLong"/>), logs or messages skipped for a reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The count; 0 for a reason that is not defined.</returns>
    public long this[SkipReason reason] => (uint)reason < (uint)_counts.Length ? _counts[(int)reason] : 0;

    /// <summary>All skips, whatever their reason.</summary>
    public long Total => _counts.Sum();

    /// <summary>The reasons that were counted at least once, with their counts, in the order of <see cref="SkipReason"/>.</summary>
    public IReadOnlyList<KeyValuePair<SkipReason, long>> ByReason =>
        Reasons.Where(r => this[r] > 0).Select(r => new KeyValuePair<SkipReason, long>(r, this[r])).ToArray();

    /// <summary>The counts as text: <c>LineTooLong 2, MessageTooLarge 1</c>, or <c>none</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Total == 0 ? "none" : string.Join(", ", ByReason.Select(p => $"{p.Key} {p.Value}"));
}
