using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using EelsLive.Core.Tests.Support;
using EelsLive.Engine;
using EelsLive.Pipeline;
using EelsLive.Protocol;
using EelsLive.Transport;

namespace EelsLive.Core.Tests.Engine;

public class LiveMonitorTests
{
    private static MonitorEngine PipelineOnly() => new(new MonitorOptions { Model = null });

    [Fact]
    public async Task Idle_timeout_counts_silence_in_scheduler_time()
    {
        var scheduler = new HistoricalScheduler();
        var source = new Subject<IncomingMessage>();
        var monitor = new LiveMonitor(source, PipelineOnly(), scheduler);
        var run = monitor.RunAsync(new RunSettings { IdleTimeout = TimeSpan.FromSeconds(5) });

        scheduler.AdvanceBy(TimeSpan.FromSeconds(4));
        source.OnNext(new IncomingMessage(TestFrames.Wire(TestFrames.Frame(0)), false));
        scheduler.AdvanceBy(TimeSpan.FromSeconds(4));
        Assert.False(run.IsCompleted, "a message within the timeout must restart the idle clock");

        scheduler.AdvanceBy(TimeSpan.FromSeconds(2));
        Assert.Equal(RunOutcome.IdleTimeout, await run.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, monitor.Statistics.Frames);
    }

    [Fact]
    public async Task Until_end_stops_after_the_first_series_end_with_every_frame_reported()
    {
        var scheduler = new HistoricalScheduler();
        var source = new Subject<IncomingMessage>();
        var monitor = new LiveMonitor(source, PipelineOnly(), scheduler);
        var reports = new List<FrameReport>();
        using var _ = monitor.Events.Subscribe(e => { if (e is FrameReported f) reports.Add(f.Report); });
        var run = monitor.RunAsync(new RunSettings { UntilEnd = true });

        for (int i = 0; i < 10; i++)
        {
            source.OnNext(new IncomingMessage(TestFrames.Wire(TestFrames.Frame(i, dose: 2)), false));
        }

        source.OnNext(new IncomingMessage(TestFrames.Wire(new EndMessage("s1", 10, 1.7e9, EndReason.Completed)), false));
        Assert.Equal(RunOutcome.SeriesEnded, await run.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(10, reports.Count);
        Assert.Equal(20, reports[^1].DoseEA2, 9);
        Assert.All(reports, r => Assert.Equal("ok", r.Alarm));
    }

    [Fact]
    public async Task Cancellation_stops_the_run()
    {
        var monitor = new LiveMonitor(new Subject<IncomingMessage>(), PipelineOnly(), new HistoricalScheduler());
        using var cts = new CancellationTokenSource();
        var run = monitor.RunAsync(new RunSettings(), cts.Token);
        cts.Cancel();
        Assert.Equal(RunOutcome.Cancelled, await run.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Raw_messages_include_rejected_ones()
    {
        var source = new Subject<IncomingMessage>();
        var monitor = new LiveMonitor(source, PipelineOnly(), new HistoricalScheduler());
        int raw = 0;
        using var _ = monitor.RawMessages.Subscribe(__ => raw++);
        var run = monitor.RunAsync(new RunSettings());
        source.OnNext(new IncomingMessage(TestFrames.Raw(WireTopics.Frame, [0xc1]), false));
        source.OnNext(new IncomingMessage(TestFrames.Wire(TestFrames.Frame(0)), false));
        source.OnCompleted();
        Assert.Equal(RunOutcome.SourceCompleted, await run.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(2, raw);
        Assert.Equal(1, monitor.Statistics.Rejected);
        Assert.Equal(1, monitor.Statistics.Frames);
    }
}
