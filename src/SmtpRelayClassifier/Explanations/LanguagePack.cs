using System;
using System.Collections.Generic;

namespace SmtpRelayClassifier;

/// <summary>
/// Every text of one language: a title and a user-facing sentence per kind, a sentence per cause and remedy, a name
/// per responsible party, the labels of the technical explanation, and how to name a server and an address. Templates
/// may hold <c>{server}</c> and <c>{mailbox}</c>, which <see cref="ServerRef"/> and <see cref="MailboxRef"/> fill.
/// </summary>
internal sealed record LanguagePack(
    string Code,
    IReadOnlyDictionary<SmtpFailureKind, string> Titles,
    IReadOnlyDictionary<SmtpFailureKind, string> UserMessages,
    IReadOnlyDictionary<FailureCause, string> Causes,
    IReadOnlyDictionary<FailureRemedy, string> Remedies,
    IReadOnlyDictionary<ResponsibleParty, string> Parties,
    ExplanationLabels Labels,
    Func<string?, int?, string> ServerRef,
    Func<string?, string> MailboxRef,
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
    string WhoMustAct,
    string WaitingHelps,
    string WaitingDoesNotHelp,
    string RelayBlock,
    string ReportedByRemoteServer,
    string Confidence,
    string OpenQuote,
    string CloseQuote,
    string ConfidenceLow,
    string ConfidenceMedium,
    string ConfidenceHigh);
