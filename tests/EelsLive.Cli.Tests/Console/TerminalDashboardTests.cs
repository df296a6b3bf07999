using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using EelsLive.Cli.Console;
using EelsLive.Engine;
using EelsLive.Pipeline;

namespace EelsLive.Cli.Tests.Console;

/// <summary>The dashboard driven by a real run's events in virtual time: plain lines when not interactive, a live view otherwise.</summary>
public class TerminalDashboardTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Output_that_is_not_an_interactive_ansi_terminal_gets_plain_lines()
    {
        using var writer = new StringWriter();
        Assert.Equal(DashboardMode.Plain, TerminalDashboard.ModeFor(DashboardRendering.RecordingConsole(writer), quiet: false));

        // ANSI and interaction claimed, but the output is a StringWriter, not a terminal (like stdout redirected to a file).
        Assert.Equal(DashboardMode.Plain, TerminalDashboard.ModeFor(DashboardRendering.RecordingConsole(writer, interactive: true), quiet: false));
        Assert.Equal(DashboardMode.Plain, TerminalDashboard.ModeFor(DashboardRendering.RecordingConsole(writer, interactive: true), quiet: true));
    }

    [Fact]
    public void Plain_mode_prints_the_summary_each_second_and_a_line_per_series_alarm_and_kinetics_change()
    {
        var run = TerminalDashboardStateTests.EngineRun.Simulate(frames: 160, dosePerFrame: 25, drop: 0.03, budget: 3000);
        using var writer = new StringWriter();
        var scheduler = new HistoricalScheduler(T0);
        var events = new Subject<PipelineEvent>();
        var statistics = new MonitorStatistics();
        var settings = DashboardSettings.For(run.Options, quiet: false);
        using (var dashboard = new TerminalDashboard(events, statistics, DashboardRendering.RecordingConsole(writer), DashboardMode.Plain, settings, TimeProvider.System, scheduler))
        {
            dashboard.Start();
            Replay(run, events, statistics);
            scheduler.AdvanceBy(TimeSpan.FromSeconds(3));
        }

        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var expectedEvents = run.Events.Select(e => e switch
        {
            SeriesStarted s => DashboardText.SeriesStarted(s),
            AlarmChanged a => AlarmText.Describe(a, settings.Threshold),
            KineticsChanged k => KineticsText.Describe(k),
            SeriesEnded end => DashboardText.SeriesEnded(end),
            _ => null,
        }).OfType<string>().ToArray();
        Assert.True(expectedEvents.Length >= 4, "start, end and at least two alarm changes");
        Assert.Equal(expectedEvents, lines.Where(l => !l.StartsWith("[mil] frames", StringComparison.Ordinal)));

        var summaries = lines.Where(l => l.StartsWith("[mil] frames", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, summaries.Length); // three ticks and the final line on dispose
        Assert.All(summaries, s => Assert.Contains($"frames {statistics.Frames} ", s));
        Assert.All(summaries, s => Assert.EndsWith($"lost {statistics.Lost}  rejected 1", s));
        Assert.DoesNotContain('\u001b', writer.ToString());
        Assert.DoesNotContain("━", writer.ToString());
    }

    [Fact]
    public void Quiet_plain_mode_prints_series_and_alarm_lines_but_no_summary()
    {
        var run = TerminalDashboardStateTests.EngineRun.Simulate(frames: 60, dosePerFrame: 25, drop: 0, budget: 1000);
        using var writer = new StringWriter();
        var scheduler = new HistoricalScheduler(T0);
        var events = new Subject<PipelineEvent>();
        var statistics = new MonitorStatistics();
        using (var dashboard = new TerminalDashboard(
            events, statistics, DashboardRendering.RecordingConsole(writer), DashboardMode.Plain, DashboardSettings.For(run.Options, quiet: true), TimeProvider.System, scheduler))
        {
            dashboard.Start();
            Replay(run, events, statistics);
            scheduler.AdvanceBy(TimeSpan.FromSeconds(5));
        }

        string text = writer.ToString();
        Assert.Contains("series 'mil' started", text);
        Assert.Contains("ALARM", text);
        Assert.Contains("DOSE BUDGET USED UP at ", text, StringComparison.Ordinal);
        Assert.Contains("DOSE BUDGET 80 % used at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[mil] frames", text);
    }

    [Fact]
    public void Live_mode_redraws_on_the_timer_not_per_event_and_leaves_the_final_frame()
    {
        var run = TerminalDashboardStateTests.EngineRun.Simulate(frames: 160, dosePerFrame: 25, drop: 0.03, budget: 5000);
        using var writer = new StringWriter();
        var console = DashboardRendering.RecordingConsole(writer, interactive: true);
        var scheduler = new HistoricalScheduler(T0);
        var events = new Subject<PipelineEvent>();
        var statistics = new MonitorStatistics();
        var dashboard = new TerminalDashboard(events, statistics, console, DashboardMode.Live, DashboardSettings.For(run.Options, quiet: false), TimeProvider.System, scheduler);
        dashboard.Start();
        Assert.Contains("waiting for frames", writer.ToString());

        Replay(run, events, statistics);
        string frames = $"frames {statistics.Frames} ";
        Assert.DoesNotContain(frames, Plain(writer.ToString()));
        Assert.Matches("series 'mil' started {80,}", Plain(writer.ToString())); // padded to cover the live view it is drawn over
        Assert.Contains("ALARM", writer.ToString());

        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(250));
        string afterTick = Plain(writer.ToString());
        Assert.Contains(frames, afterTick);
        Assert.Contains("\u001b[", writer.ToString());
        Assert.Contains("Integrity (90%)", afterTick);
        Assert.Contains(DashboardText.Budget(dashboard.Capture()), afterTick);

        dashboard.Dispose();
        dashboard.WriteLine("stopped: SeriesEnded");
        string final = Plain(writer.ToString());
        Assert.EndsWith("stopped: SeriesEnded" + Environment.NewLine, final);
        Assert.Contains("series 'mil' ended (completed)", final);
    }

    [Fact]
    public void Event_lines_can_be_left_to_the_host()
    {
        var run = TerminalDashboardStateTests.EngineRun.Simulate(frames: 60, dosePerFrame: 25, drop: 0, budget: 1000);
        using var writer = new StringWriter();
        var scheduler = new HistoricalScheduler(T0);
        var events = new Subject<PipelineEvent>();
        var statistics = new MonitorStatistics();
        var settings = DashboardSettings.For(run.Options, quiet: false) with { EventLines = false };
        using (var dashboard = new TerminalDashboard(events, statistics, DashboardRendering.RecordingConsole(writer), DashboardMode.Plain, settings, TimeProvider.System, scheduler))
        {
            dashboard.Start();
            Replay(run, events, statistics);
            scheduler.AdvanceBy(TimeSpan.FromSeconds(1));
            Assert.Equal(EelsLive.Alarms.BudgetAlert.Exhausted, dashboard.Capture().Budget.Alert);
        }

        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("[mil] frames 60 ", l));
    }

    private static void Replay(TerminalDashboardStateTests.EngineRun run, Subject<PipelineEvent> events, MonitorStatistics statistics)
    {
        foreach (var e in run.Events)
        {
            statistics.Observe(e);
            events.OnNext(e);
        }
    }

    /// <summary>The text without ANSI escape sequences.</summary>
    private static string Plain(string ansi) => System.Text.RegularExpressions.Regex.Replace(ansi, @"\u001b\[[0-9;?]*[A-Za-z]", string.Empty);
}
