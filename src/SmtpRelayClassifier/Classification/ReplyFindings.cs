using System;
using SmtpRelayClassifier.Parsing;
using SmtpRelayClassifier.Rules;

namespace SmtpRelayClassifier;

/// <summary>
/// What the full diagnosis reads from a reply besides its kind: the block list it names and what that list lists, and
/// the link it prints. Looked up only for replies in which the rule set's pass found a marker phrase.
/// </summary>
/// <param name="BlockList">The block list named, or null.</param>
/// <param name="ListedItem">The IP address or domain the reply says is listed, or null.</param>
/// <param name="Link">Where the reply's own link stands in the text; empty when it has none. Read into a <see cref="Uri"/> only
/// when <see cref="RelayBlockDiagnosis.HelpLink"/> is.</param>
internal readonly record struct ReplyFindings(BlockList? BlockList, string? ListedItem, Range Link)
{
    private static readonly int LinkMarkers = BlockLists.Phrases.Count;

    /// <summary>Reads the findings from the text the rules read and where their pass found each marker in it (-1: not found).</summary>
    public static ReplyFindings Find(RuleSet rules, ReadOnlySpan<char> text, ReadOnlySpan<int> markers)
    {
        // Only the default rule set carries the block lists' phrases and the link schemes, in that order.
        if (markers.Length != DefaultRules.Markers.Count)
            return default;
        var link = (markers[LinkMarkers] >= 0 || markers[LinkMarkers + 1] >= 0) && UrlScanner.TryFind(text, out var found) ? found : default;
        int phrase = BlockLists.FirstFound(markers[..LinkMarkers]);
        if (phrase < 0)
            return new ReplyFindings(null, null, link);

        var entry = BlockLists.OfPhrase(phrase);
        int at = markers[phrase];
        var near = at < 0 ? default : new Range(at, at + rules.MarkerLength(phrase));
        bool listed = entry.List.Lists == BlockListKind.Ip
            ? ListedItemScanner.TryFindIp(text, near, out var item)
            : ListedItemScanner.TryFindDomain(text, near, entry.Owner, out item);
        return new ReplyFindings(entry.List, listed ? text[item].ToString() : null, link);
    }
}
