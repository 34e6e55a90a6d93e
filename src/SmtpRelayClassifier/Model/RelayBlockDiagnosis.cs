using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SmtpRelayClassifier;

/// <summary>
/// The diagnosis of a failed send: what happened, whether it is a relay block, whether retrying can help, the likely
/// causes, the remedies, who must act, and the evidence it was decided from. Two diagnoses are equal when every
/// property is, the lists compared item by item. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <c>JsonSerializer</c> writes it in the shape of <c>RelayBlockDiagnosisJson</c> and reads it back to an equal value.
/// </remarks>
#if NET
[System.Text.Json.Serialization.JsonConverter(typeof(RelayBlockDiagnosisJsonConverter))]
#endif
public sealed record RelayBlockDiagnosis
{
    /// <summary>The kind of failure.</summary>
    public required SmtpFailureKind Kind { get; init; }

    /// <summary>
    /// True when the server, or the network in between, refuses to carry this client's mail because of who or where
    /// the client is, not because of the message or the recipient: every <see cref="SmtpFailureKind.RelayDenied"/>,
    /// <see cref="SmtpFailureKind.AuthenticationRequired"/> at MAIL or RCPT, a sender the account does not own, an
    /// outbound port 25 block, and a dynamic address told to use its provider's relay.
    /// </summary>
    public bool IsRelayBlock { get; init; }

    /// <summary>True when sending the same thing again later, unchanged, can succeed.</summary>
    public bool IsTransient { get; init; }

    /// <summary>
    /// False when the input reports no failure: a 2xx or 3xx reply, a delivered or delay notice, a feedback or DMARC report,
    /// an automatic reply (<see cref="NotFailure"/> says which); true otherwise. Derived from <see cref="NotFailure"/>.
    /// </summary>
    public bool IsFailure => NotFailure == NotFailureKind.None;

    /// <summary>What the input is when it reports no failure; <see cref="NotFailureKind.None"/> (the default) for a failure.</summary>
    public NotFailureKind NotFailure { get; init; }

    /// <summary>
    /// What to do with the recipient: suppress the address, retry later, retry from another IP or relay, fix the sending
    /// side's set-up, review the content, nothing, or review by hand; decided from the kind, the transience, the source and
    /// the most likely cause (the README's table "What to do with the recipient"). A relay denial is never
    /// <see cref="RecipientAction.Suppress"/>.
    /// </summary>
    public RecipientAction RecipientAction { get; init; }

    /// <summary>
    /// How long to wait before sending again, for a transient failure; null for a permanent one. The delay the server named
    /// ("try again in 5 minutes", "Greylisted for 300 seconds", at most 7 days) when it named one, and
    /// <see cref="DiagnosisEvidence.RetryAfterRange"/> then says where it stands; otherwise the default of the kind (the
    /// README's table "Retry after"), and that range is empty.
    /// </summary>
    public System.TimeSpan? RetryAfter { get; init; }

    /// <summary>The step of the session that failed.</summary>
    public SmtpStage Stage { get; init; }

    /// <summary>The server's three-digit reply code, when there was one.</summary>
    public int? ReplyCode { get; init; }

    /// <summary>The enhanced status code (RFC 3463), when the reply carried one.</summary>
    public EnhancedStatusCode? EnhancedStatusCode { get; init; }

    /// <summary>The mailbox the failure is about (the rejected recipient or sender), when known.</summary>
    public string? Mailbox
    {
        get => _mailbox.Get(_source);
        init => _mailbox = new LazyText(value);
    }

    /// <summary>The mailbox as a part of the caller's string, not cut out yet; a source of null leaves <see cref="Mailbox"/> as it is.</summary>
    internal TextSlice MailboxSlice
    {
        init => Keep(value, ref _mailbox);
    }

    /// <summary>The server's reply text (lines joined with <c>\n</c>, without the reply code), when there was one.</summary>
    public string? ReplyText
    {
        get => _replyText.Get(_source);
        init => _replyText = new LazyText(value);
    }

    /// <summary>The reply text as a part of the caller's string, not cut out yet; a source of null leaves <see cref="ReplyText"/> as it is.</summary>
    internal TextSlice ReplyTextSlice
    {
        init => Keep(value, ref _replyText);
    }

    /// <summary>The likely causes, most likely first.</summary>
    public IReadOnlyList<FailureCause> Causes { get; init; } = [];

    /// <summary>The remedies, in the order to try them.</summary>
    public IReadOnlyList<FailureRemedy> Remedies { get; init; } = [];

    /// <summary>Who has to act.</summary>
    public ResponsibleParty ResponsibleParty { get; init; }

    /// <summary>Whether the reply came from the client's own submission session or from a remote server (a bounce).</summary>
    public DiagnosisSource Source { get; init; }

    /// <summary>The stable id of the rule that decided, such as <c>postfix.relay-access-denied</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>How strongly the evidence supports the diagnosis, from the weighing of everything that held (see <see cref="Evidence"/>).</summary>
    public DiagnosisConfidence Confidence { get; init; }

    /// <summary>The evidence the diagnosis was decided from, and what contradicted it; the default value when no rule weighed the reply.</summary>
    public DiagnosisEvidence Evidence { get; init; }

    /// <summary>The Outlook / Outlook Express / Windows Mail error number, when the input carried one.</summary>
    public OutlookHResult? HResult
    {
        get => _hresult is OutlookHResult hresult ? hresult : null;
        init => _hresult = value is { } hresult ? hresult : null;
    }

    // Boxed: few diagnoses carry an Outlook number, and every record is smaller by the size of one.
    private object? _hresult;

    /// <summary>The server's host name, when known.</summary>
    public string? Server
    {
        get => _server.Get(_source);
        init => _server = new LazyText(value);
    }

    /// <summary>The host name as a part of the caller's string, not cut out yet; a source of null leaves <see cref="Server"/> as it is.</summary>
    internal TextSlice ServerSlice
    {
        init => Keep(value, ref _server);
    }

    // A text that is a part of the caller's string (the reply text, the mailbox, the server) is cut out when first read:
    // a classification whose texts nobody reads allocates only the record. Two threads reading one at once cut out equal
    // strings. The parts a diagnosis keeps are of one string, _source.
    private LazyText _replyText;
    private LazyText _mailbox;
    private LazyText _server;
    private string? _source;

    /// <summary>The server's port, when known.</summary>
    public int? Port { get; init; }

    /// <summary>
    /// For connection and TLS failures, the error type in the words MailKit and HttpClient use for the
    /// <c>error.type</c> metric tag: <c>host_not_found</c>, <c>connection_refused</c>, <c>timed_out</c>,
    /// <c>connection_reset</c>, <c>network_unreachable</c>, <c>secure_connection_error</c>, <c>protocol_error</c>.
    /// </summary>
    public string? ErrorType { get; init; }

    /// <summary>The DNS block list or reputation service the reply names as the reason for the refusal, when it names one.</summary>
    public BlockList? BlockList { get; init; }

    /// <summary>
    /// The IP address (for a list of <see cref="BlockListKind.Ip"/>) or domain the reply says is listed, as it stands in
    /// the reply; null when the reply names a list but not what it lists.
    /// </summary>
    public string? ListedItem { get; init; }

    /// <summary>
    /// A public page that explains this reply: the first <c>http://</c> or <c>https://</c> link in the reply text when
    /// it has one, otherwise the error page of the provider whose rule decided (Microsoft, Gmail, Yahoo, Outlook.com,
    /// Apple, Comcast, Orange); null when neither is known. Always an absolute http or https address.
    /// </summary>
    public Uri? HelpLink
    {
        get
        {
            if (!_replyLink.IsSet)
                return _helpLink;
            // The reply's own link is read into a Uri when first asked for; a text that makes none leaves the page set.
            var own = _replyLinkUri ??= Uri.TryCreate(_replyLink.Get(_source), UriKind.Absolute, out var uri) ? uri : NotALink;
            return ReferenceEquals(own, NotALink) ? _helpLink : own;
        }

        init
        {
            _helpLink = value;
            _replyLink = default;
            _replyLinkUri = null;
        }
    }

    /// <summary>
    /// The reply's own link (an http or https address a scanner found in it) as a part of the caller's string, read into
    /// <see cref="HelpLink"/> when that is first read; the page <see cref="HelpLink"/> was set to stays when the text makes
    /// no absolute address. Set after <see cref="HelpLink"/>.
    /// </summary>
    internal TextSlice ReplyLinkSlice
    {
        init => Keep(value, ref _replyLink);
    }

    /// <summary>As <see cref="ReplyLinkSlice"/>, for a link already cut out of the input.</summary>
    internal string? ReplyLinkText
    {
        init
        {
            if (value is not null)
                _replyLink = new LazyText(value);
        }
    }

    // Stands for "the reply's link makes no Uri" once that is known; never given out.
    private static readonly Uri NotALink = new("http://localhost/");

    private Uri? _helpLink;
    private LazyText _replyLink;
    private Uri? _replyLinkUri;

    /// <summary>A one-line English summary.</summary>
    public required string Summary { get; init; }

    /// <summary>True when every property of <paramref name="other"/> equals this one's; <see cref="Causes"/> and <see cref="Remedies"/> are compared item by item.</summary>
    /// <param name="other">The diagnosis to compare with.</param>
    /// <returns>True when the two diagnoses hold the same values.</returns>
    public bool Equals(RelayBlockDiagnosis? other) =>
        ReferenceEquals(this, other) || (other is not null &&
            Kind == other.Kind && NotFailure == other.NotFailure && IsRelayBlock == other.IsRelayBlock && IsTransient == other.IsTransient && Stage == other.Stage &&
            RecipientAction == other.RecipientAction && RetryAfter == other.RetryAfter &&
            ReplyCode == other.ReplyCode && EnhancedStatusCode == other.EnhancedStatusCode &&
            string.Equals(Mailbox, other.Mailbox, StringComparison.Ordinal) && string.Equals(ReplyText, other.ReplyText, StringComparison.Ordinal) &&
            SameItems(Causes, other.Causes) && SameItems(Remedies, other.Remedies) &&
            ResponsibleParty == other.ResponsibleParty && Source == other.Source &&
            string.Equals(RuleId, other.RuleId, StringComparison.Ordinal) && Confidence == other.Confidence && Evidence == other.Evidence &&
            HResult == other.HResult && string.Equals(Server, other.Server, StringComparison.Ordinal) && Port == other.Port &&
            string.Equals(ErrorType, other.ErrorType, StringComparison.Ordinal) && string.Equals(Summary, other.Summary, StringComparison.Ordinal) &&
            BlockList == other.BlockList && string.Equals(ListedItem, other.ListedItem, StringComparison.Ordinal) && HelpLink == other.HelpLink);

    /// <summary>A hash code that agrees with <see cref="Equals(RelayBlockDiagnosis?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Kind);
        hash.Add(RecipientAction);
        hash.Add(Stage);
        hash.Add(ReplyCode);
        hash.Add(EnhancedStatusCode);
        hash.Add(Mailbox, StringComparer.Ordinal);
        hash.Add(RuleId, StringComparer.Ordinal);
        hash.Add(Summary, StringComparer.Ordinal);
        hash.Add(HResult);
        foreach (var cause in Causes)
            hash.Add(cause);
        foreach (var remedy in Remedies)
            hash.Add(remedy);
        return hash.ToHashCode();
    }

    /// <summary>
    /// The one-line summary with the kind before it and the codes, the mailbox (masked: <c>b***@example.org</c>) and the
    /// rule after it, such as <c>RelayDenied: The SMTP server refused to relay ... (554 5.7.1, b***@example.org, rule
    /// postfix.relay-access-denied)</c>. Every address in the summary is masked too.
    /// </summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        string?[] codes = [ReplyCode?.ToString(CultureInfo.InvariantCulture), EnhancedStatusCode is { IsEmpty: false } enhanced ? enhanced.ToString() : null, HResult?.ToString()];
        string?[] details = [string.Join(' ', codes.Where(c => c is not null)), AddressRedactor.MaskOrNull(Mailbox), "rule " + RuleId];
        return $"{Kind}: {AddressRedactor.MaskAll(Summary)} ({string.Join(", ", details.Where(d => !string.IsNullOrEmpty(d)))})";
    }

    private void Keep(TextSlice slice, ref LazyText text)
    {
        if (slice.Source is null)
            return;
        if (_source is not null && !ReferenceEquals(_source, slice.Source))
            throw new InvalidOperationException("The texts a diagnosis cuts out when first read must be parts of one string.");
        _source = slice.Source;
        text = slice.Length == 0 ? new LazyText(string.Empty) : new LazyText(slice.Start, slice.Length);
    }

    private static bool SameItems<T>(IReadOnlyList<T> left, IReadOnlyList<T> right)
        where T : struct, Enum
    {
        if (ReferenceEquals(left, right))
            return true;
        if (left.Count != right.Count)
            return false;
        for (int i = 0; i < left.Count; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(left[i], right[i]))
                return false;
        }

        return true;
    }

    /// <summary>A text, or where it stands in <see cref="_source"/> until it is first read (a length of 0: no text).</summary>
    private struct LazyText
    {
        private readonly int _start;
        private readonly int _length;
        private string? _text;

        public LazyText(string? text) => _text = text;

        public LazyText(int start, int length) => (_start, _length) = (start, length);

        /// <summary>True when there is a text, cut out or not yet.</summary>
        public readonly bool IsSet => _text is not null || _length != 0;

        public string? Get(string? source) =>
            _text ??= _length == 0 || source is null ? null
                : _start == 0 && _length == source.Length ? source : source.Substring(_start, _length);
    }
}
