using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using EelsLive.Core.Tests.Support;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Transport;

namespace EelsLive.Core.Tests.Engine;

public class RefitCoalescingTests
{
    [Fact]
    public async Task Queued_frames_are_all_measured_but_only_the_last_of_a_burst_is_refitted()
    {
        var source = new Subject<IncomingMessage>();
        var monitor = new LiveMonitor(source, new MonitorEngine(new MonitorOptions()), new HistoricalScheduler());
        var reports = new List<FrameReport>();
        using var subscription = monitor.Events.Subscribe(e => { if (e is FrameReported f) reports.Add(f.Report); });
        var run = monitor.RunAsync(new RunSettings());

        for (int seq = 0; seq < 10; seq++)
        {
            // A burst of ten frames handed over together: the first nine have frames queued behind them.
            source.OnNext(new IncomingMessage(TestFrames.Wire(TestFrames.Frame(seq, dose: 3)), MoreFramesQueued: seq < 9));
        }

        source.OnCompleted();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(10, reports.Count);
        Assert.All(reports.Take(9), r => Assert.Null(r.FitMs));
        Assert.NotNull(reports[9].FitMs);
        Assert.Equal(30, reports[9].DoseEA2, 9);
        Assert.NotNull(reports[9].Windows[2].Integrity);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(5)]
    public async Task However_long_a_burst_a_refit_comes_at_least_every_MaxFramesPerRefit_frames(int maxFramesPerRefit)
    {
        var source = new Subject<IncomingMessage>();
        var options = new MonitorOptions { ModelOptions = new ModelOptions { MaxFramesPerRefit = maxFramesPerRefit } };
        var monitor = new LiveMonitor(source, new MonitorEngine(options), new HistoricalScheduler());
        var reports = new List<FrameReport>();
        using var subscription = monitor.Events.Subscribe(e => { if (e is FrameReported f) reports.Add(f.Report); });
        var run = monitor.RunAsync(new RunSettings());

        const int Burst = 50; // one hand-off of 50 queued frames, as when a source sends faster than the monitor refits
        for (int seq = 0; seq < Burst; seq++)
        {
            source.OnNext(new IncomingMessage(TestFrames.Wire(TestFrames.Frame(seq, dose: 3)), MoreFramesQueued: seq < Burst - 1));
        }

        source.OnCompleted();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        var refitted = reports.Where(r => r.FitMs is not null).Select(r => r.Seq).ToList();
        var expected = Enumerable.Range(1, Burst / maxFramesPerRefit).Select(i => (long)((i * maxFramesPerRefit) - 1)).Append(Burst - 1).Distinct();
        Assert.Equal(expected, refitted);
    }

    [Fact]
    public async Task Without_coalescing_every_frame_is_refitted()
    {
        var source = new Subject<IncomingMessage>();
        var monitor = new LiveMonitor(source, new MonitorEngine(new MonitorOptions()), new HistoricalScheduler());
        var reports = new List<FrameReport>();
        using var subscription = monitor.Events.Subscribe(e => { if (e is FrameReported f) reports.Add(f.Report); });
        var run = monitor.RunAsync(new RunSettings { CoalesceRefits = false });
        for (int seq = 0; seq < 5; seq++)
        {
            source.OnNext(new IncomingMessage(TestFrames.Wire(TestFrames.Frame(seq, dose: 3)), MoreFramesQueued: true));
        }

        source.OnCompleted();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(reports, r => Assert.NotNull(r.FitMs));
    }
}
