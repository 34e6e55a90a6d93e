using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Security;
using SmtpRelayClassifier.Probing;
using SmtpRelayClassifier.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SmtpRelayClassifier.Tests.Probing;

/// <summary>The prober and servers that misbehave: no STARTTLS for the login, endless replies, slow replies. Alone in
/// its collection so that the memory measured is the probe's.</summary>
[Collection(ProberMemoryCollection.Name)]
public partial class SmtpRelayProberTests(ITestOutputHelper output)
{
    private const long MemoryBound = 100L * 1024 * 1024;

    [Fact]
    public async Task Probe_CredentialsAndServerWithoutStartTls_NeverReceivesAuth()
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript
        {
            Ehlo = "250-test.example\r\n250-AUTH PLAIN LOGIN\r\n250 ENHANCEDSTATUSCODES",
            Rcpt = address => address.EndsWith("@external.example", StringComparison.Ordinal) ? $"554 5.7.1 <{address}>: Relay access denied" : "250 2.1.5 Ok",
        });

        var report = await new SmtpRelayProber().ProbeAsync(Options(server.Port, Alice()));

        Assert.DoesNotContain(server.Commands, c => c.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(server.Commands, c => c.Contains(Convert.ToBase64String(Encoding.ASCII.GetBytes($"\0{InProcessSmtpServer.User}\0{InProcessSmtpServer.Password}")), StringComparison.Ordinal));
        var login = report.Steps.Single(s => s.Kind == ProbeStepKind.Authenticate);
        Assert.Equal(ProbeStepOutcome.NotEncrypted, login.Outcome);
        Assert.Equal("login not tried: the session is not encrypted", login.Description);
        Assert.Equal(RelayProbeVerdict.DoesNotRelay, report.Verdict);
        Assert.Contains("login was not tried", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_PlainTextChosenForThePort_LogsInInPlainText()
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { Ehlo = "250-test.example\r\n250-AUTH PLAIN LOGIN\r\n250 ENHANCEDSTATUSCODES" });
        var options = Options(server.Port, Alice());

        var report = await new SmtpRelayProber().ProbeAsync(new RelayProbeOptions
        {
            Host = options.Host, Ports = options.Ports, Sender = options.Sender, ExternalRecipient = options.ExternalRecipient, Credentials = options.Credentials,
            StepTimeout = options.StepTimeout, Security = new System.Collections.Generic.Dictionary<int, SecureSocketOptions> { [server.Port] = SecureSocketOptions.None },
        });

        Assert.Contains(server.Commands, c => c.StartsWith("AUTH PLAIN", StringComparison.Ordinal));
        Assert.Equal(ProbeStepOutcome.Succeeded, report.Steps.Single(s => s.Kind == ProbeStepKind.Authenticate).Outcome);
    }

    // "220-" then bytes without a line end, or "220-" lines without an end: a real client gives up at a bound.
    [Theory]
    [InlineData("bytes", "bytes without ending")]
    [InlineData("lines", "1000 lines without ending")]
    public async Task Probe_GreetingThatNeverEnds_IsAProtocolErrorWithinTheTimeoutAndBoundedMemory(string flood, string reason)
    {
        byte[] chunk = Encoding.ASCII.GetBytes(flood == "bytes" ? new string('x', 65_536) : string.Concat(Enumerable.Repeat("220-still greeting\r\n", 3_000)));
        await using var server = new RawServer(async (stream, stop) =>
        {
            await stream.WriteAsync("220-"u8.ToArray(), stop);
            while (!stop.IsCancellationRequested)
                await stream.WriteAsync(chunk, stop);
        });
        var options = new RelayProbeOptions
        {
            Host = "127.0.0.1", Ports = [server.Port], Sender = "a@example.com", ExternalRecipient = "b@external.example",
            StepTimeout = TimeSpan.FromSeconds(3), TotalTimeout = TimeSpan.FromSeconds(4),
        };

        var (report, elapsed, allocated, peak) = await MeasureAsync(() => new SmtpRelayProber().ProbeAsync(options));

        output.WriteLine($"{flood}: {elapsed.TotalMilliseconds:F0} ms, {allocated / 1024} KiB allocated, private memory +{peak / 1024} KiB at most");
        Assert.True(elapsed < options.StepTimeout, $"the probe took {elapsed}");
        Assert.True(allocated < MemoryBound, $"the probe allocated {allocated} bytes");
        Assert.True(peak < MemoryBound, $"the process grew by {peak} bytes");
        var greeting = report.Steps.Single(s => s.Kind == ProbeStepKind.Greeting);
        Assert.Equal(ProbeStepOutcome.Failed, greeting.Outcome);
        Assert.Equal(SmtpFailureKind.ProtocolError, greeting.Diagnosis?.Kind);
        Assert.Equal(PortReachability.Open, report.Ports[0].Reachability);
        Assert.True(report.Transcript.Count <= options.MaxTranscriptLines + 1);
        Assert.All(report.Transcript, l => Assert.True(l.Text.Length <= 1_010));
        Assert.Contains(reason, greeting.Description, StringComparison.Ordinal);
    }

    // After STARTTLS the bytes under MailKit are ciphertext: the bound counts the reply MailKit reads, not the socket.
    [Fact]
    public async Task Probe_EhloAfterStartTlsThatNeverEnds_IsAProtocolError()
    {
        await using var server = new RawServer(async (stream, stop) =>
        {
            var reader = new System.IO.StreamReader(stream, Encoding.ASCII);
            await stream.WriteAsync("220 test.example ESMTP\r\n"u8.ToArray(), stop);
            while (await reader.ReadLineAsync(stop) is { } line)
            {
                if (line.StartsWith("EHLO", StringComparison.Ordinal))
                    await stream.WriteAsync("250-test.example\r\n250 STARTTLS\r\n"u8.ToArray(), stop);
                else if (line == "STARTTLS")
                    break;
                else
                    return;
            }

            await stream.WriteAsync("220 2.0.0 Ready to start TLS\r\n"u8.ToArray(), stop);
            using var tls = new System.Net.Security.SslStream(stream);
            await tls.AuthenticateAsServerAsync(Certificate);
            var tlsReader = new System.IO.StreamReader(tls, Encoding.ASCII);
            await tlsReader.ReadLineAsync(stop);
            byte[] lines = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("250-still going\r\n", 1_000)));
            while (!stop.IsCancellationRequested)
                await tls.WriteAsync(lines, stop);
        });
        var options = new RelayProbeOptions
        {
            Host = "127.0.0.1", Ports = [server.Port], Sender = "a@example.com", ExternalRecipient = "b@external.example",
            PinnedCertificateSha256 = Pin, StepTimeout = TimeSpan.FromSeconds(3), TotalTimeout = TimeSpan.FromSeconds(4),
        };

        var watch = Stopwatch.StartNew();
        var report = await new SmtpRelayProber().ProbeAsync(options);

        Assert.True(watch.Elapsed < options.StepTimeout, $"the probe took {watch.Elapsed}");
        var tls = report.Steps.Single(s => s.Kind == ProbeStepKind.Tls);
        Assert.Equal(ProbeStepOutcome.Failed, tls.Outcome);
        Assert.Equal(SmtpFailureKind.ProtocolError, tls.Diagnosis?.Kind);
        Assert.DoesNotContain(report.Steps, s => s.Kind == ProbeStepKind.MailFrom);
    }

    // One line every 20 ms: MailKit's timeout restarts with each, the step's deadline does not; and when the total
    // time runs out on that port, the port that answered is still reported open.
    [Theory]
    [InlineData(4.0)]
    [InlineData(1.0)]
    public async Task Probe_GreetingDribbledForever_EndsAtTheDeadlineAndThePortStaysOpen(double totalSeconds)
    {
        await using var server = Dribbler();
        var options = new RelayProbeOptions
        {
            Host = "127.0.0.1", Ports = [server.Port], Sender = "a@example.com", ExternalRecipient = "b@external.example",
            StepTimeout = TimeSpan.FromSeconds(1), TotalTimeout = TimeSpan.FromSeconds(totalSeconds),
        };

        var watch = Stopwatch.StartNew();
        var report = await new SmtpRelayProber().ProbeAsync(options);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"the probe took {watch.Elapsed}");
        AssertGreetingTimedOut(report);
        Assert.Equal(options.TotalTimeout == options.StepTimeout, report.Steps.Any(s => s.Description.Contains("total time", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Probe_TranscriptBound_KeepsTheFirstLinesAndCountsTheRest()
    {
        await using var server = new InProcessSmtpServer();

        var report = await new SmtpRelayProber().ProbeAsync(new RelayProbeOptions
        {
            Host = "127.0.0.1", Ports = [server.Port], Sender = "alice@example.com", ExternalRecipient = "someone@external.example",
            StepTimeout = TimeSpan.FromSeconds(5), MaxTranscriptLines = 10,
        });

        Assert.Equal(RelayProbeVerdict.DoesNotRelay, report.Verdict);
        Assert.Equal(11, report.Transcript.Count);
        Assert.Matches(@"^\[\d+ more lines not kept\]$", report.Transcript[^1].Text);
    }

    [Fact]
    public async Task Probe_ReplyPastMaxReplyLines_IsAProtocolError()
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { Ehlo = "250-test.example\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 ENHANCEDSTATUSCODES" });

        var report = await new SmtpRelayProber().ProbeAsync(new RelayProbeOptions
        {
            Host = "127.0.0.1", Ports = [server.Port], Sender = "a@example.com", ExternalRecipient = "b@external.example",
            StepTimeout = TimeSpan.FromSeconds(5), MaxReplyLines = 3,
        });

        Assert.Equal(SmtpFailureKind.ProtocolError, report.Steps.Single(s => s.Kind == ProbeStepKind.Greeting).Diagnosis?.Kind);
    }

    [Theory]
    [InlineData("HeloName", "probe.example\r\nDATA")]
    [InlineData("Host", "127.0.0.1\r\nDATA")]
    [InlineData("ExternalRecipient", "b@external.example\r\nDATA")]
    public async Task Probe_OptionThatWouldInjectACommand_ThrowsNamingItAndSendsNothing(string name, string value)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript());
        var valid = RelayProbeOptionsTests.With(name, value);
        var options = new RelayProbeOptions
        {
            Host = valid.Host, HeloName = valid.HeloName, Sender = valid.Sender, ExternalRecipient = valid.ExternalRecipient,
            Ports = [server.Port], StepTimeout = TimeSpan.FromSeconds(5),
        };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => new SmtpRelayProber().ProbeAsync(options));

        Assert.Equal(name, e.ParamName);
        Assert.Empty(server.Commands);
    }

    [Fact]
    public async Task Probe_OutOfMemoryInAStep_IsNotCaughtAsAFailure()
    {
        await using var server = new InProcessSmtpServer();

        await Assert.ThrowsAsync<OutOfMemoryException>(() => new SmtpRelayProber(new ExhaustedClassifier()).ProbeAsync(Options(server.Port)));
    }

    private static RawServer Dribbler() => new(async (stream, stop) =>
    {
        byte[] line = "220-still greeting\r\n"u8.ToArray();
        while (!stop.IsCancellationRequested)
        {
            await stream.WriteAsync(line, stop);
            await Task.Delay(20, stop);
        }
    });

    private static async Task<(RelayProbeReport Report, TimeSpan Elapsed, long Allocated, long Peak)> MeasureAsync(Func<Task<RelayProbeReport>> probe)
    {
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        process.Refresh();
        long baseline = process.PrivateMemorySize64;
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.PrivateMemorySize64 - baseline);
                await Task.Delay(20);
            }
        });
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var report = await probe();
        var elapsed = watch.Elapsed;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        await sampling.CancelAsync();
        await sampler;
        return (report, elapsed, allocated, peak);
    }

    /// <summary>A loopback server that runs one script on every connection, until the client goes away.</summary>
    private sealed class RawServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public RawServer(Func<NetworkStream, CancellationToken, Task> script)
        {
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    TcpClient client;
                    try
                    {
                        client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    }
                    catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
                    {
                        return;
                    }

                    _ = Task.Run(async () =>
                    {
                        using (client)
                        {
                            try
                            {
                                await script(client.GetStream(), _stop.Token);
                            }
                            catch (Exception e) when (e is System.IO.IOException or OperationCanceledException or ObjectDisposedException or SocketException)
                            {
                            }
                        }
                    });
                }
            });
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop.WaitAsync(TimeSpan.FromSeconds(5));
            _stop.Dispose();
        }
    }

    /// <summary>The default classifier, except that classifying a reply runs out of memory.</summary>
    private sealed class ExhaustedClassifier : ISmtpFailureClassifier
    {
        private readonly ISmtpFailureClassifier _inner = SmtpFailureClassifier.Default;

        public RelayBlockDiagnosis Classify(ReadOnlySpan<char> reply, SmtpFailureContext context = default) => throw new OutOfMemoryException();

        public RelayBlockDiagnosis Classify(ReadOnlySpan<byte> reply, SmtpFailureContext context = default) => throw new OutOfMemoryException();

        public RelayBlockDiagnosis Classify(string reply, SmtpFailureContext context = default) => throw new OutOfMemoryException();

        public RelayBlockDiagnosis Classify(Exception exception, SmtpFailureContext context = default) => _inner.Classify(exception, context);

        public RelayBlockDiagnosis Classify(OutlookHResult hresult, string? serverResponse = null, SmtpFailureContext context = default) => _inner.Classify(hresult, serverResponse, context);

        public RelayBlockDiagnosis Classify(OutlookErrorDialog dialog) => _inner.Classify(dialog);

        public SmtpFailureKind ClassifyKind(ReadOnlySpan<char> reply, SmtpFailureContext context = default) => _inner.ClassifyKind(reply, context);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProberMemoryCollection
{
    public const string Name = "Prober memory";
}
