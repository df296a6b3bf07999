using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using EelsLive.Protocol.Tests.Golden;
using EelsLive.Protocol.Tests.Support;
using NetMQ;
using NetMQ.Sockets;

namespace EelsLive.Protocol.Tests.Interop;

/// <summary>
/// The Python reference publisher (protocols/python/example_publish.py) → real loopback TCP → NetMQ SUB →
/// <see cref="WireDecoder"/>: the C# side must receive exactly what Python says it sent.
/// </summary>
public sealed class LoopbackInteropTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly string _tmp = Directory.CreateTempSubdirectory("eelslive-interop-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_tmp, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public async Task PythonPublisherToNetMqSubscriber_ReceivesExactlyWhatWasSent()
    {
        Python.RequireModules();
        int port = FreeTcpPort();
        string endpoint = $"tcp://127.0.0.1:{port}";
        string sentJson = Path.Combine(_tmp, "sent.json");
        const int Frames = 30;
        const int GapAt = 7;

        var received = new List<WireMessage>();
        var rejections = new List<string>();
        using var sub = new SubscriberSocket();
        sub.Options.ReceiveHighWatermark = 100_000;
        sub.Connect(endpoint); // before Python binds: ZeroMQ retries until the PUB is there, and the
                               // publisher (an XPUB with --wait-subscriber) sends nothing until this SUB has subscribed
        sub.Subscribe(WireTopics.Prefix);

        using var python = Python.Start(
            Path.Combine(Repo.PythonDir, "example_publish.py"),
            "--bind", endpoint, "--frames", $"{Frames}", "--rate", "200", "--seed", "42", "--channels", "256",
            "--mix", "--gap-at", $"{GapAt}", "--warmup", "0", "--wait-subscriber", "15", "--series-id", "interop-series", "--sent-json", sentJson);
        var stdout = python.StandardOutput.ReadToEndAsync();
        var stderr = python.StandardError.ReadToEndAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            var decoder = new WireDecoder();
            var message = new NetMQMessage();
            bool ended = false;
            while (!ended && clock.Elapsed < Deadline)
            {
                if (!sub.TryReceiveMultipartMessage(TimeSpan.FromMilliseconds(100), ref message))
                {
                    // Keep waiting even after Python has exited: on a busy machine its last messages may still be in
                    // flight (TCP buffers, NetMQ's I/O thread) when the process is already gone.
                    continue;
                }

                var frames = message.Select(f => (ReadOnlyMemory<byte>)f.ToByteArray()).ToList();
                var result = decoder.Decode(frames);
                if (result.IsAccepted)
                {
                    received.Add(result.Message);
                    ended = result.Message is EndMessage;
                }
                else
                {
                    rejections.Add(result.Rejection.ToString());
                }
            }

            Assert.True(python.WaitForExit(Deadline - clock.Elapsed > TimeSpan.FromSeconds(2) ? Deadline - clock.Elapsed : TimeSpan.FromSeconds(2)),
                "example_publish.py did not exit in time");
            python.WaitForExit();
            string diagnostics = $"\npython exit {python.ExitCode}\nstdout: {await stdout}\nstderr: {await stderr}";
            Assert.True(python.ExitCode == 0, $"example_publish.py failed{diagnostics}");
            Assert.True(rejections.Count == 0, $"the C# decoder rejected: {string.Join("; ", rejections)}{diagnostics}");
            Assert.True(ended, $"no eels.end within {Deadline.TotalSeconds} s; received {received.Count} messages{diagnostics}");

            AssertSameAsSent(sentJson, received, Frames, GapAt);
        }
        finally
        {
            Python.Kill(python);
        }
    }

    private static void AssertSameAsSent(string sentJson, List<WireMessage> received, int frames, int gapAt)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(sentJson));
        var sent = doc.RootElement.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(frames + 2, sent.Count);
        Assert.Equal(sent.Count, received.Count);

        for (int i = 0; i < sent.Count; i++)
        {
            var topic = sent[i].GetProperty("topic").GetString();
            var payload = sent[i].GetProperty("payload");
            var message = received[i];
            Assert.Equal(topic, message.Topic);
            Assert.Equal(payload.GetProperty("series_id").GetString(), message.SeriesId);
            switch (message)
            {
                case StartMessage s: GoldenVectorTests.AssertStart(payload, s); break;
                case FrameMessage f: GoldenVectorTests.AssertFrame(payload, f); break;
                case EndMessage e: GoldenVectorTests.AssertEnd(payload, e); break;
            }
        }

        // The gap is on the wire as a seq jump of 2; the publisher's encodings and dose keys all arrived.
        var seqs = received.OfType<FrameMessage>().Select(f => f.Seq).ToList();
        Assert.Equal(Enumerable.Range(0, frames + 1).Where(s => s != gapAt).Select(s => (long)s), seqs);
        var kinds = received.OfType<FrameMessage>().Select(f => f.Counts.IsBinary ? f.Counts.Dtype.WireName() : "array").ToHashSet();
        Assert.Equal(["array", "f32", "f64", "u16", "u32"], kinds.Order(StringComparer.Ordinal));
        Assert.Contains(received.OfType<FrameMessage>(), f => f.CumulativeDoseEA2 is not null);
        Assert.Contains(received.OfType<FrameMessage>(), f => f.BeamCurrentPa is not null && f.IlluminatedAreaA2 is not null && f.DoseEA2 is null);
        Assert.Equal(frames + 1, ((EndMessage)received[^1]).Frames);
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
