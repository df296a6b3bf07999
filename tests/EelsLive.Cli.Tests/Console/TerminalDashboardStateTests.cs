using System.Text;
using EelsLive.Alarms;
using EelsLive.Cli.Console;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Pipeline;
using EelsLive.Protocol;
using EelsLive.Protocol.Recording;
using EelsLive.Simulation;
using Xunit.Abstractions;

namespace EelsLive.Cli.Tests.Console;

/// <summary>The dashboard's state folded from a real engine run on a simulated, encoded MIL-101(Fe) series.</summary>
public class TerminalDashboardStateTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void State_after_a_real_run_matches_the_last_frame_report_alarm_budget_and_counters()
    {
        var run = EngineRun.Simulate(frames: 160, dosePerFrame: 25, drop: 0.03, budget: 5000);
        var tracker = new DashboardStateTracker(run.Statistics, DashboardSettings.For(run.Options, quiet: false));
        foreach (var e in run.Events)
        {
            tracker.Observe(e);
        }

        var state = tracker.Capture(T0);
        var last = run.Events.OfType<FrameReported>().Last();
        Assert.Equal("mil", state.SeriesId);
        Assert.Equal(SeriesPhase.Ended, state.Phase);
        Assert.Equal(run.Events.OfType<FrameReported>().Count(), state.Frames);
        Assert.Equal(run.Statistics.Frames, state.Frames);
        Assert.True(state.Lost > 0, "the simulated series drops frames");
        Assert.Equal(run.Events.OfType<SeriesEnded>().Single().LostFrames, state.Lost);
        Assert.Equal(1, state.Rejected);
        Assert.Equal(last.Report.DoseEA2, state.DoseEA2);
        Assert.Equal(last.Report.DoseRateEA2PerS, state.DoseRateEA2PerS);
        Assert.Equal(last.Report.Windows, state.Windows.Select(w => w.Report));
        Assert.Equal(["π–π*", "C–C", "C–O", "M–O"], state.Windows.Select(w => w.Label));
        Assert.Same(last.Alarm, state.Alarm);
        Assert.Equal(last.Budget, state.Budget);
        Assert.NotNull(last.Alarm);
        Assert.Null(state.Windows[0].Forecast);
        Assert.Equal(last.Alarm!.Windows, state.Windows.Skip(1).Select(w => w.Forecast));
        Assert.Equal(last.Snapshot!.Windows.Select(w => w.Rising), state.Windows.Select(w => w.Rising));
        Assert.Equal(last.Snapshot.Windows.Select(w => Math.Abs(w.SignalChangeZ) >= run.Options.ModelOptions.ChangeSignificanceZ), state.Windows.Select(w => w.Changing));
        Assert.Contains(state.Windows, w => w.Changing);
        Assert.NotNull(last.Report.Windows[2].Integrity);

        string text = DashboardRendering.ToText(DashboardView.Render(state));
        output.WriteLine(text);
        Assert.Contains(DashboardText.Integrity(last.Report.Windows[2])!, text);
        Assert.Contains(DashboardText.Percent(last.Budget.Used!.Value) + " of 5000 e/Å² used", text);
        Assert.Contains($"lost {state.Lost} · rejected 1", text);
        Assert.Contains("series ended (completed)", text);
    }

    [Fact]
    public void Every_alarm_change_of_a_real_run_is_what_the_state_shows_right_after_it()
    {
        var run = EngineRun.Simulate(frames: 160, dosePerFrame: 25, drop: 0, budget: 3000);
        var tracker = new DashboardStateTracker(run.Statistics, DashboardSettings.For(run.Options, quiet: false));
        var changes = 0;
        foreach (var e in run.Events)
        {
            tracker.Observe(e);
            if (e is AlarmChanged change)
            {
                changes++;
                var state = tracker.Capture(T0);
                Assert.Equal(change.Alarm?.Level ?? AlarmLevel.Ok, state.Level);
                Assert.Equal(change.Budget, state.Budget);
                Assert.Equal(change.Report.DoseEA2, state.DoseEA2);
                Assert.Equal(
                    change.Alarm?.AlarmWindows.Select(WindowLabels.For) ?? [],
                    state.Windows.Where(w => w.Level != AlarmLevel.Ok).Select(w => w.Label));
            }
        }

        Assert.True(changes >= 2, $"the run should raise the budget alerts at least (changes: {changes})");
        Assert.Equal(BudgetAlert.Exhausted, tracker.Capture(T0).Budget.Alert);
    }

    [Fact]
    public void Every_frame_of_a_real_run_tells_one_story_per_window()
    {
        var run = EngineRun.Simulate(frames: 160, dosePerFrame: 25, drop: 0, budget: null);
        var settings = DashboardSettings.For(run.Options, quiet: false);
        var tracker = new DashboardStateTracker(run.Statistics, settings);
        int warned = 0, below = 0, notEstimableBelow = 0;
        foreach (var e in run.Events)
        {
            tracker.Observe(e);
            if (e is not FrameReported)
            {
                continue;
            }

            var state = tracker.Capture(T0);
            foreach (var w in state.Windows.Where(w => w.Level != AlarmLevel.Critical))
            {
                string line = DashboardText.Forecast(w, state);
                string context = $"{line} at {state.DoseEA2} e/Å²: integrity {DashboardText.Integrity(w.Report)}, D50 {DashboardText.D50(w)}";
                if (w.Level == AlarmLevel.Warning)
                {
                    warned++;
                    Assert.False(line.Contains("no forecast", StringComparison.Ordinal), context);
                }

                if (w.StandingAgainst(settings.Threshold) != IntegrityStanding.NotBelow)
                {
                    below++;
                    Assert.True(line.Contains("below 0.5", StringComparison.Ordinal), context);
                    if (w.Report.D50EA2 is null)
                    {
                        notEstimableBelow++;
                        Assert.EndsWith("(probably passed)", DashboardText.D50(w), StringComparison.Ordinal);
                    }
                }

                if (line.Contains("is at 0.5 now", StringComparison.Ordinal))
                {
                    Assert.InRange(w.Report.Integrity!.Value, 0.5 - IntegrityStandings.ReadingTolerance, 0.5 + 1e-9);
                }
            }
        }

        output.WriteLine($"frames × windows: {warned} warned, {below} below θ before critical ({notEstimableBelow} with D50 not estimable)");
        Assert.True(warned > 0 && below > 0, "the run should warn and pass θ before the critical");
    }

    [Fact]
    public void A_new_series_clears_the_windows_alarm_and_budget_of_the_previous_one()
    {
        var run = EngineRun.Simulate(frames: 40, dosePerFrame: 25, drop: 0, budget: 500);
        var tracker = new DashboardStateTracker(run.Statistics, DashboardSettings.For(run.Options, quiet: false));
        foreach (var e in run.Events)
        {
            tracker.Observe(e);
        }

        Assert.NotEmpty(tracker.Capture(T0).Windows);
        tracker.Observe(new SeriesStarted("next", null));

        var state = tracker.Capture(T0);
        Assert.Equal("next", state.SeriesId);
        Assert.Equal(SeriesPhase.Waiting, state.Phase);
        Assert.Empty(state.Windows);
        Assert.Null(state.Alarm);
        Assert.Equal(BudgetStatus.None, state.Budget);
        Assert.Equal(0, state.DoseEA2);
    }

    [Fact]
    public void Frame_rate_is_frames_per_second_over_the_last_second_of_captures()
    {
        var run = EngineRun.Simulate(frames: 60, dosePerFrame: 5, drop: 0, budget: null, model: null);
        var tracker = new DashboardStateTracker(run.Statistics, DashboardSettings.For(run.Options, quiet: false));
        Assert.Equal(0, tracker.Capture(T0).FramesPerSecond);

        // Replay the same events into fresh statistics: 20 frames in the first second, 40 in the next two.
        var statistics = new MonitorStatistics();
        tracker = new DashboardStateTracker(statistics, DashboardSettings.For(run.Options, quiet: false));
        var frames = new Queue<PipelineEvent>(run.Events);
        void Feed(int count)
        {
            for (int fed = 0; fed < count && frames.Count > 0;)
            {
                var e = frames.Dequeue();
                statistics.Observe(e);
                tracker.Observe(e);
                fed += e is FrameReported ? 1 : 0;
            }
        }

        tracker.Capture(T0);
        Feed(20);
        Assert.Equal(20, tracker.Capture(T0.AddSeconds(1)).FramesPerSecond, 9);
        for (int quarter = 1; quarter <= 8; quarter++)
        {
            Feed(5);
            tracker.Capture(T0.AddSeconds(1 + (quarter * 0.25)));
        }

        var state = tracker.Capture(T0.AddSeconds(3.1));
        Assert.Equal(60, state.Frames);
        Assert.InRange(state.FramesPerSecond, 18, 22);
    }

    /// <summary>A real <see cref="MonitorEngine"/> run over an encoded simulated series with drops and one malformed message.</summary>
    internal sealed record EngineRun(MonitorOptions Options, MonitorStatistics Statistics, IReadOnlyList<PipelineEvent> Events)
    {
        public static EngineRun Simulate(int frames, double dosePerFrame, double drop, double? budget, ModelKind? model = ModelKind.Physics)
        {
            var options = new MonitorOptions { Model = model, Alarms = new AlarmOptions { BudgetDoseEA2 = budget } };
            var series = new SimulatedSeries(
                new SimulationScenario(SimulationPresets.Mil101Fe, 11) { Dose = DoseSettings.PerFrame(dosePerFrame, 0.1) },
                new SeriesOptions { SeriesId = "mil", Frames = frames, DropFraction = drop });
            const double start = 1_700_000_000;
            var messages = new List<RecordedMessage> { Wire(series.CreateStart(start)) };
            messages.AddRange(series.Frames(start).Where(f => !f.Dropped).Select(f => Wire(f.Message!)));
            messages.Insert(5, new RecordedMessage(start, [Encoding.UTF8.GetBytes("eels.frame"), [0xc1, 0x00, 0x17]]));
            messages.Add(Wire(series.CreateEnd(start, frames, EndReason.Completed)));

            var engine = new MonitorEngine(options);
            var statistics = new MonitorStatistics();
            var events = new List<PipelineEvent>();
            foreach (var message in messages)
            {
                foreach (var e in engine.Process(message))
                {
                    statistics.Observe(e);
                    events.Add(e);
                }
            }

            return new EngineRun(options, statistics, events);
        }

        private static RecordedMessage Wire(WireMessage message) =>
            new(0, [Encoding.UTF8.GetBytes(message.Topic), WireEncoder.Encode(message)]);
    }
}
