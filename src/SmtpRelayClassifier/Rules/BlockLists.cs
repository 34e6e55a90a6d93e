using System;
using System.Collections.Generic;
using System.Linq;
using static SmtpRelayClassifier.BlockListKind;

namespace SmtpRelayClassifier.Rules;

/// <summary>
/// The DNS block lists and reputation services replies name, as data: each list, the word of its owner (a domain the
/// listed item never contains), and the phrases and zone names that reveal it. The phrases are found in the rule
/// set's one pass over the text; the first list of this table with a phrase in the reply is the one named, so the
/// lists of one owner come before its catch-all name. Immutable.
/// </summary>
internal static class BlockLists
{
    private static readonly Uri SpamhausCheck = new("https://check.spamhaus.org/");

    /// <summary>Every list, most specific first.</summary>
    public static IReadOnlyList<Entry> All { get; } =
    [
        // Spamhaus' zones (spamhaus.org/faq, "DNSBL usage"); sbl-xbl is the older name of SBL and XBL together.
        new(new("Spamhaus SBL-XBL", Ip, "sbl-xbl.spamhaus.org", SpamhausCheck), "spamhaus", ["sbl-xbl"]),
        new(new("Spamhaus ZEN", Ip, "zen.spamhaus.org", SpamhausCheck), "spamhaus", ["zen.spamhaus", "spamhaus.org/zen", "spamhaus zen"]),
        new(new("Spamhaus XBL", Ip, "xbl.spamhaus.org", SpamhausCheck), "spamhaus",
            ["xbl.spamhaus", "spamhaus xbl", "spamhaus-xbl", "spamhaus.org/xbl", "exploits block list"]),
        new(new("Spamhaus PBL", Ip, "pbl.spamhaus.org", SpamhausCheck), "spamhaus",
            ["pbl.spamhaus", "spamhaus pbl", "spamhaus-pbl", "spamhaus.org/pbl"]),
        new(new("Spamhaus CSS", Ip, "css.spamhaus.org", SpamhausCheck), "spamhaus", ["css.spamhaus", "spamhaus css"]),
        new(new("Spamhaus DBL", Domain, "dbl.spamhaus.org", SpamhausCheck), "spamhaus",
            ["dbl.spamhaus", "spamhaus dbl", "spamhaus-dbl", "spamhaus.org/query/domain", "spamhaus.org/dbl"]),
        new(new("Spamhaus SBL", Ip, "sbl.spamhaus.org", SpamhausCheck), "spamhaus",
            ["sbl.spamhaus", "spamhaus sbl", "spamhaus-sbl", "spamhaus.org/sbl"]),
        new(new("Spamhaus", Ip, "zen.spamhaus.org", SpamhausCheck), "spamhaus", ["spamhaus"]),

        // SpamCop before Mimecast: Mimecast's own copy of it is "spamcop.mimecast.org".
        new(new("SpamCop", Ip, "bl.spamcop.net", new("https://www.spamcop.net/bl.shtml")), "spamcop", ["spamcop"]),
        new(new("Barracuda BRBL", Ip, "b.barracudacentral.org", new("https://www.barracudacentral.org/lookups")), "barracuda",
            ["barracudacentral", "barracuda reputation", "barracudanetworks.com/reputation", "brbl"]),
        new(new("SORBS", Ip, "dnsbl.sorbs.net", new("http://www.sorbs.net/lookup.shtml")), "sorbs", ["sorbs"]),
        new(new("UCEPROTECT", Ip, "dnsbl-1.uceprotect.net", new("https://www.uceprotect.net/en/rblcheck.php")), "uceprotect", ["uceprotect"]),
        new(new("PSBL", Ip, "psbl.surriel.com", new("https://psbl.org/")), "surriel", ["psbl"]),
        new(new("Invaluement ivmURI", Url, "ivmuri", new("https://www.invaluement.com/")), "invaluement", ["ivmuri"]),
        new(new("Invaluement ivmSIP", Ip, "ivmsip", new("https://www.invaluement.com/")), "invaluement", ["ivmsip", "invaluement"]),
        new(new("Cloudmark CSI", Ip, null, new("https://csi.cloudmark.com/reset-request/")), "cloudmark",
            ["csi.cloudmark", "cloudmark sender intelligence", "cloudmark poor reputation", "cm-csi"]),
        new(new("Proofpoint Dynamic Reputation", Ip, null, new("https://ipcheck.proofpoint.com/")), "proofpoint", ["ipcheck.proofpoint", "proofpoint dynamic reputation"]),
        new(new("Trend Micro ERS", Ip, null, new("https://ers.trendmicro.com/")), "trendmicro",
            ["ers.trendmicro", "trend micro email reputation", "trend micro rbl", "mail-abuse.org", "mail-abuse.com", "ers-qil", "ers-rbl", "ers-dul"]),
        new(new("Mimecast reputation", Ip, null, new("https://community.mimecast.com/docs/DOC-1369")), "mimecast", ["csi.mimecast"]),

        // Microsoft's own lists: Outlook.com's (S3140 an address, S3150 its network) and Microsoft 365's banned senders.
        new(new("Outlook.com block list", Ip, null, new("https://olcsupport.office.com/")), "outlook", ["s3140", "s3150"]),
        new(new("Microsoft 365 banned senders", Ip, null, new("https://sender.office.com/")), "office",
            ["banned sending ip", "sender.office.com"]),

        // Gmail's reputation texts (support.google.com/a/answer/3726730): the sending domain's, or the sending IP's.
        new(new("Gmail domain reputation", Domain, null, new("https://postmaster.google.com/")), "google",
            ["very low reputation of the sending domain"]),
        new(new("Gmail IP reputation", Ip, null, new("https://postmaster.google.com/")), "google",
            ["very low reputation of the sending ip", "unusual rate of unsolicited mail originating from your ip"]),
    ];

    /// <summary>Every phrase of every list, in table order: the rule set's marker phrases.</summary>
    public static IReadOnlyList<string> Phrases { get; } = All.SelectMany(e => e.Phrases).ToArray();

    // For each phrase of Phrases, the list it reveals.
    private static readonly int[] EntryOfPhrase = All.SelectMany((e, i) => e.Phrases.Select(_ => i)).ToArray();

    /// <summary>The index in <see cref="Phrases"/> of the first phrase found (a position of at least 0), of the first list in table order, or -1.</summary>
    public static int FirstFound(ReadOnlySpan<int> found)
    {
        int bestEntry = int.MaxValue;
        int best = -1;
        for (int p = 0; p < found.Length && p < EntryOfPhrase.Length; p++)
        {
            if (found[p] >= 0 && EntryOfPhrase[p] < bestEntry)
            {
                bestEntry = EntryOfPhrase[p];
                best = p;
            }
        }

        return best;
    }

    /// <summary>The list a phrase of <see cref="Phrases"/> reveals.</summary>
    public static Entry OfPhrase(int phrase) => All[EntryOfPhrase[phrase]];

    /// <summary>One list: the record the diagnosis carries, its owner's word, and the phrases that reveal it.</summary>
    internal sealed record Entry(BlockList List, string Owner, string[] Phrases);
}
