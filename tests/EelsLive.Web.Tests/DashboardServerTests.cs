using System.Reactive.Concurrency;
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
        // Display time runs on a virtual clock, so the rate limit is checked without wall-clock timing; an alarm must
        // reach the browser while that clock stands still, which a throttled alarm could not.
        var scheduler = new HistoricalScheduler();
        var events = new Subject<PipelineEvent>();
        await using var server = await DashboardServer.StartAsync(new DashboardOptions { Scheduler = scheduler }, events);
        await using var reader = new SseReader(server.Address);
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(200));
        await reader.NextAsync(e => e.Type == DashboardEventNames.State, TimeSpan.FromSeconds(10));

        // 2,000 real frames, 1 ms of virtual time apart; every 400th frame toggles a critical alarm on c_o.
        var frames = EngineEvents.Frames(EngineEvents.Engine(model: null), 0, 2000, dosePerFrame: 0.5).OfType<FrameReported>().ToArray();
        var alarms = new List<string>();
        for (int i = 0; i < frames.Length; i++)
        {
            bool critical = (i / 400) % 2 == 1;
            events.OnNext(critical ? EngineEvents.WithAlarm(frames[i], "critical", "c_o") : frames[i]);
            if (i % 400 == 0 && i > 0)
            {
                var alarm = await reader.NextAsync(e => e.Type == DashboardEventNames.Alarm, TimeSpan.FromSeconds(10));
                alarms.Add(alarm.Data);
            }

            scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1));
        }

        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(200));
        var last = await reader.NextAsync(
            e => e.Type == DashboardEventNames.State && e.Data.Contains("\"seq\":1999", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        int states = reader.Seen(DashboardEventNames.State);
        Assert.InRange(states, 10, 24); // 2.2 s of virtual time at ≤ 10 Hz, plus the first one
        Assert.Equal(4, alarms.Count);
        Assert.Contains("\"critical\"", alarms[0], StringComparison.Ordinal);
        Assert.Contains("\"ok\"", alarms[1], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(last.Data);
        Assert.Equal(1999, json.RootElement.GetProperty("latest").GetProperty("seq").GetInt64());
    }
}
