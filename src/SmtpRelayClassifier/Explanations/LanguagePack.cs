using System;
using System.Collections.Generic;

namespace SmtpRelayClassifier;

/// <summary>
/// Every text of one language: a title per kind, a user-facing sentence per kind for the client's own session and, where
/// the meaning differs, for a remote server's bounce; a sentence per cause and remedy, a name per responsible party, the
/// labels of the technical explanation and of the facts, and how to name a server. Templates may hold <c>{server}</c>
/// (always filled: <see cref="ServerRef"/> has a form without a name) and <c>{mailbox}</c>, which only stands inside
/// <c>[…]</c>: the bracketed words are left out when no address is known.
/// </summary>
internal sealed record LanguagePack(
    string Code,
    IReadOnlyDictionary<SmtpFailureKind, string> Titles,
    IReadOnlyDictionary<SmtpFailureKind, string> UserMessages,
    IReadOnlyDictionary<SmtpFailureKind, string> RemoteUserMessages,
    IReadOnlyDictionary<FailureCause, string> Causes,
    IReadOnlyDictionary<FailureRemedy, string> Remedies,
    IReadOnlyDictionary<ResponsibleParty, string> Parties,
    IReadOnlyDictionary<SmtpStage, string> Stages,
    ExplanationLabels Labels,
    OutcomeTexts Outcomes,
    FactLabels Facts,
    Func<string?, int?, bool, string> ServerRef,
    bool CapitalizeAfterColon = false);

/// <summary>The fixed words of the technical explanation in one language (French puts a space before its colons).</summary>
internal sealed record ExplanationLabels(
    string Colon,
    string Stage,
    string ReplyCode,
    string Rule,
    string ServerReply,
    string LikelyCauses,
    string WhatToDo,
    string IfItPersists,
    string ForTheAdministrator,
    string WhoMustAct,
    string RelayBlock,
    string RemoteRelayBlock,
    string ReportedByRemoteServer,
    string Confidence,
    string OpenQuote,
    string CloseQuote,
    string ConfidenceLow,
    string ConfidenceMedium,
    string ConfidenceHigh);

/// <summary>
/// The words tied to an <see cref="ExplanationOutcome"/>: the "waiting" line of each, and the title, message and party of
/// the outcomes that are not refusals (a success reply, a failure of the program itself, a report about no failure:
/// its title and message by <see cref="NotFailureKind"/>).
/// </summary>
internal sealed record OutcomeTexts(
    string WaitingNotNeeded,
    string WaitingNotTheServer,
    string WaitingRetriedAutomatically,
    string WaitingHelps,
    string WaitingDoesNotHelp,
    string AcceptedTitle,
    string AcceptedMessage,
    string NotSmtpTitle,
    string NotSmtpMessage,
    string CanceledMessage,
    string NobodyNow,
    string Nobody,
    string WaitingNotAFailure,
    IReadOnlyDictionary<NotFailureKind, string> NotFailureTitles,
    IReadOnlyDictionary<NotFailureKind, string> NotFailureMessages);

/// <summary>The labels and values of the facts block (<see cref="DiagnosisExplanation.Facts"/>) in one language.</summary>
internal sealed record FactLabels(
    string Kind,
    string RelayBlock,
    string RetryCanHelp,
    string Stage,
    string ReplyCode,
    string EnhancedCode,
    string Mailbox,
    string Server,
    string OutlookError,
    string Source,
    string WhoMustAct,
    string Rule,
    string Yes,
    string No,
    string SourceUnknown,
    string SourceSubmission,
    string SourceRemote);
