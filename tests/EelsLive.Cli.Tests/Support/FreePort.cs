using System.Net;
using System.Net.Sockets;

namespace EelsLive.Cli.Tests.Support;

/// <summary>Finds a free loopback TCP endpoint.</summary>
internal static class FreePort
{
    public static string Endpoint()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }
}
