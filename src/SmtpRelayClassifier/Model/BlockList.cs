using System;

namespace SmtpRelayClassifier;

/// <summary>
/// A DNS block list or reputation service that a reply names: its name, what it lists, its DNS zone when it is
/// queried by DNS, and its public page to look an entry up or ask for its removal. Immutable and thread-safe.
/// </summary>
/// <param name="Name">The list's name, such as <c>Spamhaus ZEN</c> or <c>SpamCop</c>.</param>
/// <param name="Lists">What the list holds: IP addresses, domains, or the domains of links.</param>
/// <param name="Zone">The DNS zone servers query, such as <c>zen.spamhaus.org</c>; null for a service that is not a public DNS zone.</param>
/// <param name="DelistingPage">The list's public page to look an entry up and ask for its removal.</param>
public sealed record BlockList(string Name, BlockListKind Lists, string? Zone, Uri DelistingPage);
