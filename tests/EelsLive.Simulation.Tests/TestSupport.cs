using System.Net;
using System.Net.Sockets;
using EelsLive.Protocol;
using EelsLive.Simulation;
using NetMQ;
using NetMQ.Sockets;

namespace EelsLive.Simulation.Tests;

/// <summary>Helpers shared by the tests: free ports, a loopback subscriber, and an independent window integral.</summary>
internal static class TestSupport
{
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A SUB socket subscribed to every protocol topic and connected to <paramref name="endpoint"/>.</summary>
    public static SubscriberSocket Subscribe(string endpoint)
    {
        var sub = new SubscriberSocket();
        sub.Options.ReceiveHighWatermark = 100_000;
        sub.Subscribe(WireTopics.Prefix);
        sub.Connect(endpoint);
        return sub;
    }

    /// <summary>Receives raw multipart messages until an <c>eels.end</c> arrives or nothing comes for <paramref name="idle"/>.</summary>
    public static List<List<byte[]>> ReceiveUntilEnd(SubscriberSocket sub, TimeSpan idle, int maxMessages = 1_000_000)
    {
        var received = new List<List<byte[]>>();
        while (received.Count < maxMessages)
        {
            var frames = new List<byte[]>();
            if (!sub.TryReceiveMultipartBytes(idle, ref frames))
            {
                break;
            }

            received.Add(frames);
            if (System.Text.Encoding.UTF8.GetString(frames[0]) == WireTopics.End)
            {
                break;
            }
        }

        return received;
    }

    /// <summary>Decodes raw messages, failing on any rejection.</summary>
    public static List<WireMessage> Decode(IEnumerable<List<byte[]>> raw)
    {
        var decoder = new WireDecoder();
        var messages = new List<WireMessage>();
        foreach (var frames in raw)
        {
            var result = decoder.Decode(frames.Select(f => (ReadOnlyMemory<byte>)f).ToList());
            Assert.True(result.IsAccepted, result.Rejection?.ToString());
            messages.Add(result.Message);
        }

        return messages;
    }

    /// <summary>
    /// The fractional-overlap sum over [lo, hi) written independently of the library: channel i spans
    /// [offset + (i − ½)d, offset + (i + ½)d).
    /// </summary>
    public static double WindowSum(ReadOnlySpan<double> counts, double offsetEv, double dispersionEv, double loEv, double hiEv)
    {
        double sum = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            double a = offsetEv + (i - 0.5) * dispersionEv;
            double b = a + dispersionEv;
            double overlap = Math.Min(b, hiEv) - Math.Max(a, loEv);
            if (overlap > 0)
            {
                sum += counts[i] * overlap / dispersionEv;
            }
        }

        return sum;
    }

    public static double Total(ReadOnlySpan<double> counts)
    {
        double sum = 0;
        foreach (double c in counts)
        {
            sum += c;
        }

        return sum;
    }

    /// <summary>The scenario's frames as (conditions, counts), all sent, with a fixed start time.</summary>
    public static List<(FrameConditions Conditions, FrameMessage Message)> Generate(SimulationScenario scenario, long frames)
    {
        var series = new SimulatedSeries(scenario, new SeriesOptions { Frames = frames, StartUnixS = 1_700_000_000 });
        return series.Frames(1_700_000_000).Select(f => (f.Conditions, f.Message!)).ToList();
    }
}
