using System;
using System.Buffers;
using SmtpRelayClassifier.Parsing;
using SmtpRelayClassifier.Rules;

namespace SmtpRelayClassifier;

/// <summary>
/// The default <see cref="ISmtpFailureClassifier"/>: a data-driven rule set (vendor wording, generic wording, enhanced
/// codes, reply codes, in that order) over the allocation-free reply parser. Immutable and thread-safe; use
/// <see cref="Default"/> or one instance per application.
/// </summary>
public sealed class SmtpFailureClassifier : ISmtpFailureClassifier
{
    private const int StackDecodeLimit = 1024;

    private readonly RuleSet _rules;

    // What each rule's decision resolves to for each source (DecisionOutcome.ForRules).
    private readonly DecisionOutcome[] _outcomes;

    /// <summary>Creates a classifier with the built-in rule set.</summary>
    public SmtpFailureClassifier()
        : this(DefaultRules.Compiled)
    {
    }

    internal SmtpFailureClassifier(RuleSet rules)
    {
        _rules = rules;
        _outcomes = DecisionOutcome.ForRules(rules);
    }

    /// <summary>A shared instance with the built-in rule set.</summary>
    public static SmtpFailureClassifier Default { get; } = new();

    /// <summary>
    /// Creates a classifier with one's own rules tried before the built-in ones, and built-in rules turned off
    /// (<see cref="SmtpFailureClassifierOptions"/>). Options with no rule and nothing turned off give <see cref="Default"/>.
    /// </summary>
    /// <param name="options">The rules; every error in them is reported at once.</param>
    /// <returns>The classifier, immutable and thread-safe.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options hold errors: the message names each rule (number and id) and field.</exception>
    public static SmtpFailureClassifier Create(SmtpFailureClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options is { Rules.Count: 0, DisabledRuleIds.Count: 0, IncludeBuiltInRules: true } ? Default : new(RuleDefinitions.Compile(options));
    }

    /// <inheritdoc />
    public RelayBlockDiagnosis Classify(ReadOnlySpan<char> reply, SmtpFailureContext context = default)
    {
        Validate(context);
        var parsed = ReplyScanner.Scan(reply);
        return Diagnose(reply, parsed, FromContext(context), wholeInput: null);
    }

    /// <inheritdoc />
    public RelayBlockDiagnosis Classify(string reply, SmtpFailureContext context = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        Validate(context);
        var parsed = ReplyScanner.Scan(reply.AsSpan());
        return Diagnose(reply, parsed, FromContext(context), wholeInput: reply);
    }

    /// <inheritdoc />
    public RelayBlockDiagnosis Classify(ReadOnlySpan<byte> reply, SmtpFailureContext context = default)
    {
        Validate(context);
        char[]? rented = null;
        Span<char> chars = reply.Length <= StackDecodeLimit
            ? stackalloc char[StackDecodeLimit]
            : (rented = ArrayPool<char>.Shared.Rent(ReplyEncoding.MaxCharCount(reply.Length)));
        try
        {
            int count = ReplyEncoding.DecodeInto(reply, chars);
            ReadOnlySpan<char> text = chars[..count];
            return Diagnose(text, ReplyScanner.Scan(text), FromContext(context), wholeInput: null);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <inheritdoc />
    public RelayBlockDiagnosis Classify(Exception exception, SmtpFailureContext context = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Validate(context);
        return new ExceptionReader(this, context).Read(exception);
    }

    /// <inheritdoc />
    public RelayBlockDiagnosis Classify(OutlookHResult hresult, string? serverResponse = null, SmtpFailureContext context = default)
    {
        Validate(context);
        return OutlookReader.Diagnose(this, hresult, serverResponse, serverError: null, socketError: null, mailbox: null, FromContext(context));
    }

    /// <inheritdoc />
    public RelayBlockDiagnosis Classify(OutlookErrorDialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        return OutlookReader.Diagnose(this, dialog);
    }

    /// <summary>
    /// Classifies a reply as <see cref="Classify(string, SmtpFailureContext)"/> does, and gives every rule that was
    /// weighed: the deciding one, those that agreed and those that lost, with why, the phrases each found and where
    /// they stand. For explaining a decision: it costs a list and a record per rule; <c>Classify</c> pays nothing for it.
    /// </summary>
    /// <param name="reply">The reply text.</param>
    /// <param name="context">What the caller knows besides the text.</param>
    /// <returns>The diagnosis (equal to <c>Classify</c>'s) and the rules weighed, strongest first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is null.</exception>
    public DiagnosisWithCandidates ClassifyWithCandidates(string reply, SmtpFailureContext context = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        Validate(context);
        var candidates = new System.Collections.Generic.List<RuleCandidate>();
        var diagnosis = Diagnose(reply, ReplyScanner.Scan(reply.AsSpan()), FromContext(context), wholeInput: reply, candidates);
        return new DiagnosisWithCandidates(diagnosis, candidates.AsReadOnly());
    }

    /// <summary>As <see cref="ClassifyWithCandidates(string, SmtpFailureContext)"/>, for a reply given as characters.</summary>
    /// <param name="reply">The reply text.</param>
    /// <param name="context">What the caller knows besides the text.</param>
    /// <returns>The diagnosis (equal to <c>Classify</c>'s) and the rules weighed, strongest first.</returns>
    public DiagnosisWithCandidates ClassifyWithCandidates(ReadOnlySpan<char> reply, SmtpFailureContext context = default)
    {
        Validate(context);
        var candidates = new System.Collections.Generic.List<RuleCandidate>();
        var diagnosis = Diagnose(reply, ReplyScanner.Scan(reply), FromContext(context), wholeInput: null, candidates);
        return new DiagnosisWithCandidates(diagnosis, candidates.AsReadOnly());
    }

    /// <inheritdoc />
    public SmtpFailureKind ClassifyKind(ReadOnlySpan<char> reply, SmtpFailureContext context = default) =>
        ClassifyBrief(reply, context).Kind;

    /// <summary>
    /// Classifies parsed reply text with extra evidence. <paramref name="wholeInput"/> is the source as a string when the
    /// caller has one; <paramref name="candidates"/>, when given, receives every rule that was weighed.
    /// </summary>
    internal RelayBlockDiagnosis Diagnose(ReadOnlySpan<char> source, in SmtpReply parsed, FailureFacts evidence, string? wholeInput,
        System.Collections.Generic.List<RuleCandidate>? candidates = null)
    {
        TakeParse(ref evidence, parsed);
        if (evidence.Mailbox is null && parsed.HasMailbox)
            TakePart(source, wholeInput, parsed.Mailbox, ref evidence.Mailbox, ref evidence.MailboxSlice);
        if (evidence.Server is null && parsed.HasRemoteHost)
            TakePart(source, wholeInput, parsed.RemoteHost, ref evidence.Server, ref evidence.ServerSlice);

        // One text for every form of the same input (string, chars, bytes): the string itself is kept only when it is that text.
        var (offset, length) = parsed.Text.GetOffsetAndLength(source.Length);
        if (evidence.ReplyText is null && length > 0)
        {
            if (wholeInput is not null && !ReplyScanner.NeedsNormalizing(source, parsed))
                evidence.ReplyTextSlice = new TextSlice(wholeInput, offset, length);
            else
                evidence.ReplyText = ReplyScanner.NormalizeText(source, parsed, wholeInput);
        }

        var text = source.Slice(offset, length);
        Span<int> markers = stackalloc int[_rules.MarkerCount];
        var decision = _rules.EvaluateMarked(text, evidence.Code, evidence.Enhanced, evidence.Stage, markers, out bool anyMarker, candidates, offset);
        var findings = anyMarker ? ReplyFindings.Find(_rules, text, markers) : default;
        var (linkAt, linkLength) = findings.Link.GetOffsetAndLength(length);
        if (linkLength > 0)
            TakePart(source, wholeInput, new Range(offset + linkAt, offset + linkAt + linkLength), ref evidence.ReplyLink, ref evidence.ReplyLinkSlice);
        int at = decision.PhraseOffset;
        // Where the codes the decision read stand, when they are the parser's (a caller's own code has no position in the text).
        var codeRange = evidence.Code == parsed.Code ? parsed.CodeRange : default;
        var enhancedRange = evidence.Enhanced == parsed.EnhancedStatusCode ? parsed.EnhancedCodeRange : default;
        // A permanent failure has no wait: its text is not scanned for one.
        TimeSpan? said = null;
        Range saidRange = default;
        if (IsTransient(decision.RuleIndex, evidence) && RetryDelayScanner.TryFind(text, out var delay, out var delayRange))
            (said, saidRange) = (delay, new Range(offset + delayRange.Start.Value, offset + delayRange.End.Value));
        return Build(decision, evidence, at < 0 ? default : new Range(offset + at, offset + at + decision.Phrase!.Length), codeRange, enhancedRange, said, saidRange, findings);
    }

    /// <summary>
    /// Builds the diagnosis for a decision made by the rule set; the ranges say where its phrase and codes stand,
    /// <paramref name="said"/> is the delay the text named, standing at <paramref name="saidRange"/>, and
    /// <paramref name="findings"/> the block list and link the text carries.
    /// </summary>
    internal RelayBlockDiagnosis Build(
        in RuleDecision decision, in FailureFacts evidence, Range phraseRange = default, Range codeRange = default, Range enhancedRange = default,
        TimeSpan? said = null, Range saidRange = default, in ReplyFindings findings = default)
    {
        var rule = decision.Rule;
        var weighed = new DiagnosisEvidence
        {
            Strength = decision.Evidence.Strength,
            Phrase = decision.Phrase,
            PhraseRange = phraseRange,
            UsedReplyCode = decision.Evidence.UsesReplyCode,
            UsedEnhancedCode = decision.Evidence.UsesEnhancedCode,
            UsedStage = decision.Evidence.UsesStage,
            Support = decision.Support,
            ContradictingKind = decision.RunnerUp?.Kind,
            ContradictingRuleId = decision.RunnerUp?.Id,
            ContradictingStrength = decision.RunnerUpStrength,
            ReplyCodeRange = codeRange,
            EnhancedCodeRange = enhancedRange,
            RetryAfterRange = saidRange,
        };
        // The reply's own link first (the evidence's); else the page of the vendor whose rule decided.
        return Create(rule.Id, rule.Kind, decision.Confidence, TransientOf(rule, evidence), OutcomeOf(decision.RuleIndex, evidence.Source), evidence,
            weighed, said, findings, rule.HelpLink);
    }

    /// <summary>
    /// Builds the diagnosis for a decision made without the rule set, filling what it leaves open from the kind's profile;
    /// <paramref name="page"/> is the help link when the evidence carries no link of the reply's own.
    /// </summary>
    internal static RelayBlockDiagnosis Build(in Verdict verdict, in FailureFacts evidence, DiagnosisEvidence weighed = default, TimeSpan? said = null,
        in ReplyFindings findings = default, Uri? page = null) =>
        Create(verdict.RuleId, verdict.Kind, verdict.Confidence, verdict.Transient, DecisionOutcome.Of(verdict, evidence.Source), evidence, weighed, said,
            findings, page);

    // The diagnosis of a decision (a rule's or not) whose outcome for its source is resolved; a transience of null is the kind's.
    private static RelayBlockDiagnosis Create(string ruleId, SmtpFailureKind kind, DiagnosisConfidence confidence, bool? decidedTransient,
        in DecisionOutcome outcome, in FailureFacts evidence, in DiagnosisEvidence weighed, TimeSpan? said, in ReplyFindings findings, Uri? page)
    {
        bool transient = decidedTransient ?? outcome.Transient;
        var notFailure = NotFailures.OfReply(kind, evidence.Code, ruleId);

        return new RelayBlockDiagnosis
        {
            Kind = kind,
            NotFailure = notFailure,
            IsRelayBlock = outcome.IsRelayBlockAt(evidence.Stage),
            IsTransient = transient,
            RecipientAction = outcome.ActionFor(transient, notFailure),
            RetryAfter = outcome.RetryAfter(transient, said),
            Stage = evidence.Stage,
            ReplyCode = evidence.Code != 0 ? evidence.Code : null,
            EnhancedStatusCode = evidence.Enhanced.IsEmpty ? null : evidence.Enhanced,
            Mailbox = evidence.Mailbox,
            MailboxSlice = evidence.MailboxSlice,
            ReplyText = evidence.ReplyText,
            ReplyTextSlice = evidence.ReplyTextSlice,
            Causes = outcome.Causes,
            Remedies = outcome.Remedies,
            ResponsibleParty = outcome.Responsible,
            Source = evidence.Source,
            RuleId = ruleId,
            Confidence = confidence,
            Evidence = weighed,
            HResult = evidence.HResult,
            Server = evidence.Server,
            ServerSlice = evidence.ServerSlice,
            Port = evidence.Port,
            ErrorType = evidence.ErrorType,
            BlockList = findings.BlockList,
            ListedItem = findings.ListedItem,
            HelpLink = page,
            ReplyLinkText = evidence.ReplyLink,
            ReplyLinkSlice = evidence.ReplyLinkSlice,
            Summary = outcome.Summary,
        };
    }

    /// <summary>
    /// Classifies a reply to its kind, relay-block flag, transience and rule, without building a
    /// <see cref="RelayBlockDiagnosis"/>: nothing is allocated. Gives the same answers as <see cref="Classify(ReadOnlySpan{char}, SmtpFailureContext)"/>.
    /// </summary>
    /// <param name="reply">The reply text.</param>
    /// <param name="context">What the caller knows besides the text.</param>
    /// <returns>The brief diagnosis.</returns>
    public BriefDiagnosis ClassifyBrief(ReadOnlySpan<char> reply, SmtpFailureContext context = default)
    {
        Validate(context);
        var parsed = ReplyScanner.Scan(reply);
        var (offset, length) = parsed.Text.GetOffsetAndLength(reply.Length);
        var evidence = FromContext(context);
        TakeParse(ref evidence, parsed);
        int index = _rules.EvaluateRule(reply.Slice(offset, length), evidence.Code, evidence.Enhanced, evidence.Stage);
        var rule = _rules.RuleAt(index);
        ref readonly var outcome = ref OutcomeOf(index, evidence.Source);
        // As Classify decides them (Create), from the same outcome.
        bool transient = TransientOf(rule, evidence) ?? outcome.Transient;
        var action = outcome.ActionFor(transient, NotFailures.OfReply(rule.Kind, evidence.Code, rule.Id));
        return new BriefDiagnosis(rule.Kind, outcome.IsRelayBlockAt(evidence.Stage), transient, rule.Id, action);
    }

    internal RuleSet Rules => _rules;

    // A part of the input (the mailbox, the host): kept as a part of the caller's string, cut out only when someone reads
    // it, when the input is a string; cut out now otherwise.
    private static void TakePart(ReadOnlySpan<char> source, string? wholeInput, Range part, ref string? text, ref TextSlice slice)
    {
        if (wholeInput is null)
        {
            text = source[part].ToString();
            return;
        }

        var (offset, length) = part.GetOffsetAndLength(wholeInput.Length);
        slice = new TextSlice(wholeInput, offset, length);
    }

    // What the parse found fills what the caller did not say: the codes, the stage, and the source its wrappers name.
    private static void TakeParse(ref FailureFacts facts, in SmtpReply parsed)
    {
        if (facts.Code == 0)
            facts.Code = parsed.Code;
        if (facts.Enhanced.IsEmpty)
            facts.Enhanced = parsed.EnhancedStatusCode;
        if (facts.Stage == SmtpStage.Unknown)
            facts.Stage = parsed.Stage;
        if (facts.Source == DiagnosisSource.Unknown)
            facts.Source = SourceOf(parsed.Wrappers);
    }

    // What a rule of the set decides, at an index of its compiled order, resolves to for a source.
    private ref readonly DecisionOutcome OutcomeOf(int rule, DiagnosisSource source) => ref _outcomes[(rule * DecisionOutcome.Sources) + (int)source];

    internal static FailureFacts FromContext(in SmtpFailureContext context) => new()
    {
        Stage = context.Stage,
        Source = context.Source,
        Server = context.Server,
        Port = context.Port,
    };

    internal static void Validate(in SmtpFailureContext context)
    {
        if (context.Port is { } port && (port < 1 || port > 65535))
            throw new ArgumentException($"The port must be between 1 and 65535; {port} was given.", nameof(context));
        if ((uint)context.Stage > (uint)SmtpStage.EndOfData)
            throw new ArgumentException($"The stage {(int)context.Stage} is not a defined SmtpStage.", nameof(context));
        if ((uint)context.Source > (uint)DiagnosisSource.RemoteServer)
            throw new ArgumentException($"The source {(int)context.Source} is not a defined DiagnosisSource.", nameof(context));
    }

    // What Build decides for a rule's decision, without building it.
    private bool IsTransient(int rule, in FailureFacts evidence) =>
        TransientOf(_rules.RuleAt(rule), evidence) ?? OutcomeOf(rule, evidence.Source).Transient;

    private static bool? TransientOf(SmtpFailureRule rule, in FailureFacts evidence)
    {
        switch (rule.Transience)
        {
            case Transience.Always:
                return true;
            case Transience.Never:
                return false;
            case Transience.ByCodeClass:
                int codeClass = evidence.Code != 0 ? evidence.Code / 100 : evidence.Enhanced.Class;
                return codeClass switch { 4 => true, 5 => false, 2 or 3 => false, _ => null };
            default:
                return null;
        }
    }

    private static DiagnosisSource SourceOf(SmtpReplyWrappers wrappers)
    {
        const SmtpReplyWrappers remote = SmtpReplyWrappers.DsnDiagnosticCode | SmtpReplyWrappers.PostfixHostSaid |
            SmtpReplyWrappers.PostfixInReplyTo | SmtpReplyWrappers.EximRemoteError | SmtpReplyWrappers.ExchangeRemoteServerReturned;
        if ((wrappers & remote) != 0)
            return DiagnosisSource.RemoteServer;
        if ((wrappers & (SmtpReplyWrappers.OutlookServerResponse | SmtpReplyWrappers.SystemNetMailServerResponse)) != 0)
            return DiagnosisSource.SubmissionSession;
        return DiagnosisSource.Unknown;
    }
}
