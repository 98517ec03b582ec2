using System.Net;
using System.Net.Sockets;

namespace Lmc.Testing;

/// <summary>Ports for the processes and listeners a test starts on loopback.</summary>
public static class LoopbackPorts
{
    /// <summary>A port free on 127.0.0.1 now (the system's choice, released at once for the caller to bind).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
