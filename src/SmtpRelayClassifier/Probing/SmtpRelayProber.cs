using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MailKit.Security;
using SmtpRelayClassifier.Classification;
using SmtpRelayClassifier.MailKitIntegration;
using static SmtpRelayClassifier.Classification.FailureCause;
using static SmtpRelayClassifier.Classification.FailureRemedy;

namespace SmtpRelayClassifier.Probing;

/// <summary>
/// Finds out, without sending a message, what an SMTP server will do for this client: which ports answer (refused,
/// timed out, open), what each offers before and after TLS, whether it relays to an outside recipient without a
/// login, after a login, and with a sender the login does not own. It sends <c>MAIL FROM</c> and <c>RCPT TO</c> only,
/// ends every transaction with <c>RSET</c> and every session with <c>QUIT</c>, and never sends <c>DATA</c>.
/// Thread-safe: one instance can run several probes at once.
/// </summary>
public sealed class SmtpRelayProber
{
    private readonly ISmtpFailureClassifier _classifier;

    /// <summary>Creates a prober.</summary>
    /// <param name="classifier">The classifier for the server's refusals; null takes <see cref="SmtpFailureClassifier.Default"/>.</param>
    public SmtpRelayProber(ISmtpFailureClassifier? classifier = null)
    {
        _classifier = classifier ?? SmtpFailureClassifier.Default;
    }

    /// <summary>Probes a server.</summary>
    /// <param name="options">What to probe.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>The report. When <see cref="RelayProbeOptions.TotalTimeout"/> runs out, the report holds what was found until then.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<RelayProbeReport> ProbeAsync(RelayProbeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        total.CancelAfter(options.TotalTimeout);
        var run = new ProbeRun(options, _classifier, total.Token);
        foreach (int port in options.Ports)
        {
            try
            {
                await run.ProbePortAsync(port).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                run.Note(port, ProbeStepKind.Quit, ProbeStepOutcome.Failed, $"the probe's total time ({options.TotalTimeout}) ran out");
                break;
            }
        }

        return run.Report();
    }

    /// <summary>The state of one probe: what each port showed and every transaction's result.</summary>
    private sealed class ProbeRun(RelayProbeOptions options, ISmtpFailureClassifier classifier, CancellationToken cancellationToken)
    {
        private readonly List<ProbeStep> _steps = [];
        private readonly List<TranscriptLine> _transcript = [];
        private readonly List<PortProbeResult> _ports = [];
        private readonly List<Transaction> _transactions = [];
        private IPAddress? _clientAddress;
        private bool _pinUsed;

        public async Task ProbePortAsync(int port)
        {
            var reach = await TcpConnectAsync(port).ConfigureAwait(false);
            var result = new PortProbeResult { Port = port, Reachability = reach, ImplicitTls = options.SecurityFor(port) == SecureSocketOptions.SslOnConnect };
            if (reach != PortReachability.Open)
            {
                _ports.Add(result);
                return;
            }

            var security = options.SecurityFor(port);
            int transcriptStart = _transcript.Count;

            // A plain-text look first, for the greeting and what is offered before TLS.
            IReadOnlyList<string> before = [];
            if (security != SecureSocketOptions.SslOnConnect)
            {
                using var plain = NewClient(port);
                var watch = Stopwatch.StartNew();
                try
                {
                    await plain.ConnectAsync(options.Host, port, SecureSocketOptions.None, cancellationToken).ConfigureAwait(false);
                    before = Capabilities(transcriptStart);
                    Record(port, ProbeStepKind.Greeting, ProbeStepOutcome.Succeeded, "greeting and EHLO in plain text", watch);
                    if (security == SecureSocketOptions.None)
                    {
                        result = result with { Greeting = Greeting(transcriptStart), CapabilitiesBeforeTls = before, AuthenticationMechanisms = plain.AuthenticationMechanisms.Order().ToArray() };
                        _ports.Add(result);
                        await TransactionsAsync(plain, port).ConfigureAwait(false);
                        await QuitAsync(plain, port).ConfigureAwait(false);
                        return;
                    }

                    await plain.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Record(port, ProbeStepKind.Greeting, ProbeStepOutcome.Failed, "greeting and EHLO in plain text", watch, diagnosis: Diagnose(e, port));
                    _ports.Add(result with { Greeting = Greeting(transcriptStart) });
                    return;
                }
            }

            // Then the session used for the transactions, encrypted when the port offers it.
            int secureStart = _transcript.Count;
            using var client = NewClient(port);
            var tlsWatch = Stopwatch.StartNew();
            try
            {
                await client.ConnectAsync(options.Host, port, security, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var diagnosis = Diagnose(e, port);
                Record(port, ProbeStepKind.Tls, ProbeStepOutcome.Failed, security == SecureSocketOptions.SslOnConnect ? "implicit TLS" : "STARTTLS", tlsWatch, diagnosis: diagnosis);
                _ports.Add(result with
                {
                    Greeting = Greeting(transcriptStart),
                    CapabilitiesBeforeTls = before,
                    TlsError = e is SslHandshakeException || diagnosis.Kind is SmtpFailureKind.TlsFailed ? e.Message.Split('\n')[0].Trim() : null,
                });
                return;
            }

            if (client.IsSecure)
            {
                string certificate = _pinUsed ? "certificate does not validate but matches the pinned fingerprint" : "certificate valid";
                Record(port, ProbeStepKind.Tls, ProbeStepOutcome.Succeeded, (security == SecureSocketOptions.SslOnConnect ? "implicit TLS, " : "STARTTLS, ") + certificate, tlsWatch);
            }
            else
                Record(port, ProbeStepKind.Tls, ProbeStepOutcome.Skipped, "STARTTLS not offered: the session stays in plain text", tlsWatch);

            _ports.Add(result with
            {
                Greeting = Greeting(security == SecureSocketOptions.SslOnConnect ? secureStart : transcriptStart),
                CapabilitiesBeforeTls = before,
                CapabilitiesAfterTls = client.IsSecure ? Capabilities(secureStart) : [],
                TlsEstablished = client.IsSecure,
                AuthenticationMechanisms = client.AuthenticationMechanisms.Order().ToArray(),
            });

            await TransactionsAsync(client, port).ConfigureAwait(false);
            await QuitAsync(client, port).ConfigureAwait(false);
        }

        public void Note(int port, ProbeStepKind kind, ProbeStepOutcome outcome, string description) =>
            _steps.Add(new ProbeStep { Kind = kind, Port = port, Outcome = outcome, Description = description });

        public RelayProbeReport Report()
        {
            var (verdict, diagnosis) = Decide();
            return new RelayProbeReport
            {
                Host = options.Host,
                Verdict = verdict,
                Ports = _ports.ToArray(),
                Steps = _steps.ToArray(),
                Transcript = _transcript.ToArray(),
                Diagnosis = diagnosis,
                Summary = Summarize(verdict),
            };
        }

        private async Task TransactionsAsync(ProbeSmtpClient client, int port)
        {
            var recipients = options.LocalRecipient is null ? new[] { options.ExternalRecipient } : [options.ExternalRecipient, options.LocalRecipient];
            if (!await TransactionAsync(client, port, authenticated: false, options.Sender, recipients, "unauthenticated").ConfigureAwait(false))
                return;

            if (options.Credentials is not { } credentials)
                return;

            var watch = Stopwatch.StartNew();
            try
            {
                await client.AuthenticateAsync(credentials, cancellationToken).ConfigureAwait(false);
                Record(port, ProbeStepKind.Authenticate, ProbeStepOutcome.Succeeded, $"as {credentials.UserName}", watch);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Record(port, ProbeStepKind.Authenticate, ProbeStepOutcome.Failed, $"as {credentials.UserName}", watch, diagnosis: Diagnose(e, port, SmtpStage.Auth));
                return;
            }

            if (!await TransactionAsync(client, port, authenticated: true, options.Sender, [options.ExternalRecipient], $"as {credentials.UserName}").ConfigureAwait(false))
                return;
            if (options.SecondSender is { } second)
                await TransactionAsync(client, port, authenticated: true, second, [options.ExternalRecipient], $"as {credentials.UserName}, second sender").ConfigureAwait(false);
        }

        // MAIL FROM, RCPT TO each recipient, RSET. Returns false when the session can no longer be used.
        private async Task<bool> TransactionAsync(ProbeSmtpClient client, int port, bool authenticated, string sender, string[] recipients, string description)
        {
            var transaction = new Transaction(port, authenticated, sender, description);
            _transactions.Add(transaction);
            try
            {
                var mail = await CommandAsync(client, port, ProbeStepKind.MailFrom, $"MAIL FROM:<{sender}>", description, sender, SmtpStage.Mail).ConfigureAwait(false);
                transaction.MailAccepted = mail.Accepted;
                transaction.Refusal ??= mail.Diagnosis;
                if (mail.Accepted)
                {
                    foreach (string recipient in recipients)
                    {
                        bool external = recipient == options.ExternalRecipient;
                        string what = description + (external ? ", outside recipient" : ", local recipient");
                        var rcpt = await CommandAsync(client, port, ProbeStepKind.RcptTo, $"RCPT TO:<{recipient}>", what, recipient, SmtpStage.Rcpt).ConfigureAwait(false);
                        if (external)
                            transaction.ExternalAccepted = rcpt.Accepted;
                        else
                            transaction.LocalAccepted = rcpt.Accepted;
                        transaction.Refusal ??= rcpt.Diagnosis;
                    }
                }

                await CommandAsync(client, port, ProbeStepKind.Reset, "RSET", "end of the transaction, nothing sent", null, SmtpStage.Unknown).ConfigureAwait(false);
                return client.IsConnected;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                transaction.Refusal ??= Diagnose(e, port);
                Note(port, ProbeStepKind.Reset, ProbeStepOutcome.Failed, "the session ended: " + e.Message);
                return false;
            }
        }

        private async Task<(bool Accepted, RelayBlockDiagnosis? Diagnosis)> CommandAsync(
            ProbeSmtpClient client, int port, ProbeStepKind kind, string command, string description, string? address, SmtpStage stage)
        {
            var watch = Stopwatch.StartNew();
            using var step = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            step.CancelAfter(options.StepTimeout);
            SmtpResponse response = await client.CommandAsync(command, step.Token).ConfigureAwait(false);
            int code = (int)response.StatusCode;
            bool accepted = code is >= 200 and < 300;
            RelayBlockDiagnosis? diagnosis = accepted
                ? null
                : classifier.Classify(response, Context(port, stage)) is var d && address is not null && d.Mailbox is null ? d with { Mailbox = address } : d;
            _steps.Add(new ProbeStep
            {
                Kind = kind,
                Port = port,
                Outcome = accepted ? ProbeStepOutcome.Succeeded : ProbeStepOutcome.Failed,
                Description = kind == ProbeStepKind.RcptTo && accepted ? description + ": accepted at RCPT (not proof of delivery)" : description,
                Address = address,
                ReplyCode = code,
                Reply = response.Response,
                Diagnosis = diagnosis,
                Duration = watch.Elapsed,
            });
            return (accepted, diagnosis);
        }

        private async Task QuitAsync(ProbeSmtpClient client, int port)
        {
            var watch = Stopwatch.StartNew();
            if (!client.IsConnected)
                return;
            try
            {
                await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
                Record(port, ProbeStepKind.Quit, ProbeStepOutcome.Succeeded, "QUIT", watch);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Record(port, ProbeStepKind.Quit, ProbeStepOutcome.Failed, "QUIT: " + e.Message, watch);
            }
        }

        private async Task<PortReachability> TcpConnectAsync(int port)
        {
            var watch = Stopwatch.StartNew();
            PortReachability reach;
            string detail;
            try
            {
                var addresses = await Dns.GetHostAddressesAsync(options.Host, cancellationToken).ConfigureAwait(false);
                var address = addresses.FirstOrDefault(a => options.LocalAddress is null || a.AddressFamily == options.LocalAddress.AddressFamily) ?? addresses[0];
                using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                if (options.LocalAddress is { } local)
                    socket.Bind(new IPEndPoint(local, 0));
                using var step = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                step.CancelAfter(options.StepTimeout);
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(address, port), step.Token).ConfigureAwait(false);
                    _clientAddress ??= (socket.LocalEndPoint as IPEndPoint)?.Address;
                    reach = PortReachability.Open;
                    detail = $"{address}:{port} open";
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    reach = PortReachability.TimedOut;
                    detail = $"{address}:{port} did not answer within {options.StepTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
                }
            }
            catch (SocketException e)
            {
                (reach, detail) = e.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => (PortReachability.Refused, $"port {port} refused the connection"),
                    SocketError.TimedOut => (PortReachability.TimedOut, $"port {port} did not answer"),
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => (PortReachability.HostNotFound, $"{options.Host} could not be resolved"),
                    _ => (PortReachability.Error, $"port {port}: {e.SocketErrorCode}"),
                };
            }

            Record(port, ProbeStepKind.TcpConnect, reach == PortReachability.Open ? ProbeStepOutcome.Succeeded : ProbeStepOutcome.Failed, detail, watch);
            return reach;
        }

        private ProbeSmtpClient NewClient(int port)
        {
            var client = new ProbeSmtpClient(new TranscriptRecorder(_transcript, port))
            {
                Timeout = (int)Math.Min(int.MaxValue, options.StepTimeout.TotalMilliseconds),
                LocalEndPoint = options.LocalAddress is { } local ? new IPEndPoint(local, 0) : null,
                ServerCertificateValidationCallback = ValidateCertificate,
            };
            if (options.HeloName is { } helo)
                client.LocalDomain = helo;
            return client;
        }

        // Certificate validation stays on; a certificate is accepted only when it validates or matches the pin.
        private bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (errors == SslPolicyErrors.None)
                return true;
            if (options.PinnedCertificateSha256 is not { } pin || certificate is null)
                return false;
            string fingerprint = Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
            bool pinned = string.Equals(fingerprint, pin.Replace(":", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
            _pinUsed |= pinned;
            return pinned;
        }

        private RelayBlockDiagnosis Diagnose(Exception e, int port, SmtpStage stage = SmtpStage.Unknown) =>
            classifier.Classify(e, Context(port, stage));

        private SmtpFailureContext Context(int port, SmtpStage stage) => new()
        {
            Stage = stage,
            Source = DiagnosisSource.SubmissionSession,
            Server = options.Host,
            Port = port,
        };

        private void Record(int port, ProbeStepKind kind, ProbeStepOutcome outcome, string description, Stopwatch watch, RelayBlockDiagnosis? diagnosis = null) =>
            _steps.Add(new ProbeStep { Kind = kind, Port = port, Outcome = outcome, Description = description, Diagnosis = diagnosis, Duration = watch.Elapsed });

        private string? Greeting(int from)
        {
            for (int i = from; i < _transcript.Count; i++)
            {
                if (!_transcript[i].FromClient)
                    return _transcript[i].Text;
            }

            return null;
        }

        // The keywords of the last EHLO reply recorded since the given line.
        private string[] Capabilities(int from)
        {
            int ehlo = -1;
            for (int i = from; i < _transcript.Count; i++)
            {
                if (_transcript[i].FromClient && _transcript[i].Text.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase))
                    ehlo = i;
            }

            var keywords = new List<string>();
            for (int i = ehlo + 1; ehlo >= 0 && i < _transcript.Count && !_transcript[i].FromClient; i++)
            {
                string line = _transcript[i].Text;
                bool first = i == ehlo + 1;
                if (line.Length > 4 && line.StartsWith("250", StringComparison.Ordinal) && !first)
                    keywords.Add(line[4..]);
                if (line.Length <= 3 || line[3] == ' ')
                    break;
            }

            return keywords.ToArray();
        }

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
                new Evidence { Stage = SmtpStage.Connect, Source = DiagnosisSource.SubmissionSession, Server = options.Host, Port = _ports.FirstOrDefault()?.Port, ErrorType = errorType });
        }

        private string Summarize(RelayProbeVerdict verdict)
        {
            string host = options.Host;
            string auth = string.Join(", ", _ports.Where(p => p.AuthenticationMechanisms.Count > 0).Select(p => p.Port.ToString(CultureInfo.InvariantCulture)));
            string loginHint = auth.Length > 0 ? $" Port(s) {auth} offer AUTH: log in there." : string.Empty;
            return verdict switch
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
    }

    /// <summary>One MAIL FROM / RCPT TO transaction and what the server said.</summary>
    private sealed class Transaction(int port, bool authenticated, string sender, string description)
    {
        public int Port { get; } = port;

        public bool Authenticated { get; } = authenticated;

        public string Sender { get; } = sender;

        public string Description { get; } = description;

        public bool MailAccepted { get; set; }

        public bool? ExternalAccepted { get; set; }

        public bool? LocalAccepted { get; set; }

        public RelayBlockDiagnosis? Refusal { get; set; }
    }
}
