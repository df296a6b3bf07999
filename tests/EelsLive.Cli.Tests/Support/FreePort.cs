using System.Net;
using System.Net.Sockets;

namespace EelsLive.Cli.Tests.Support;

/// <summary>
/// Finds a free loopback TCP endpoint, never the same port twice in a test run: the OS may hand a just-released
/// port out again, and a test that binds two endpoints must get two different ones.
/// </summary>
internal static class FreePort
{
    private static readonly HashSet<int> Given = [];

    public static string Endpoint()
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
                    return $"tcp://127.0.0.1:{port}";
                }
            }
        }
    }
}
