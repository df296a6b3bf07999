using System.Net;
using System.Net.Sockets;

namespace EelsLive.Core.Tests.Support;

/// <summary>Finds a free loopback TCP port for a test's own publisher, never the same one twice in a test run.</summary>
internal static class FreePort
{
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                int port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
