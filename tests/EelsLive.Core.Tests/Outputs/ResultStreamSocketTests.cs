using EelsLive.TestSupport;
using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using System.Text;
using EelsLive.Alarms;
using EelsLive.Core.Tests.Support;
using EelsLive.Engine;
using EelsLive.Outputs;
using EelsLive.Transport;
using NetMQ;
using NetMQ.Sockets;

namespace EelsLive.Core.Tests.Outputs;

/// <summary>A NetMQ SUB receives the result stream of a live monitor over a real loopback socket.</summary>
public class ResultStreamSocketTests
{
    private static readonly string[] AlarmExtraKeys = ["budget_alert", "budget_seconds_left", "forecast"];

    internal static SubscriberSocket Subscribe(string endpoint)
    {
        var subscriber = new SubscriberSocket();
        subscriber.Options.Linger = TimeSpan.Zero;
        subscriber.Options.ReceiveHighWatermark = 100_000;
        subscriber.Connect(endpoint);
        subscriber.Subscribe(ResultStreamTopics.Prefix);
        return subscriber;
    }

    internal static bool TryReceive(SubscriberSocket subscriber, TimeSpan timeout, out string topic, out Dictionary<object, object?> payload)
    {
        payload = [];
        if (!subscriber.TryReceiveFrameBytes(timeout, out var topicBytes, out bool more))
        {
            topic = string.Empty;
            return false;
        }

        topic = Encoding.UTF8.GetString(topicBytes);
        Assert.True(more, "a result-stream message has two frames");
        payload = ResultStreamEncoderTests.Decode(subscriber.ReceiveFrameBytes(out more));
        Assert.False(more, "a result-stream message has exactly two frames");
        return true;
    }

    [Fact]
    public async Task A_subscriber_receives_the_results_and_every_alarm_of_a_live_monitor_run_in_order()
    {
        string endpoint = $"tcp://127.0.0.1:{FreePort.Next()}";
        var source = new Subject<IncomingMessage>();
        var engine = new MonitorEngine(new MonitorOptions { Model = null, Alarms = new AlarmOptions { BudgetDoseEA2 = 10 } });
        var monitor = new LiveMonitor(source, engine, TaskPoolScheduler.Default);
        var alarms = new List<AlarmChanged>();
        FrameReport? last = null;
        using var watch = monitor.Events.Subscribe(e =>
        {
            if (e is AlarmChanged a && a.Report.SeriesId == "s1") alarms.Add(a);
            if (e is FrameReported f) last = f.Report;
        });
        using var subscriber = Subscribe(endpoint);
        using var publisher = new ResultStreamPublisher(new ResultStreamOptions { Endpoint = endpoint });
        publisher.Start();
        using var attached = publisher.Attach(monitor.Events);
        var run = monitor.RunAsync(new RunSettings());

        // Slow joiner: feed a warm-up series with a negligible dose until the subscriber hears its first result.
        bool heard = false;
        for (int warm = 0; warm < 300 && !heard; warm++)
        {
            source.OnNext(new IncomingMessage(TestFrames.Wire(TestFrames.Frame(warm, series: "warm-up", dose: 1e-6)), false));
            heard = TryReceive(subscriber, TimeSpan.FromMilliseconds(50), out _, out _);
        }

        Assert.True(heard, "the subscriber never received a result");

        // 12 frames of 1 e/Å² against a 10 e/Å² budget: the 80% alert at seq 7, the 100% alert at seq 9.
        for (int i = 0; i < 12; i++)
        {
            source.OnNext(new IncomingMessage(TestFrames.Wire(TestFrames.Frame(i, series: "s1", dose: 1)), false));
        }

        source.OnCompleted();
        Assert.Equal(RunOutcome.SourceCompleted, await run.WaitAsync(TimeSpan.FromSeconds(10)));

        var received = new List<(string Topic, Dictionary<object, object?> Payload)>();
        while (!received.Any(m => m.Topic == ResultStreamTopics.Result && (string)m.Payload["series_id"]! == "s1" && Convert.ToInt64(m.Payload["seq"]) == 11))
        {
            Assert.True(TryReceive(subscriber, TimeSpan.FromSeconds(10), out string topic, out var payload), "the trailing result of seq 11 never arrived");
            if ((string)payload["series_id"]! == "s1")
            {
                received.Add((topic, payload));
            }
        }

        var alarmMessages = received.Where(m => m.Topic == ResultStreamTopics.Alarm).ToList();
        Assert.Equal(2, alarms.Count);
        Assert.Equal(alarms.Count, alarmMessages.Count);
        for (int k = 0; k < alarms.Count; k++)
        {
            ResultStreamEncoderTests.AssertSameAsJsonLines(alarms[k].Report, alarmMessages[k].Payload, AlarmExtraKeys);
        }

        Assert.Equal([7L, 9L], alarmMessages.Select(m => Convert.ToInt64(m.Payload["seq"])));
        Assert.Equal(["80%", "100%"], alarmMessages.Select(m => (string)m.Payload["budget_alert"]!));
        Assert.Equal(8.0, alarmMessages[0].Payload["dose_e_a2"]);

        var results = received.Where(m => m.Topic == ResultStreamTopics.Result).ToList();
        ResultStreamEncoderTests.AssertSameAsJsonLines(last!, results[^1].Payload);
        Assert.Equal(12.0, results[^1].Payload["dose_e_a2"]);

        // Alarms are never throttled behind results: no result of a later frame arrives before an alarm.
        foreach (var alarm in alarmMessages)
        {
            long alarmSeq = Convert.ToInt64(alarm.Payload["seq"]);
            int alarmIndex = received.IndexOf(alarm);
            Assert.DoesNotContain(received.Take(alarmIndex), m => m.Topic == ResultStreamTopics.Result && Convert.ToInt64(m.Payload["seq"]) > alarmSeq);
        }

        Assert.Equal(0, publisher.SendFailures);
        Assert.Equal(0, publisher.Dropped);
    }

    [Fact]
    public async Task A_busy_endpoint_fails_start_clearly_and_disposal_frees_the_port()
    {
        string endpoint = $"tcp://127.0.0.1:{FreePort.Next()}";
        var first = new ResultStreamPublisher(new ResultStreamOptions { Endpoint = endpoint });
        first.Start();
        Assert.Equal(endpoint, first.BoundEndpoint);
        using (var second = new ResultStreamPublisher(new ResultStreamOptions { Endpoint = endpoint }))
        {
            var error = Assert.Throws<InvalidOperationException>(second.Start);
            Assert.Contains(endpoint, error.Message);
            Assert.Contains("the address is already in use", error.Message, StringComparison.Ordinal); // in words, not NetMQ's exception type
            Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
        }

        first.Dispose();
        first.Enqueue(ResultStreamMessage.Result(ResultStreamEncoderTests.EdgeCaseReport()));
        Assert.Equal(1, first.Dropped); // after disposal a message is counted, not thrown

        // The socket closes asynchronously in NetMQ's background thread: allow it a moment to release the port.
        ResultStreamPublisher? third = null;
        for (int attempt = 0; third is null; attempt++)
        {
            var candidate = new ResultStreamPublisher(new ResultStreamOptions { Endpoint = endpoint });
            try
            {
                candidate.Start();
                third = candidate;
            }
            catch (InvalidOperationException) when (attempt < 40)
            {
                candidate.Dispose();
                await Task.Delay(50);
            }
        }

        using (third)
        {
            Assert.Equal(endpoint, third.BoundEndpoint);
        }
    }

    [Fact]
    public void A_wildcard_port_is_resolved_in_the_bound_endpoint()
    {
        using var publisher = new ResultStreamPublisher(new ResultStreamOptions { Endpoint = "tcp://127.0.0.1:*" });
        Assert.Null(publisher.BoundEndpoint);
        publisher.Start();
        Assert.Matches(@"^tcp://127\.0\.0\.1:[0-9]+$", publisher.BoundEndpoint);
    }
}
