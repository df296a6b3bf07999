using System.Diagnostics;
using System.Net;
using System.Reactive.Subjects;
using System.Text.Json;
using EelsLive.Engine;
using EelsLive.Pipeline;
using EelsLive.Web.Tests.Support;

namespace EelsLive.Web.Tests;

[Collection(KestrelCollection.Name)]
public sealed class DashboardServerTests
{
    [Fact]
    public async Task Binds_loopback_on_a_free_port_and_serves_the_page_library_and_state()
    {
        var events = new Subject<PipelineEvent>();
        await using var server = await DashboardServer.StartAsync(new DashboardOptions(), events);
        Assert.Equal("127.0.0.1", server.Address.Host);
        Assert.NotEqual(0, server.Address.Port);

        foreach (var e in EngineEvents.Frames(EngineEvents.Engine(model: null), 0, 12))
        {
            events.OnNext(e);
        }

        using var http = new HttpClient { BaseAddress = server.Address };
        string page = await http.GetStringAsync("/");
        Assert.Contains("alarm-banner", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);

        using var library = await http.GetAsync("/lib/uPlot.iife.min.js");
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
        Assert.Equal("text/javascript", library.Content.Headers.ContentType?.MediaType);
        Assert.True((await library.Content.ReadAsByteArrayAsync()).Length > 20_000);

        using var state = JsonDocument.Parse(await http.GetStringAsync("/api/state"));
        Assert.Equal(12, state.RootElement.GetProperty("frames").GetInt64());
        Assert.Equal(11, state.RootElement.GetProperty("latest").GetProperty("seq").GetInt64());

        using var missing = await http.GetAsync("/no-such-file.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_port_in_use_is_a_clear_IOException()
    {
        await using var first = await DashboardServer.StartAsync(new DashboardOptions(), new Subject<PipelineEvent>());
        var ex = await Assert.ThrowsAsync<IOException>(() =>
            DashboardServer.StartAsync(new DashboardOptions { Port = first.Address.Port }, new Subject<PipelineEvent>()));
        Assert.Contains(first.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_events_stay_at_or_below_10_Hz_under_a_1000_frames_per_second_feed_while_alarms_arrive_at_once()
    {
        var events = new Subject<PipelineEvent>();
        await using var server = await DashboardServer.StartAsync(new DashboardOptions(), events);
        await using var reader = new SseReader(server.Address);
        await reader.NextAsync(e => e.Type == DashboardEventNames.State, TimeSpan.FromSeconds(10));

        // 2,000 real frames, fed at 1,000 per second; every 400th frame toggles a critical alarm on c_o.
        var frames = EngineEvents.Frames(EngineEvents.Engine(model: null), 0, 2000, dosePerFrame: 0.5).OfType<FrameReported>().ToArray();
        var alarmSent = new List<long>();
        var clock = Stopwatch.StartNew();
        long feedStart = Stopwatch.GetTimestamp();
        for (int i = 0; i < frames.Length; i++)
        {
            bool critical = (i / 400) % 2 == 1;
            if (i % 400 == 0 && i > 0)
            {
                alarmSent.Add(Stopwatch.GetTimestamp());
            }

            events.OnNext(critical ? EngineEvents.WithAlarm(frames[i], "critical", "c_o") : frames[i]);
            while (clock.Elapsed.TotalMilliseconds < i + 1)
            {
                Thread.SpinWait(50);
            }
        }

        long feedEnd = Stopwatch.GetTimestamp();
        await Task.Delay(300);
        events.OnCompleted();
        await Task.Delay(200);

        var received = new List<(string Type, string Data, long Timestamp)>();
        while (reader.Events.Reader.TryRead(out var item))
        {
            received.Add(item);
        }

        var states = received.Where(e => e.Type == DashboardEventNames.State && e.Timestamp >= feedStart && e.Timestamp <= feedEnd).ToList();
        double seconds = Stopwatch.GetElapsedTime(feedStart, feedEnd).TotalSeconds;
        Assert.InRange(seconds, 1.9, 6);
        Assert.True(states.Count >= 5, $"only {states.Count} state events in {seconds:F2} s: the display is not updating");
        Assert.True(states.Count <= (10 * seconds) + 2, $"{states.Count} state events in {seconds:F2} s exceeds 10 Hz");

        var alarms = received.Where(e => e.Type == DashboardEventNames.Alarm).ToList();
        Assert.Equal(alarmSent.Count, alarms.Count);
        var latencies = alarmSent.Zip(alarms, (sent, got) => Stopwatch.GetElapsedTime(sent, got.Timestamp).TotalMilliseconds).Order().ToArray();
        Assert.True(latencies[latencies.Length / 2] < 50, $"median alarm latency {latencies[latencies.Length / 2]:F1} ms: alarms are being throttled");
        Assert.Contains("\"critical\"", alarms[0].Data, StringComparison.Ordinal);
        Assert.Contains("\"ok\"", alarms[1].Data, StringComparison.Ordinal);

        var last = received.Last(e => e.Type == DashboardEventNames.State);
        using var json = JsonDocument.Parse(last.Data);
        Assert.Equal(1999, json.RootElement.GetProperty("latest").GetProperty("seq").GetInt64());
    }
}
