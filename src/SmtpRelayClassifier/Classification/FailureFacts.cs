using System.Collections.Generic;
using SmtpRelayClassifier.Parsing;

namespace SmtpRelayClassifier;

/// <summary>Everything known about one failure besides the text the rules read.</summary>
internal struct FailureFacts
{
    public int Code;
    public EnhancedStatusCode Enhanced;
    public SmtpStage Stage;
    public DiagnosisSource Source;
    public string? Mailbox;
    // The mailbox and the server as parts of the caller's string (Mailbox and Server are then null).
    public TextSlice MailboxSlice;
    public TextSlice ServerSlice;
    public string? ReplyText;
    // The reply text as a part of the caller's string, when it needs no other change (ReplyText is then null).
    public TextSlice ReplyTextSlice;
    public string? Server;
    // The reply's own link, cut out (ReplyLink) or as a part of the caller's string; read into a Uri only when asked for.
    public string? ReplyLink;
    public TextSlice ReplyLinkSlice;
    public int? Port;
    public OutlookHResult? HResult;
    public string? ErrorType;
}

/// <summary>A decision made without the rule set (an exception type, an Outlook number): what a rule would have yielded. A
/// value: the classifier builds one for every diagnosis.</summary>
internal readonly record struct Verdict(
    string RuleId,
    SmtpFailureKind Kind,
    DiagnosisConfidence Confidence,
    bool? Transient = null,
    IReadOnlyList<FailureCause>? Causes = null,
    IReadOnlyList<FailureRemedy>? Remedies = null,
    ResponsibleParty? Responsible = null,
    string? Summary = null,
    RecipientAction? Action = null);
