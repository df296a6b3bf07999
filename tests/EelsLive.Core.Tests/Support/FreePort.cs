using System.Net;
using System.Net.Sockets;

namespace EelsLive.TestSupport;

/// <summary>
/// Finds a free loopback TCP port, never the same one twice in a test run: the OS may hand a just-released port out
/// again, and a test that binds two endpoints must get two different ones. Shared by the test projects (linked file).
/// </summary>
internal static class FreePort
{
    private static readonly HashSet<int> Given = [];

    /// <summary>A free port number.</summary>
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

    /// <summary>A free endpoint, <c>tcp://127.0.0.1:PORT</c>.</summary>
    public static string Endpoint() => $"tcp://127.0.0.1:{Next()}";
}
