using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using static SmtpRelayClassifier.FailureCause;
using static SmtpRelayClassifier.FailureRemedy;

namespace SmtpRelayClassifier.Probing.Internal;

/// <summary>This part decides the verdict from what the ports, steps and transactions showed, and words it.</summary>
internal sealed partial class ProbeRun
{
    private bool ClientIsOutsider()
    {
        if (options.ClientIsOutsider is { } outsider)
            return outsider;
        var address = options.LocalAddress ?? _clientAddress;
        if (address is null)
            return true;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6UniqueLocal)
            return false;
        byte[] b = address.GetAddressBytes();
        return address.AddressFamily != AddressFamily.InterNetwork ||
            !(b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127));
    }

    private (RelayProbeVerdict Verdict, RelayBlockDiagnosis? Diagnosis) Decide()
    {
        bool port25Blocked = _ports.Any(p => p.Port == 25 && p.Reachability == PortReachability.TimedOut) &&
            _ports.Any(p => p.Port != 25 && p.Reachability == PortReachability.Open);
        var withAuth = _ports.Where(p => p.AuthenticationMechanisms.Count > 0).Select(p => p.Port).ToArray();

        if (!_ports.Any(p => p.Reachability == PortReachability.Open))
            return (RelayProbeVerdict.Unreachable, Unreachable());

        if (_transactions.Any(t => !t.Authenticated && t.ExternalAccepted == true))
            return (ClientIsOutsider() ? RelayProbeVerdict.OpenRelay : RelayProbeVerdict.RelaysForThisNetwork, null);

        var unauthRefusal = _transactions.FirstOrDefault(t => !t.Authenticated && t.Refusal is not null)?.Refusal;
        if (options.Credentials is not null)
        {
            var authFailure = _steps.FirstOrDefault(s => s.Kind == ProbeStepKind.Authenticate && s.Outcome == ProbeStepOutcome.Failed)?.Diagnosis;
            var authenticated = _transactions.Where(t => t.Authenticated).ToArray();
            if (authenticated.Length == 0 && authFailure is not null)
                return (RelayProbeVerdict.AuthenticationFailed, Tailor(authFailure, port25Blocked, withAuth));
            var senderRefusal = authenticated.Select(t => t.Refusal).FirstOrDefault(d => d?.Kind == SmtpFailureKind.SenderNotAuthorized);
            if (senderRefusal is not null)
                return (RelayProbeVerdict.SenderNotAuthorized, senderRefusal);
            if (authenticated.Any(t => t.ExternalAccepted == true))
                return (RelayProbeVerdict.RelaysAfterAuthentication, unauthRefusal is null ? null : Tailor(unauthRefusal, port25Blocked, withAuth));
            if (authenticated.FirstOrDefault(t => t.Refusal is not null)?.Refusal is { } afterLogin)
                return (RelayProbeVerdict.DoesNotRelay, Tailor(afterLogin, port25Blocked, withAuth));
        }

        if (_transactions.Any(t => !t.Authenticated && t.ExternalAccepted == false) && unauthRefusal is not null)
            return (RelayProbeVerdict.DoesNotRelay, Tailor(unauthRefusal, port25Blocked, withAuth));

        var tls = _steps.FirstOrDefault(s => s.Kind == ProbeStepKind.Tls && s.Outcome == ProbeStepOutcome.Failed);
        if (_transactions.Count == 0 && tls is not null)
            return (RelayProbeVerdict.TlsFailed, tls.Diagnosis);

        var firstFailure = unauthRefusal ?? _steps.FirstOrDefault(s => s.Diagnosis is not null)?.Diagnosis;
        return (RelayProbeVerdict.Inconclusive, firstFailure is null ? null : Tailor(firstFailure, port25Blocked, withAuth));
    }

    // The remedy that fits what was seen: where AUTH is offered, log in there; a port 25 that times out while
    // another answers is the network's block.
    private static RelayBlockDiagnosis Tailor(RelayBlockDiagnosis diagnosis, bool port25Blocked, int[] portsWithAuth)
    {
        var causes = diagnosis.Causes.ToList();
        var remedies = diagnosis.Remedies.ToList();
        if (portsWithAuth.Length > 0 && diagnosis.Kind is SmtpFailureKind.RelayDenied or SmtpFailureKind.AuthenticationRequired)
        {
            remedies.Remove(AuthenticateOnSubmissionPort);
            remedies.Insert(0, AuthenticateOnSubmissionPort);
        }

        if (port25Blocked)
        {
            causes.Remove(OutboundPort25Blocked);
            causes.Add(OutboundPort25Blocked);
            if (!remedies.Contains(UseSubmissionPortInsteadOf25))
                remedies.Add(UseSubmissionPortInsteadOf25);
        }

        return diagnosis with { Causes = causes, Remedies = remedies };
    }

    private RelayBlockDiagnosis Unreachable()
    {
        bool onlyTimeouts = _ports.All(p => p.Reachability == PortReachability.TimedOut);
        bool only25 = _ports.All(p => p.Port == 25);
        var step = _steps.LastOrDefault(s => s.Kind == ProbeStepKind.TcpConnect);
        var reason = _ports.Select(p => p.Reachability).FirstOrDefault();
        string errorType = reason switch
        {
            PortReachability.Refused => "connection_refused",
            PortReachability.TimedOut => "timed_out",
            PortReachability.HostNotFound => "host_not_found",
            _ => "socket_error",
        };
        var causes = reason switch
        {
            PortReachability.HostNotFound => new[] { HostNotFound },
            PortReachability.Refused => [ConnectionRefused],
            _ when onlyTimeouts && only25 => [OutboundPort25Blocked, ConnectionTimedOut],
            _ => [ConnectionTimedOut, ConnectionRefused],
        };
        return SmtpFailureClassifier.Build(
            new Verdict("probe.unreachable", SmtpFailureKind.ConnectionFailed, DiagnosisConfidence.High,
                Transient: reason != PortReachability.HostNotFound && !(onlyTimeouts && only25),
                Causes: causes,
                Remedies: onlyTimeouts && only25 ? [UseSubmissionPortInsteadOf25, CheckNetworkAndFirewall] : [CheckServerNameAndPort, CheckNetworkAndFirewall, RetryLater],
                Responsible: onlyTimeouts && only25 ? ResponsibleParty.NetworkProvider : ResponsibleParty.Sender,
                Summary: step?.Description ?? "No port answered."),
            new FailureFacts { Stage = SmtpStage.Connect, Source = DiagnosisSource.SubmissionSession, Server = options.Host, Port = _ports.FirstOrDefault()?.Port, ErrorType = errorType });
    }

    private string Summarize(RelayProbeVerdict verdict)
    {
        string host = options.Host;
        string auth = string.Join(", ", _ports.Where(p => p.AuthenticationMechanisms.Count > 0).Select(p => p.Port.ToString(CultureInfo.InvariantCulture)));
        string loginHint = auth.Length > 0 ? $" Port(s) {auth} offer AUTH: log in there." : string.Empty;
        string findings = verdict == RelayProbeVerdict.TlsFailed ? string.Empty : string.Concat(_ports
            .Where(p => p.TlsError is not null && !p.TlsEstablished)
            .Select(p => $" TLS on port {p.Port.ToString(CultureInfo.InvariantCulture)} failed: {p.TlsError}."));
        if (_steps.Any(s => s.Outcome == ProbeStepOutcome.NotEncrypted))
            findings += " The login was not tried: the session was not encrypted.";
        return Sentence(verdict, host, loginHint) + findings;
    }

    private static string Sentence(RelayProbeVerdict verdict, string host, string loginHint) => verdict switch
    {
        RelayProbeVerdict.OpenRelay => $"{host} accepted an outside recipient from this client without a login: it relays for anyone who can reach it.",
        RelayProbeVerdict.RelaysForThisNetwork => $"{host} accepted an outside recipient without a login because it trusts this client's network.",
        RelayProbeVerdict.RelaysAfterAuthentication => $"{host} refuses to relay without a login and accepts outside recipients after it.",
        RelayProbeVerdict.DoesNotRelay => $"{host} refused to relay to an outside recipient for this client.{loginHint}",
        RelayProbeVerdict.AuthenticationFailed => $"{host} refused the login.",
        RelayProbeVerdict.SenderNotAuthorized => $"{host} accepts the login but refuses a sender address it does not own.",
        RelayProbeVerdict.TlsFailed => $"The encrypted connection to {host} could not be set up.",
        RelayProbeVerdict.Unreachable => $"No port of {host} answered.",
        _ => $"The probe of {host} could not decide whether it relays.",
    };
}
