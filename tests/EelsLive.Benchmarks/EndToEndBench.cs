using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Pipeline;
using EelsLive.Protocol;
using EelsLive.Simulation;
using EelsLive.Transport;
using NetMQ;
using NetMQ.Sockets;

namespace EelsLive.Benchmarks;

/// <summary>
/// End-to-end throughput and latency over real loopback TCP: simulated frames published by ZeroMQ PUB, received by
/// the monitor's SUB source and processed by its engine, in one process so both ends share one clock.
/// </summary>
internal static class EndToEndBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        int frames = Arg(args, "--frames", 200_000);
        string model = ArgText(args, "--model", "none");
        ModelKind? kind = model == "none" ? null : Enum.Parse<ModelKind>(model, ignoreCase: true);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; model: {model}");

        var throughput = await SimulatorThroughputAsync(frames, kind);
        Console.WriteLine(throughput);
        foreach (double rate in new[] { 0.0, 1_000.0 })
        {
            Console.WriteLine(await LatencyAsync(rate == 0 ? frames : 5_000, rate, kind));
        }

        NetMQConfig.Cleanup(block: false);
        return 0;
    }

    /// <summary>The simulator's own publisher at --rate 0 (it generates every spectrum as it goes) into the monitor.</summary>
    private static async Task<string> SimulatorThroughputAsync(int frames, ModelKind? kind)
    {
        string endpoint = Endpoint();
        var scenario = new SimulationScenario(SimulationPresets.Mil101Fe, 1);
        var series = new SimulatedSeries(scenario, new SeriesOptions { Frames = frames, SeriesId = "e2e" });
        var (source, engine) = Monitor(endpoint, kind);
        using var meter = new FrameMeter(source, engine);

        using var publisher = new SimulatorPublisher(new PublisherOptions { Endpoint = endpoint });
        source.Start();
        var result = await publisher.PublishAsync(series, 0);
        var finished = await Task.WhenAny(meter.Ended, Task.Delay(TimeSpan.FromMinutes(3)));
        long received = meter.Received;
        long socketMessages = source.Received;
        double seconds = meter.Span.TotalSeconds;
        string probe = "";
        if (finished != meter.Ended)
        {
            // Where is the tail? Publish a short second series: if the missing messages arrive with it, they were stuck
            // on the publishing side; if nothing arrives, the receiving side has stopped reading.
            var second = new SimulatedSeries(scenario, new SeriesOptions { Frames = 10, SeriesId = "e2e-probe" });
            await publisher.PublishAsync(second, 0);
            await Task.Delay(TimeSpan.FromSeconds(5));
            probe = string.Create(CultureInfo.InvariantCulture, $"; after a 12-message probe series the socket received {source.Received - socketMessages} more messages");
        }

        source.Stop();
        return string.Create(CultureInfo.InvariantCulture,
            $"simulator --rate 0 → monitor: sent {result.FramesSent}, received {received}, lost {meter.Lost}, socket messages {socketMessages}, queue-dropped {source.QueueDropped}, end {(finished == meter.Ended ? "received" : "MISSING")}; sustained {received / seconds:F0} frames/s (publisher generated and sent at {result.FramesPerSecond:F0} frames/s){probe}");
    }

    /// <summary>Pre-generated simulator frames sent at <paramref name="rate"/> Hz (0 = as fast as possible), each stamped just before sending.</summary>
    private static async Task<string> LatencyAsync(int frames, double rate, ModelKind? kind)
    {
        string endpoint = Endpoint();
        var scenario = new SimulationScenario(SimulationPresets.Mil101Fe, 2);
        var payloads = new SimulatedSeries(scenario, new SeriesOptions { Frames = frames, SeriesId = "lat" })
            .Frames(1.7e9).Where(f => f.Message is not null).Select(f => WireEncoder.Encode(f.Message!)).ToArray();
        var sentAt = new long[payloads.Length];
        var resultAt = new long[payloads.Length];
        var (source, engine) = Monitor(endpoint, kind);
        long received = 0;
        var done = new TaskCompletionSource();
        using var subscription = source.Messages.Subscribe(m =>
        {
            foreach (var e in engine.Process(m.Message, m.MoreFramesQueued))
            {
                if (e is FrameReported f)
                {
                    resultAt[f.Report.Seq] = Stopwatch.GetTimestamp();
                    if (++received == payloads.Length) done.TrySetResult();
                }
            }
        });

        source.Start();
        using (var publisher = new XPublisherSocket())
        {
            publisher.Options.SendHighWatermark = 1_000_000;
            publisher.Bind(endpoint);
            publisher.ReceiveFrameBytes(); // wait for the subscription (slow joiner)
            await Task.Delay(100);
            long interval = rate > 0 ? (long)(Stopwatch.Frequency / rate) : 0;
            long next = Stopwatch.GetTimestamp();
            for (int i = 0; i < payloads.Length; i++)
            {
                if (interval > 0)
                {
                    while (Stopwatch.GetTimestamp() < next) Thread.SpinWait(20);
                    next += interval;
                }

                sentAt[i] = Stopwatch.GetTimestamp();
                publisher.SendMoreFrame(WireTopics.Frame).SendFrame(payloads[i]);
            }

            await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        }

        source.Stop();
        var latencies = Enumerable.Range(0, payloads.Length).Where(i => resultAt[i] != 0)
            .Select(i => Stopwatch.GetElapsedTime(sentAt[i], resultAt[i]).TotalMilliseconds).Order().ToArray();
        double P(double q) => latencies.Length == 0 ? double.NaN : latencies[(int)Math.Min(latencies.Length - 1, q * latencies.Length)];
        double seconds = Stopwatch.GetElapsedTime(sentAt[0], sentAt[^1]).TotalSeconds;
        var finished = resultAt.Where(t => t != 0).ToArray();
        double processing = finished.Length > 1 ? Stopwatch.GetElapsedTime(finished.Min(), finished.Max()).TotalSeconds : double.NaN;
        return string.Create(CultureInfo.InvariantCulture,
            $"publish → result at {(rate == 0 ? "max rate" : $"{rate:F0} Hz")}: {received}/{payloads.Length} received ({payloads.Length / seconds:F0} frames/s sent, {finished.Length / processing:F0} frames/s processed); latency p50 {P(0.50):F3} ms, p99 {P(0.99):F3} ms, max {latencies.LastOrDefault():F3} ms");
    }

    private static (ZmqSubscriberSource, MonitorEngine) Monitor(string endpoint, ModelKind? kind) =>
        (new ZmqSubscriberSource(new SubscriberOptions { Endpoint = endpoint }),
         new MonitorEngine(new MonitorOptions { Model = kind, Pipeline = new PipelineOptions() }));

    /// <summary>A free loopback TCP endpoint.</summary>
    internal static string Endpoint()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    /// <summary>The integer after <paramref name="name"/> in <paramref name="args"/>, or <paramref name="fallback"/>.</summary>
    internal static int Arg(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string ArgText(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
