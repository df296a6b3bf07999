using EelsLive.Protocol;
using EelsLive.Protocol.Recording;

namespace EelsLive.Simulation.Tests;

public class PublisherLoopbackTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    private static SimulatedSeries Series(long frames, string id = "loop") => new(
        new SimulationScenario(SimulationPresets.Mil101Fe, 3),
        new SeriesOptions { Frames = frames, SeriesId = id });

    [Fact]
    public async Task Subscriber_started_first_receives_start_every_frame_from_seq_0_and_end()
    {
        string endpoint = $"tcp://127.0.0.1:{TestSupport.FreePort()}";
        using var sub = TestSupport.Subscribe(endpoint);
        using var publisher = new SimulatorPublisher(new PublisherOptions { Endpoint = endpoint });
        var series = Series(300);
        var publishing = publisher.PublishAsync(series, rateHz: 0);
        var messages = TestSupport.Decode(TestSupport.ReceiveUntilEnd(sub, Idle));
        var result = await publishing;

        Assert.True(result.SubscriberSeen);
        Assert.Equal(EndReason.Completed, result.Reason);
        Assert.Equal(300, result.FramesSent);
        var start = Assert.IsType<StartMessage>(messages[0]);
        Assert.Equal("loop", start.SeriesId);
        Assert.Equal(300, start.BeamEnergyKv);
        var frames = messages.OfType<FrameMessage>().ToList();
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), frames.Select(f => f.Seq));
        Assert.Equal(2048, frames[0].Counts.Length);
        var end = Assert.IsType<EndMessage>(messages[^1]);
        Assert.Equal(EndReason.Completed, end.Reason);
        Assert.Equal(300, end.Frames);
    }

    [Fact]
    public async Task Publisher_with_a_free_port_paces_frames_at_the_requested_rate()
    {
        using var publisher = new SimulatorPublisher(new PublisherOptions { Endpoint = "tcp://127.0.0.1:0" });
        Assert.Matches(@"^tcp://127\.0\.0\.1:\d+$", publisher.Endpoint);
        Assert.DoesNotMatch(@":0$", publisher.Endpoint);
        using var sub = TestSupport.Subscribe(publisher.Endpoint);
        var publishing = publisher.PublishAsync(Series(25), rateHz: 100);
        var messages = TestSupport.ReceiveUntilEnd(sub, Idle);
        var result = await publishing;

        Assert.Equal(27, messages.Count);
        // 25 frames at 100 Hz: the last is due 0.24 s after the first.
        Assert.True(result.Elapsed >= TimeSpan.FromSeconds(0.23), $"took {result.Elapsed}");
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Cancellation_ends_the_series_as_aborted()
    {
        using var publisher = new SimulatorPublisher(new PublisherOptions { Endpoint = "tcp://127.0.0.1:0" });
        using var sub = TestSupport.Subscribe(publisher.Endpoint);
        using var cancel = new CancellationTokenSource();
        var publishing = publisher.PublishAsync(Series(100_000), rateHz: 200, cancel.Token);
        var raw = TestSupport.ReceiveUntilEnd(sub, Idle, maxMessages: 6);
        cancel.Cancel();
        raw.AddRange(TestSupport.ReceiveUntilEnd(sub, Idle));
        var result = await publishing;

        var messages = TestSupport.Decode(raw);
        var end = Assert.IsType<EndMessage>(messages[^1]);
        Assert.Equal(EndReason.Aborted, end.Reason);
        Assert.Equal(EndReason.Aborted, result.Reason);
        Assert.InRange(end.Frames, 5, 99_999);
        Assert.Equal(result.FramesProduced, end.Frames);
    }

    [Fact]
    public async Task Without_a_subscriber_the_warm_up_times_out_and_publishing_goes_ahead()
    {
        using var publisher = new SimulatorPublisher(new PublisherOptions { Endpoint = "tcp://127.0.0.1:0", WarmupTimeout = TimeSpan.FromMilliseconds(150) });
        var started = DateTime.UtcNow;
        var result = await publisher.PublishAsync(Series(3), rateHz: 0);
        Assert.False(result.SubscriberSeen);
        Assert.Equal(3, result.FramesSent);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(140));
    }

    [Fact]
    public async Task Replay_republishes_recorded_frames_byte_for_byte_with_scaled_pacing()
    {
        var recorded = RecordedSession();
        using var publisher = new SimulatorPublisher(new PublisherOptions { Endpoint = "tcp://127.0.0.1:0" });
        using var sub = TestSupport.Subscribe(publisher.Endpoint);
        var started = DateTime.UtcNow;
        var replaying = publisher.ReplayAsync(recorded, speed: 4);
        var received = TestSupport.ReceiveUntilEnd(sub, Idle);
        var result = await replaying;

        Assert.Equal(recorded.Count, result.MessagesSent);
        Assert.Equal(recorded.Count, received.Count);
        for (int i = 0; i < recorded.Count; i++)
        {
            Assert.Equal(recorded[i].Frames.Count, received[i].Count);
            for (int k = 0; k < received[i].Count; k++)
            {
                Assert.Equal(recorded[i].Frames[k], received[i][k]);
            }
        }

        // Recorded span 0.4 s at speed 4 → at least 0.1 s.
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(95));
    }

    /// <summary>A start, 20 frames, an invalid message (wrong topic, three frames) and an end, 20 ms apart.</summary>
    internal static List<RecordedMessage> RecordedSession()
    {
        var series = Series(20, "recorded");
        var messages = new List<RecordedMessage>();
        double t = 1_700_000_000;
        void Add(params byte[][] frames)
        {
            messages.Add(new RecordedMessage(t, frames));
            t += 0.02;
        }

        Add(System.Text.Encoding.UTF8.GetBytes(WireTopics.Start), WireEncoder.Encode(series.CreateStart(0)));
        foreach (var frame in series.Frames(0))
        {
            Add(System.Text.Encoding.UTF8.GetBytes(WireTopics.Frame), WireEncoder.Encode(frame.Message!));
        }

        Add("eels.bogus"u8.ToArray(), [0xC1], [1, 2, 3]);
        Add(System.Text.Encoding.UTF8.GetBytes(WireTopics.End), WireEncoder.Encode(series.CreateEnd(0, 20, EndReason.Completed)));
        return messages;
    }
}
