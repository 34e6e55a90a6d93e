using System;
using System.Globalization;
using SmtpRelayClassifier.Parsing;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;

namespace SmtpRelayClassifier;

/// <summary>
/// Combines an Outlook error number with the server's response. The number names the command that failed (0x800CCC79
/// recipient, 0x800CCC78 sender); the response says why. The response decides when the rules recognize it; the number
/// alone decides otherwise.
/// </summary>
internal static class OutlookReader
{
    public static RelayBlockDiagnosis Diagnose(SmtpFailureClassifier classifier, OutlookErrorDialog dialog)
    {
        var evidence = new FailureFacts
        {
            Server = dialog.Server,
            Port = dialog.Port,
            Source = DiagnosisSource.SubmissionSession,
        };
        return Diagnose(classifier, dialog.ErrorNumber, dialog.ServerResponse, dialog.ServerError, dialog.SocketError, dialog.RejectedAddress, evidence);
    }

    public static RelayBlockDiagnosis Diagnose(
        SmtpFailureClassifier classifier,
        OutlookHResult? hresult,
        string? serverResponse,
        string? serverError,
        int? socketError,
        string? mailbox,
        FailureFacts evidence)
    {
        OutlookHResultInfo? info = null;
        if (hresult is { } number && OutlookHResultTable.TryGet(number.Value, out var known))
            info = known;
        evidence.HResult = hresult;
        if (evidence.Source == DiagnosisSource.Unknown)
            evidence.Source = DiagnosisSource.SubmissionSession;
        if (evidence.Stage == SmtpStage.Unknown && info is not null)
            evidence.Stage = info.Stage;
        if (!string.IsNullOrWhiteSpace(mailbox))
            evidence.Mailbox = mailbox;

        if (!string.IsNullOrWhiteSpace(serverResponse))
        {
            var parsed = ReplyScanner.Scan(serverResponse.AsSpan());
            var withCode = evidence;
            if (parsed.Code == 0 && int.TryParse(serverError, NumberStyles.None, CultureInfo.InvariantCulture, out int code) && code is >= 200 and <= 599)
                withCode.Code = code;
            var fromResponse = classifier.Diagnose(serverResponse, parsed, withCode, serverResponse);
            if (fromResponse.Kind != SmtpFailureKind.Unknown || info is null || info.Kind == SmtpFailureKind.Unknown)
                return fromResponse;

            // The response said nothing the rules know: the number decides, with the response kept as evidence.
            evidence.Code = fromResponse.ReplyCode ?? 0;
            evidence.Enhanced = fromResponse.EnhancedStatusCode ?? default;
            evidence.ReplyText = fromResponse.ReplyText;
            evidence.Mailbox = fromResponse.Mailbox;
        }

        if (info is null)
        {
            return SmtpFailureClassifier.Build(
                new Verdict("outlook.unknown-number", SmtpFailureKind.Unknown, DiagnosisConfidence.Low, Transient: false,
                    Causes: [], Remedies: [ContactMailAdministrator], Responsible: ResponsibleParty.Unknown,
                    Summary: hresult is { } n ? $"The error number {n} is not one this library knows." : "No error number was given."),
                evidence);
        }

        if (info.IsSuccess)
        {
            return SmtpFailureClassifier.Build(
                new Verdict("outlook.success", SmtpFailureKind.Unknown, DiagnosisConfidence.High, Transient: false,
                    Causes: [], Remedies: [], Responsible: ResponsibleParty.Unknown, Summary: info.Description),
                evidence);
        }

        if (info.Kind == SmtpFailureKind.Unknown && info.ImpliedReplyCode != 0)
        {
            // 0x800CCC68 (450), 0x800CCC69 (550), … carry only the code: let the code rules speak.
            evidence.Code = info.ImpliedReplyCode;
            var rule = classifier.Rules.Evaluate(ReadOnlySpan<char>.Empty, evidence.Code, evidence.Enhanced, evidence.Stage);
            var byCode = classifier.Build(rule, evidence);
            return byCode with { RuleId = "outlook." + info.Name.ToLowerInvariant(), Summary = info.Description };
        }

        if (evidence.Code == 0)
            evidence.Code = info.ImpliedReplyCode;
        return SmtpFailureClassifier.Build(VerdictFor(info, socketError, evidence.Port), evidence);
    }

    private static Verdict VerdictFor(OutlookHResultInfo info, int? socketError, int? port)
    {
        string id = "outlook." + info.Value.ToString("x8", CultureInfo.InvariantCulture);
        var confidence = DiagnosisConfidence.Medium;
        string? summary = info.Kind == SmtpFailureKind.Unknown ? info.Description : null;
        switch (info.Value)
        {
            case 0x800CCC78:
                return new Verdict(id, info.Kind, DiagnosisConfidence.Low, Transient: false,
                    Causes: [UnauthenticatedSubmission, SenderDoesNotMatchAccount], Remedies: [AuthenticateOnSubmissionPort, MatchFromAddressToAccount],
                    Summary: "The SMTP server refused the sender address; usually it wants a login, or a sender that belongs to the account.");
            case 0x800CCC80:
                return new Verdict(id, info.Kind, confidence, Transient: false,
                    Causes: [UnauthenticatedSubmission, NoCommonAuthenticationMechanism], Remedies: [AuthenticateOnSubmissionPort, EnableTls],
                    Summary: "The server and the client share no login method; turn on authentication for the outgoing server.");
            case 0x800CCC0F:
                return new Verdict(id, info.Kind, confidence, Transient: true,
                    Causes: [ConnectionDropped, UnauthenticatedSubmission, ConnectedThroughAnotherProvider],
                    Remedies: [AuthenticateOnSubmissionPort, UseSmtpServerOfCurrentNetwork, CheckNetworkAndFirewall]);
            case 0x800CCC0E or 0x800CCC19 or 0x800CCC15 or 0x800CCC04:
                if (socketError == 10061)
                    return new Verdict(id, info.Kind, confidence, Transient: true, Causes: [ConnectionRefused], Remedies: [CheckServerNameAndPort, CheckNetworkAndFirewall]);
                if (port == 25 && socketError is null or 10060)
                {
                    return new Verdict(id, info.Kind, confidence, Transient: false,
                        Causes: [OutboundPort25Blocked, ConnectionTimedOut], Remedies: [UseSubmissionPortInsteadOf25, AuthenticateOnSubmissionPort, UseSmtpServerOfCurrentNetwork],
                        Responsible: ResponsibleParty.NetworkProvider,
                        Summary: "The connection to port 25 failed: the network you are on probably blocks outgoing port 25.");
                }

                if (socketError == 10060 || info.Value == 0x800CCC19)
                    return new Verdict(id, info.Kind, confidence, Transient: true, Causes: [ConnectionTimedOut], Remedies: [CheckServerNameAndPort, CheckNetworkAndFirewall, RetryLater]);
                break;
            case 0x800CCC0D:
                return new Verdict(id, info.Kind, confidence, Transient: false, Causes: [HostNotFound], Remedies: [CheckServerNameAndPort]);
            case 0x800CCC7D:
                return new Verdict(id, info.Kind, confidence, Transient: false, Causes: [StartTlsNotOffered, TlsModeMismatch], Remedies: [MatchTlsModeToPort, ContactMailAdministrator]);
            case 0x800CCC01 or 0x800CCC02:
                return new Verdict(id, info.Kind, confidence, Transient: false, Causes: [CertificateInvalid], Remedies: [FixServerCertificate, CheckServerNameAndPort]);
            case 0x800CCC7A or 0x800CCC7B:
                return new Verdict(id, info.Kind, confidence, Transient: false, Causes: [ClientMisuse], Remedies: [FixClientSoftware], Responsible: ResponsibleParty.Sender);
        }

        if (info.Kind == SmtpFailureKind.AuthenticationFailed)
            return new Verdict(id, info.Kind, confidence, Transient: false, Causes: [InvalidCredentials], Remedies: [CheckCredentials, UseAppPasswordOrOAuth]);

        // A number that stands for a 4xx reply (0x800CCC67 is 421) is as transient as the reply itself.
        return new Verdict(id, info.Kind, info.Kind == SmtpFailureKind.Unknown ? DiagnosisConfidence.Low : confidence,
            Transient: info.ImpliedReplyCode is >= 400 and < 500 ? true : null, Summary: summary);
    }
}
