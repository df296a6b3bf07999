using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NetMQ;
using NetMQ.Sockets;

namespace EelsLive.Benchmarks;

/// <summary>
/// The bare transport ceiling: NetMQ PUB → SUB over loopback TCP in one process with 2048-channel-sized payloads and no
/// processing at all, to put the end-to-end figures in context.
/// </summary>
internal static class TransportBench
{
    public static int Run(string[] args)
    {
        int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var payload = new byte[8_300]; // a 2048-channel f32 frame with its keys
        string endpoint;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            endpoint = $"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        }

        long received = 0, first = 0, last = 0;
        var receiver = new Thread(() =>
        {
            using var sub = new SubscriberSocket();
            sub.Options.ReceiveHighWatermark = 1_000_000;
            sub.Connect(endpoint);
            sub.Subscribe("eels.");
            while (received < count && sub.TryReceiveFrameBytes(TimeSpan.FromSeconds(5), out _, out bool more))
            {
                while (more)
                {
                    sub.ReceiveFrameBytes(out more);
                }

                if (received++ == 0) first = Stopwatch.GetTimestamp();
                last = Stopwatch.GetTimestamp();
            }
        });
        receiver.Start();
        double sendRate;
        using (var pub = new XPublisherSocket())
        {
            pub.Options.SendHighWatermark = 1_000_000;
            pub.Bind(endpoint);
            pub.ReceiveFrameBytes();
            Thread.Sleep(100);
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < count; i++)
            {
                pub.SendMoreFrame("eels.frame").SendFrame(payload);
            }

            sendRate = count / clock.Elapsed.TotalSeconds;
            receiver.Join();
        }

        NetMQConfig.Cleanup(block: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bare NetMQ PUB → SUB, {payload.Length}-byte payloads: sent {count} at {sendRate:F0}/s, received {received} at {received / Stopwatch.GetElapsedTime(first, last).TotalSeconds:F0}/s"));
        return 0;
    }
}
