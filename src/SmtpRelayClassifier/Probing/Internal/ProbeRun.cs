using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Security;
using Microsoft.Extensions.Logging;

namespace SmtpRelayClassifier.Probing.Internal;

/// <summary>
/// The state of one probe: what each port showed and every transaction's result. This part opens the sessions: TCP
/// reach, the plain-text look, the session for the transactions (encrypted when the port offers it) and, when the
/// certificate is refused on a "STARTTLS when offered" port, a new plain-text session for the test without a login.
/// </summary>
internal sealed partial class ProbeRun(
    RelayProbeOptions options, ISmtpFailureClassifier classifier, ProbeDeadline deadline, ILogger logger, SmtpFailureLogOptions logOptions, CancellationToken cancellationToken)
{
    private readonly List<ProbeStep> _steps = [];
    private readonly TranscriptLog _transcript = new(options.MaxTranscriptLines);
    private readonly List<PortProbeResult> _ports = [];
    private readonly List<ProbeTransaction> _transactions = [];
    private IPAddress? _clientAddress;
    private IPAddress? _serverAddress;
    private bool _pinUsed;
    private CertificateFinding? _certificate;
    private CertificateFinding? _refused;

    /// <summary>The last port the probe started on, or null.</summary>
    public int? LastPort => _ports.Count > 0 ? _ports[^1].Port : null;

    public async Task ProbePortAsync(int port)
    {
        var security = options.SecurityFor(port);
        var reach = await TcpConnectAsync(port).ConfigureAwait(false);
        // Recorded at once: a port that answered stays "open" in the report even if the probe's time runs out on it.
        int index = _ports.Count;
        _ports.Add(new PortProbeResult { Port = port, Reachability = reach, ImplicitTls = security == SecureSocketOptions.SslOnConnect });
        if (reach != PortReachability.Open)
            return;

        int transcriptStart = _transcript.Count;

        // A plain-text look first, for the greeting and what is offered before TLS.
        IReadOnlyList<string> before = [];
        if (security != SecureSocketOptions.SslOnConnect)
        {
            var watch = Stopwatch.StartNew();
            ProbeSmtpClient? plain = null;
            try
            {
                plain = await ConnectAsync(port, SecureSocketOptions.None).ConfigureAwait(false);
                before = Capabilities(transcriptStart);
                Record(port, ProbeStepKind.Greeting, ProbeStepOutcome.Succeeded, "greeting and EHLO in plain text", watch);
                if (security == SecureSocketOptions.None)
                {
                    // The caller chose plain text for this port, login included.
                    Update(index, p => p with { Greeting = Greeting(transcriptStart), CapabilitiesBeforeTls = before, AuthenticationMechanisms = Mechanisms(plain) });
                    await TransactionsAsync(plain, port, loginAllowed: true).ConfigureAwait(false);
                    await QuitAsync(plain, port).ConfigureAwait(false);
                    return;
                }

                deadline.StartStep();
                await plain.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsStepFailure(e))
            {
                Record(port, ProbeStepKind.Greeting, ProbeStepOutcome.Failed, "greeting and EHLO in plain text: " + FirstLine(e.Message), watch, diagnosis: Diagnose(e, port));
                Update(index, p => p with { Greeting = Greeting(transcriptStart) });
                return;
            }
            finally
            {
                plain?.Dispose();
            }
        }

        // Then the session used for the transactions, encrypted when the port offers it.
        int secureStart = _transcript.Count;
        var tlsWatch = Stopwatch.StartNew();
        _certificate = _refused = null;
        ProbeSmtpClient client;
        try
        {
            client = await ConnectAsync(port, security).ConfigureAwait(false);
        }
        catch (Exception e) when (IsStepFailure(e))
        {
            int greetingFrom = security == SecureSocketOptions.SslOnConnect ? secureStart : transcriptStart;
            await TlsFailedAsync(port, index, security, e, greetingFrom, before, tlsWatch).ConfigureAwait(false);
            return;
        }

        using (client)
        {
            string mode = security == SecureSocketOptions.SslOnConnect ? "implicit TLS, " : "STARTTLS, ";
            if (client.IsSecure)
                Record(port, ProbeStepKind.Tls, ProbeStepOutcome.Succeeded, mode + (_pinUsed ? "certificate does not validate but matches the pinned fingerprint" : "certificate valid"), tlsWatch);
            else
                Record(port, ProbeStepKind.Tls, ProbeStepOutcome.Skipped, "STARTTLS not offered: the session stays in plain text", tlsWatch);

            Update(index, p => p with
            {
                Greeting = Greeting(security == SecureSocketOptions.SslOnConnect ? secureStart : transcriptStart),
                CapabilitiesBeforeTls = before,
                CapabilitiesAfterTls = client.IsSecure ? Capabilities(secureStart) : [],
                TlsEstablished = client.IsSecure,
                CertificateSubject = _certificate?.Subject,
                CertificateErrors = _certificate?.Errors ?? SslPolicyErrors.None,
                AuthenticationMechanisms = Mechanisms(client),
            });

            // A "STARTTLS when offered" port that offered none (or had it stripped on the way) keeps the password.
            await TransactionsAsync(client, port, loginAllowed: client.IsSecure).ConfigureAwait(false);
            await QuitAsync(client, port).ConfigureAwait(false);
        }
    }

    public void Note(int port, ProbeStepKind kind, ProbeStepOutcome outcome, string description) =>
        Add(new ProbeStep { Kind = kind, Port = port, Outcome = outcome, Description = description });

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

    // A refused certificate is a finding: it is reported, and on a "STARTTLS when offered" port the test without a
    // login still runs, on a new plain-text connection (it sends no secret; the login steps are skipped).
    private async Task TlsFailedAsync(int port, int index, SecureSocketOptions security, Exception e, int greetingFrom, IReadOnlyList<string> before, Stopwatch watch)
    {
        var diagnosis = Diagnose(e, port);
        var finding = _refused;
        bool tlsProblem = finding is not null || e is SslHandshakeException || diagnosis.Kind is SmtpFailureKind.TlsFailed;
        bool fallBack = tlsProblem && security == SecureSocketOptions.StartTlsWhenAvailable;
        string description = security == SecureSocketOptions.SslOnConnect ? "implicit TLS" : "STARTTLS";
        if (finding is not null)
            description += ": " + finding.Problem;
        if (fallBack)
            description += "; the test without a login runs on a new plain-text connection";
        Record(port, ProbeStepKind.Tls, ProbeStepOutcome.Failed, description, watch, diagnosis: diagnosis);
        Update(index, p => p with
        {
            Greeting = Greeting(greetingFrom),
            CapabilitiesBeforeTls = before,
            TlsError = tlsProblem ? finding?.Problem ?? FirstLine(e.Message) : null,
            CertificateSubject = _certificate?.Subject,
            CertificateErrors = _certificate?.Errors ?? SslPolicyErrors.None,
        });
        if (!fallBack)
            return;

        const string what = "new plain-text connection for the test without a login";
        var plainWatch = Stopwatch.StartNew();
        ProbeSmtpClient plain;
        try
        {
            plain = await ConnectAsync(port, SecureSocketOptions.None).ConfigureAwait(false);
        }
        catch (Exception again) when (IsStepFailure(again))
        {
            Record(port, ProbeStepKind.Greeting, ProbeStepOutcome.Failed, what + ": " + FirstLine(again.Message), plainWatch, diagnosis: Diagnose(again, port));
            return;
        }

        using (plain)
        {
            Record(port, ProbeStepKind.Greeting, ProbeStepOutcome.Succeeded, what, plainWatch);
            Update(index, p => p with { AuthenticationMechanisms = Mechanisms(plain) });
            await TransactionsAsync(plain, port, loginAllowed: false).ConfigureAwait(false);
            await QuitAsync(plain, port).ConfigureAwait(false);
        }
    }

    private async Task<PortReachability> TcpConnectAsync(int port)
    {
        var watch = Stopwatch.StartNew();
        PortReachability reach;
        string detail;
        deadline.StartStep();
        try
        {
            var addresses = await ResolveAsync().ConfigureAwait(false);
            var address = addresses.FirstOrDefault(a => options.LocalAddress is null || a.AddressFamily == options.LocalAddress.AddressFamily) ?? addresses[0];
            try
            {
                using var socket = await OpenSocketAsync(address, port).ConfigureAwait(false);
                _clientAddress ??= (socket.LocalEndPoint as IPEndPoint)?.Address;
                _serverAddress = address;
                reach = PortReachability.Open;
                detail = $"{address}:{port} open";
            }
            catch (TimeoutException)
            {
                reach = PortReachability.TimedOut;
                detail = $"{address}:{port} did not answer within {options.StepTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
            }
        }
        catch (TimeoutException e)
        {
            (reach, detail) = (PortReachability.TimedOut, $"{options.Host} was not resolved in time: {e.Message}");
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

    // A session of its own: the socket, wrapped so that every read and write keeps the step's deadline, handed to
    // MailKit, which reads the greeting, sends EHLO and sets up TLS as the security asks. Starts a step.
    private async Task<ProbeSmtpClient> ConnectAsync(int port, SecureSocketOptions security)
    {
        deadline.StartStep();
        var client = NewClient(port);
        Stream? stream = null;
        try
        {
            var socket = await OpenSocketAsync(_serverAddress!, port).ConfigureAwait(false);
            stream = new DeadlineStream(new NetworkStream(socket, ownsSocket: true), deadline);
            await client.ConnectAsync(stream, options.Host, port, security, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            stream?.Dispose();
            client.Dispose();
            throw;
        }
    }

    private async Task<IPAddress[]> ResolveAsync()
    {
        using var step = deadline.Link(cancellationToken);
        try
        {
            return await Dns.GetHostAddressesAsync(options.Host, step.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw deadline.Expired();
        }
    }

    private async Task<Socket> OpenSocketAsync(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (options.LocalAddress is { } local)
                socket.Bind(new IPEndPoint(local, 0));
            using var step = deadline.Link(cancellationToken);
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), step.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw deadline.Expired();
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private ProbeSmtpClient NewClient(int port)
    {
        var recorder = new TranscriptRecorder(_transcript, port, new ReplyGuard(options.MaxReplyBytes, options.MaxReplyLines));
        var client = new ProbeSmtpClient(recorder) { ServerCertificateValidationCallback = ValidateCertificate };
        if (options.HeloName is { } helo)
            client.LocalDomain = helo;
        return client;
    }

    // Certificate validation stays on; a certificate is accepted only when it validates or matches the pin.
    private bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var finding = CertificateFinding.Of(certificate, chain, errors, options.Host);
        _certificate = finding;
        if (errors == SslPolicyErrors.None)
            return true;
        bool pinned = false;
        if (options.PinnedCertificateSha256 is { } pin && certificate is not null)
        {
            string fingerprint = Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
            pinned = string.Equals(fingerprint, pin.Replace(":", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }

        _pinUsed |= pinned;
        _refused = pinned ? null : finding;
        return pinned;
    }

    // A failure that ends the step, not the probe: not the caller's (or the total time's) cancellation, and never a
    // lack of memory, however deep MailKit wrapped it.
    private bool IsStepFailure(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is OutOfMemoryException)
                return false;
        }

        return e is not OperationCanceledException || !cancellationToken.IsCancellationRequested;
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
        Add(new ProbeStep { Kind = kind, Port = port, Outcome = outcome, Description = description, Diagnosis = diagnosis, Duration = watch.Elapsed });

    private void Update(int index, Func<PortProbeResult, PortProbeResult> change) => _ports[index] = change(_ports[index]);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static string[] Mechanisms(ProbeSmtpClient client) => client.AuthenticationMechanisms.Order().ToArray();

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
}
