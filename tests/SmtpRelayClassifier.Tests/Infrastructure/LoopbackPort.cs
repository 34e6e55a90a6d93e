using System.Net;
using System.Net.Sockets;

namespace SmtpRelayClassifier.Tests.Infrastructure;

/// <summary>Ports on 127.0.0.1 for tests that need a connection to be refused.</summary>
internal static class LoopbackPort
{
    /// <summary>A port the OS just gave out and that nothing listens on any more.</summary>
    public static int Closed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
