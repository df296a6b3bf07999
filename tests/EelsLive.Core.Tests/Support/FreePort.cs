using System.Net;
using System.Net.Sockets;

namespace EelsLive.Core.Tests.Support;

/// <summary>Finds a free loopback TCP port for a test's own publisher.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
