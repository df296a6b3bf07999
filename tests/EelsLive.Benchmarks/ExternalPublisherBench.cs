using System.Diagnostics;
using System.Globalization;
using EelsLive.Engine;
using EelsLive.Pipeline;
using EelsLive.Protocol;
using EelsLive.Protocol.Recording;
using EelsLive.Simulation;
using EelsLive.Transport;
using NetMQ;

namespace EelsLive.Benchmarks;

/// <summary>
/// End-to-end throughput with the publisher in its own process, as on a microscope: a session file of simulated
/// frames is republished by <c>eelslive-sim replay</c> (a separate .NET process) over loopback TCP into the monitor's
/// SUB source and engine (no model), after the monitor's code has been warmed up as in a long-running monitor.
/// </summary>
internal static class ExternalPublisherBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        int frames = EndToEndBench.Arg(args, "--frames", 200_000);
        string replay = ReplayTool();
        string file = Path.Combine(Path.GetTempPath(), $"eelslive-bench-{Environment.ProcessId}.eelsrec");
        try
        {
            var payloads = Payloads(frames);
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {frames} frames of 2048 channels; publisher: {replay}");
            foreach (double rate in new[] { 0.0, 50_000.0, 40_000.0 })
            {
                Write(file, payloads, rate);
                Console.WriteLine(await MeasureAsync(replay, file, frames, rate, payloads));
            }
        }
        finally
        {
            File.Delete(file);
        }

        NetMQConfig.Cleanup(block: false);
        return 0;
    }

    /// <summary>Start, frames and end of one simulated MIL-101(Fe) series, encoded once.</summary>
    private static List<byte[][]> Payloads(int frames)
    {
        var series = new SimulatedSeries(new SimulationScenario(SimulationPresets.Mil101Fe, 3), new SeriesOptions { Frames = frames, SeriesId = "external" });
        var all = new List<byte[][]> { new[] { Topic(WireTopics.Start), WireEncoder.Encode(series.CreateStart(1.7e9)) } };
        long produced = 0;
        foreach (var frame in series.Frames(1.7e9))
        {
            produced++;
            if (frame.Message is { } message)
            {
                all.Add([Topic(WireTopics.Frame), WireEncoder.Encode(message)]);
            }
        }

        all.Add([Topic(WireTopics.End), WireEncoder.Encode(series.CreateEnd(1.7e9, produced, EndReason.Completed))]);
        return all;
    }

    /// <summary>Writes the messages with receive times 1/rate apart, so that <c>replay --speed 1</c> paces them at that rate.</summary>
    private static void Write(string file, List<byte[][]> messages, double rate)
    {
        File.Delete(file);
        using var writer = new SessionFileWriter(file);
        for (int i = 0; i < messages.Count; i++)
        {
            writer.Append(1.7e9 + (rate > 0 ? i / rate : 0), messages[i]);
        }
    }

    private static async Task<string> MeasureAsync(string replay, string file, int frames, double rate, List<byte[][]> messages)
    {
        string endpoint = EndToEndBench.Endpoint();
        var engine = new MonitorEngine(new MonitorOptions { Model = null, Pipeline = new PipelineOptions() });
        Warm(messages);
        using var source = new ZmqSubscriberSource(new SubscriberOptions { Endpoint = endpoint });
        using var meter = new FrameMeter(source, engine);
        source.Start();

        var start = new ProcessStartInfo("dotnet");
        foreach (var a in new[] { replay, "replay", file, "--bind", endpoint, "--speed", rate > 0 ? "1" : "0" })
        {
            start.ArgumentList.Add(a);
        }

        using var publisher = Process.Start(start) ?? throw new InvalidOperationException("could not start eelslive-sim");
        var finished = await Task.WhenAny(meter.Ended, Task.Delay(TimeSpan.FromMinutes(3)));
        await publisher.WaitForExitAsync();
        source.Stop();
        double seconds = meter.Span.TotalSeconds;
        string pace = rate > 0 ? $"paced at {rate:F0} frames/s" : "as fast as the replay sends";
        return string.Create(CultureInfo.InvariantCulture,
            $"replay {pace}: received {meter.Received} of {frames} frames, lost {meter.Lost}, end {(finished == meter.Ended ? "received" : "MISSING")}; monitor sustained {meter.Received / seconds:F0} frames/s over {seconds:F2} s");
    }

    /// <summary>Runs one copy of the messages through a throwaway engine so the monitor's code is compiled and tiered up.</summary>
    private static void Warm(List<byte[][]> messages)
    {
        var engine = new MonitorEngine(new MonitorOptions { Model = null, Pipeline = new PipelineOptions() });
        foreach (var message in messages.Take(60_000))
        {
            foreach (var _ in engine.Process(new RecordedMessage(0, message)))
            {
            }
        }
    }

    private static string ReplayTool()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EelsLive.sln")))
        {
            directory = directory.Parent;
        }

        string dll = Path.Combine(directory?.FullName ?? ".", "simulator", "EelsLive.Simulator", "bin", "Release", "net10.0", "eelslive-sim.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build the simulator first: dotnet build simulator/EelsLive.Simulator -c Release (looked for {dll})");
    }

    private static byte[] Topic(string topic) => System.Text.Encoding.UTF8.GetBytes(topic);
}
