using System;
using System.IO;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using SmtpRelayClassifier.Parsing;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;
using NetMail = System.Net.Mail;
using TlsAuthenticationException = System.Security.Authentication.AuthenticationException;

namespace SmtpRelayClassifier;

/// <summary>
/// Reads what an exception says about a failed send. SMTP-level exceptions (MailKit, System.Net.Mail) are read for
/// their reply; wrappers (I/O, cancellation, aggregate, anything unknown) are looked through to the most specific
/// exception in their <see cref="Exception.InnerException"/> chain, as MailKit's ClientMetrics does.
/// </summary>
internal readonly struct ExceptionReader
{
    private const int MaxDepth = 16;

    private readonly SmtpFailureClassifier _classifier;
    private readonly SmtpFailureContext _context;

    public ExceptionReader(SmtpFailureClassifier classifier, SmtpFailureContext context)
    {
        _classifier = classifier;
        _context = context;
    }

    public RelayBlockDiagnosis Read(Exception exception) => Read(exception, 0) ?? Unrecognized(exception);

    private RelayBlockDiagnosis? Read(Exception exception, int depth)
    {
        if (depth > MaxDepth)
            return null;

        switch (exception)
        {
            case AggregateException aggregate:
                RelayBlockDiagnosis? first = null;
                foreach (var innerException in aggregate.Flatten().InnerExceptions)
                {
                    var diagnosis = Read(innerException, depth + 1);
                    if (diagnosis is { Kind: not SmtpFailureKind.Unknown })
                        return diagnosis;
                    first ??= diagnosis;
                }

                return first;

            case SmtpCommandException command:
                return FromCommand(command, StageOf(command));

            case SmtpProtocolException protocol:
                return FromProtocol(protocol);

            case ServiceNotAuthenticatedException notAuthenticated:
                // MailKit's form of a 530 at MAIL, RCPT or end of data: the code is gone, the text tells AUTH from STARTTLS.
                return FromText(notAuthenticated.Message, code: 530, SmtpStage.Unknown, mailbox: null);

            case SaslException sasl:
                return Verdict(new Verdict("mailkit.sasl-failed", SmtpFailureKind.AuthenticationFailed, DiagnosisConfidence.High,
                    Transient: false, Causes: [InvalidCredentials, NoCommonAuthenticationMechanism], Remedies: [CheckCredentials, UseAppPasswordOrOAuth],
                    Summary: "The login exchange (SASL " + sasl.Mechanism + ") failed."), SmtpStage.Auth);

            case MailKit.Security.AuthenticationException authentication:
                if (authentication.InnerException is SmtpCommandException inner)
                    return FromCommand(inner, SmtpStage.Auth);
                if (authentication.InnerException is SaslException)
                    return Read(authentication.InnerException, depth + 1);
                // Every mechanism got 534, or an Authenticate(SaslMechanism) overload failed without a reply.
                return Verdict(new Verdict("mailkit.authentication-failed", SmtpFailureKind.AuthenticationFailed, DiagnosisConfidence.High,
                    Transient: false, Causes: [InvalidCredentials, AppPasswordOrWebSignInRequired, NoCommonAuthenticationMechanism],
                    Remedies: [CheckCredentials, UseAppPasswordOrOAuth, EnableSmtpAuthForAccount]), SmtpStage.Auth);

            case SslHandshakeException handshake:
                return FromHandshake(handshake);

            case TlsAuthenticationException tls:
                return Verdict(new Verdict("exception.tls-failed", SmtpFailureKind.TlsFailed, DiagnosisConfidence.High, Transient: false,
                    Causes: TlsCauses(tls.Message, null), Remedies: [MatchTlsModeToPort, FixServerCertificate]),
                    SmtpStage.StartTls, errorType: "secure_connection_error");

            case ServiceNotConnectedException notConnected:
                return Verdict(new Verdict("mailkit.not-connected", SmtpFailureKind.ConnectionFailed, DiagnosisConfidence.High, Transient: false,
                    Causes: [ClientMisuse, ConnectionDropped], Remedies: [ConnectBeforeSending], Responsible: ResponsibleParty.Sender,
                    Summary: "The application sent without an open connection to the SMTP server."), SmtpStage.Unknown);

            case NotSupportedException notSupported when IsMailKitCapabilityMessage(notSupported.Message):
                return FromNotSupported(notSupported);

            case NetMail.SmtpFailedRecipientsException recipients when recipients.InnerExceptions is { Length: > 0 } list:
                foreach (var recipient in list)
                {
                    var diagnosis = Read(recipient, depth + 1);
                    if (diagnosis is { Kind: not SmtpFailureKind.Unknown })
                        return diagnosis;
                }

                return Read(list[0], depth + 1);

            case NetMail.SmtpException smtp when smtp.StatusCode == NetMail.SmtpStatusCode.GeneralFailure && smtp.InnerException is not null:
                return Read(smtp.InnerException, depth + 1) ?? FromSystemNetMail(smtp);

            case NetMail.SmtpException smtp:
                return FromSystemNetMail(smtp);

            case SocketException socket:
                return FromSocket(socket);

            case TimeoutException timeout:
                return FromTimeout(timeout.Message);

            case IOException io:
                return (io.InnerException is not null ? Read(io.InnerException, depth + 1) : null) ??
                    Verdict(new Verdict("exception.connection-dropped", SmtpFailureKind.ConnectionFailed, DiagnosisConfidence.Medium, Transient: true,
                        Causes: [ConnectionDropped], Remedies: [RetryLater, CheckNetworkAndFirewall]),
                        SmtpStage.Unknown, errorType: "connection_reset");

            case OperationCanceledException canceled:
                if (canceled.InnerException is not null && Read(canceled.InnerException, depth + 1) is { Kind: not SmtpFailureKind.Unknown } innerDiagnosis)
                    return innerDiagnosis;
                return Verdict(new Verdict("exception.canceled", SmtpFailureKind.Unknown, DiagnosisConfidence.High, Transient: false,
                    Causes: [OperationCanceled], Remedies: [], Responsible: ResponsibleParty.Sender,
                    Summary: "The send was canceled before it completed."), SmtpStage.Unknown, errorType: "canceled");

            default:
                if (exception.InnerException is not null && Read(exception.InnerException, depth + 1) is { } fromInner)
                    return fromInner;
                return null;
        }
    }

    private static SmtpStage StageOf(SmtpCommandException command) => command.ErrorCode switch
    {
        SmtpErrorCode.SenderNotAccepted => SmtpStage.Mail,
        SmtpErrorCode.RecipientNotAccepted => SmtpStage.Rcpt,
        // MailKit's synthetic "No recipients were accepted." follows the recipients' own refusals.
        SmtpErrorCode.MessageNotAccepted when command.Message == "No recipients were accepted." => SmtpStage.Rcpt,
        SmtpErrorCode.MessageNotAccepted => SmtpStage.EndOfData,
        _ => SmtpStage.Unknown,
    };

    private RelayBlockDiagnosis FromCommand(SmtpCommandException command, SmtpStage stage) =>
        FromText(command.Message, (int)command.StatusCode, stage, command.Mailbox?.Address);

    private RelayBlockDiagnosis FromText(string text, int code, SmtpStage stage, string? mailbox)
    {
        var evidence = SmtpFailureClassifier.FromContext(_context);
        evidence.Code = code is >= 100 and <= 999 ? code : 0;
        if (evidence.Stage == SmtpStage.Unknown)
            evidence.Stage = stage;
        if (evidence.Source == DiagnosisSource.Unknown)
            evidence.Source = DiagnosisSource.SubmissionSession;
        evidence.Mailbox = string.IsNullOrEmpty(mailbox) ? null : mailbox;
        var parsed = ReplyScanner.Scan(text.AsSpan());
        return _classifier.Diagnose(text, parsed, evidence, text);
    }

    private RelayBlockDiagnosis FromProtocol(SmtpProtocolException protocol)
    {
        // "The SMTP server has unexpectedly disconnected: 2.1.0 ok" quotes the previous reply, which is not the cause.
        if (protocol.Message.Contains("unexpectedly disconnected", StringComparison.OrdinalIgnoreCase))
        {
            return Verdict(new Verdict("mailkit.unexpected-disconnect", SmtpFailureKind.ConnectionFailed, DiagnosisConfidence.Medium, Transient: true,
                Causes: [ConnectionDropped, ClientOnBlockList, FirewallInterference], Remedies: [RetryLater, CheckNetworkAndFirewall, AuthenticateOnSubmissionPort],
                Summary: "The SMTP server closed the connection without a reply."), SmtpStage.Unknown, errorType: "protocol_error");
        }

        return Verdict(new Verdict("mailkit.protocol-error", SmtpFailureKind.ProtocolError, DiagnosisConfidence.High, Transient: false,
            Causes: [ServerProtocolViolation, TlsModeMismatch], Remedies: [CheckServerNameAndPort, MatchTlsModeToPort, ContactMailAdministrator],
            Responsible: ResponsibleParty.SenderMailAdministrator,
            Summary: "The server sent something that is not a valid SMTP reply."), SmtpStage.Unknown, errorType: "protocol_error");
    }

    private RelayBlockDiagnosis FromHandshake(SslHandshakeException handshake)
    {
        var causes = TlsCauses(handshake.Message + " " + handshake.InnerException?.Message, handshake);
        var remedies = causes[0] == CertificateInvalid
            ? new[] { FixServerCertificate, CheckServerNameAndPort }
            : new[] { MatchTlsModeToPort, CheckServerNameAndPort, ContactMailAdministrator };
        return Verdict(new Verdict("mailkit.ssl-handshake", SmtpFailureKind.TlsFailed, DiagnosisConfidence.High, Transient: false,
            Causes: causes, Remedies: remedies), SmtpStage.StartTls, errorType: "secure_connection_error");
    }

    private static FailureCause[] TlsCauses(string message, SslHandshakeException? handshake)
    {
        if (message.Contains("certificate", StringComparison.OrdinalIgnoreCase) &&
            (message.Contains("name", StringComparison.OrdinalIgnoreCase) || message.Contains("validated", StringComparison.OrdinalIgnoreCase) ||
             message.Contains("expired", StringComparison.OrdinalIgnoreCase) || message.Contains("trust", StringComparison.OrdinalIgnoreCase)) &&
            !message.Contains("frame", StringComparison.OrdinalIgnoreCase))
        {
            return [CertificateInvalid, TlsHandshakeFailed];
        }

        if (message.Contains("frame", StringComparison.OrdinalIgnoreCase) || message.Contains("wrong version", StringComparison.OrdinalIgnoreCase) ||
            message.Contains("unexpected eof", StringComparison.OrdinalIgnoreCase) || message.Contains("unknown protocol", StringComparison.OrdinalIgnoreCase) ||
            message.Contains("SslOnConnect", StringComparison.Ordinal) || message.Contains("StartTls", StringComparison.Ordinal))
        {
            return [TlsModeMismatch, TlsHandshakeFailed];
        }

        return handshake?.ServerCertificate is not null
            ? [TlsHandshakeFailed, CertificateInvalid, TlsModeMismatch]
            : [TlsHandshakeFailed, TlsModeMismatch, CertificateInvalid];
    }

    private static bool IsMailKitCapabilityMessage(string message) =>
        message.Contains("STARTTLS", StringComparison.Ordinal) || message.Contains("authentication", StringComparison.OrdinalIgnoreCase);

    private RelayBlockDiagnosis FromNotSupported(NotSupportedException notSupported)
    {
        if (notSupported.Message.Contains("STARTTLS", StringComparison.Ordinal))
        {
            return Verdict(new Verdict("mailkit.starttls-not-supported", SmtpFailureKind.TlsFailed, DiagnosisConfidence.High, Transient: false,
                Causes: [StartTlsNotOffered, TlsModeMismatch], Remedies: [MatchTlsModeToPort, CheckServerNameAndPort, ContactMailAdministrator],
                Summary: "The client asked for STARTTLS and the server does not offer it."), SmtpStage.StartTls);
        }

        // "The SMTP server does not support authentication." / "No compatible authentication mechanisms found."
        return Verdict(new Verdict("mailkit.authentication-not-supported", SmtpFailureKind.AuthenticationFailed, DiagnosisConfidence.High, Transient: false,
            Causes: [NoCommonAuthenticationMechanism, EncryptionNotStarted], Remedies: [AuthenticateOnSubmissionPort, EnableTls, CheckServerNameAndPort],
            Summary: "The server offers no login method the client can use here (often: AUTH is offered only after STARTTLS, or not on port 25)."),
            SmtpStage.Auth);
    }

    private RelayBlockDiagnosis FromSystemNetMail(NetMail.SmtpException smtp)
    {
        int code = (int)smtp.StatusCode;
        var stage = SmtpStage.Unknown;
        string? mailbox = null;
        if (smtp is NetMail.SmtpFailedRecipientException recipient)
        {
            stage = SmtpStage.Rcpt;
            mailbox = recipient.FailedRecipient?.Trim('<', '>');
        }

        return FromText(smtp.Message, code, stage, mailbox);
    }

    private RelayBlockDiagnosis FromSocket(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.HostNotFound or SocketError.NoData => Connection("exception.host-not-found", "host_not_found", false,
            [HostNotFound], [CheckServerNameAndPort, CheckNetworkAndFirewall], "The SMTP server's host name could not be resolved."),
        SocketError.TryAgain => Connection("exception.host-not-found", "host_not_found", true,
            [HostNotFound], [RetryLater, CheckServerNameAndPort], "The SMTP server's host name could not be resolved for now."),
        SocketError.ConnectionRefused => Connection("exception.connection-refused", "connection_refused", true,
            [ConnectionRefused], [CheckServerNameAndPort, CheckNetworkAndFirewall, RetryLater], "The SMTP server refused the connection: nothing listens on that port, or a firewall said no."),
        SocketError.TimedOut => FromTimeout(socket.Message),
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected or SocketError.Disconnecting =>
            Connection("exception.connection-reset", "connection_reset", true,
                [ConnectionDropped], [RetryLater, CheckNetworkAndFirewall], "The connection to the SMTP server was reset or closed."),
        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown or SocketError.HostDown or SocketError.NetworkReset =>
            Connection("exception.network-unreachable", "network_unreachable", true,
                [ConnectionRefused, HostNotFound], [CheckNetworkAndFirewall, RetryLater], "The SMTP server's network cannot be reached from here."),
        SocketError.AccessDenied => Connection("exception.access-denied", "access_denied", false,
            [FirewallInterference], [CheckNetworkAndFirewall], "The local system or a firewall did not allow the connection."),
        _ => Connection("exception.socket-error", "socket_error", true,
            [ConnectionDropped], [CheckNetworkAndFirewall, RetryLater], "A network error interrupted the connection to the SMTP server."),
    };

    private RelayBlockDiagnosis FromTimeout(string message)
    {
        if (_context.Port == 25)
        {
            return Verdict(new Verdict("exception.timeout-port-25", SmtpFailureKind.ConnectionFailed, DiagnosisConfidence.Medium, Transient: false,
                Causes: [OutboundPort25Blocked, ConnectionTimedOut], Remedies: [UseSubmissionPortInsteadOf25, AuthenticateOnSubmissionPort, UseSmtpServerOfCurrentNetwork],
                Responsible: ResponsibleParty.NetworkProvider,
                Summary: "The connection to port 25 timed out: the network you are on probably blocks outgoing port 25."),
                SmtpStage.Connect, errorType: "timed_out");
        }

        return Connection("exception.timed-out", "timed_out", true,
            [ConnectionTimedOut], [CheckServerNameAndPort, CheckNetworkAndFirewall, RetryLater], "The SMTP server did not answer in time.");
    }

    private RelayBlockDiagnosis Connection(string ruleId, string errorType, bool transient, FailureCause[] causes, FailureRemedy[] remedies, string summary) =>
        Verdict(new Verdict(ruleId, SmtpFailureKind.ConnectionFailed, DiagnosisConfidence.High, transient, causes, remedies, ResponsibleParty.Sender, summary),
            SmtpStage.Connect, errorType: errorType);

    private RelayBlockDiagnosis Unrecognized(Exception exception)
    {
        // Some applications wrap the reply in an exception of their own: read the message as a reply if it is one.
        string message = exception.Message;
        var parsed = ReplyScanner.Scan(message.AsSpan());
        if (parsed.IsReply)
            return FromText(message, parsed.Code, SmtpStage.Unknown, mailbox: null);

        return Verdict(new Verdict("exception.unrecognized", SmtpFailureKind.Unknown, DiagnosisConfidence.Low, Transient: false,
            Causes: [], Remedies: [], Responsible: ResponsibleParty.Unknown,
            Summary: "The exception (" + exception.GetType().Name + ") says nothing this library can read about SMTP."), SmtpStage.Unknown);
    }

    private RelayBlockDiagnosis Verdict(Verdict verdict, SmtpStage stage, string? errorType = null)
    {
        var evidence = SmtpFailureClassifier.FromContext(_context);
        if (evidence.Stage == SmtpStage.Unknown)
            evidence.Stage = stage;
        if (evidence.Source == DiagnosisSource.Unknown)
            evidence.Source = DiagnosisSource.SubmissionSession;
        evidence.ErrorType = errorType;
        return SmtpFailureClassifier.Build(verdict, evidence);
    }
}
