using EelsLive.Alarms;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Pipeline;

namespace EelsLive.Cli.Console;

/// <summary>
/// Folds the monitor's events into the latest <see cref="DashboardState"/> on the processing thread and hands out
/// consistent snapshots to the render thread; counters come from the run's <see cref="MonitorStatistics"/>.
/// </summary>
internal sealed class DashboardStateTracker
{
    private readonly object _gate = new();
    private readonly MonitorStatistics _statistics;
    private readonly FrameRateMeter _rate = new(TimeSpan.FromSeconds(1));
    private DashboardState _state;

    /// <summary>Creates a tracker for a run with <paramref name="settings"/> counted by <paramref name="statistics"/>.</summary>
    public DashboardStateTracker(MonitorStatistics statistics, DashboardSettings settings)
    {
        _statistics = statistics ?? throw new ArgumentNullException(nameof(statistics));
        _state = new DashboardState { Settings = settings ?? throw new ArgumentNullException(nameof(settings)) };
    }

    /// <summary>Folds one engine event into the state.</summary>
    public void Observe(PipelineEvent e)
    {
        lock (_gate)
        {
            _state = e switch
            {
                SeriesStarted s => new DashboardState { Settings = _state.Settings, SeriesId = s.SeriesId },
                FrameReported f => WithFrame(_state, f.Report, f.Alarm, f.Budget, f.Snapshot),
                AlarmChanged a => WithFrame(_state, a.Report, a.Alarm, a.Budget, snapshot: null),
                SeriesEnded end => _state with { Phase = SeriesPhase.Ended, Ended = end, SeriesId = end.End.SeriesId },
                _ => _state,
            };
        }
    }

    /// <summary>The state at <paramref name="now"/>, with the current counters and frame rate.</summary>
    public DashboardState Capture(DateTimeOffset now)
    {
        long frames = _statistics.Frames;
        lock (_gate)
        {
            return _state with
            {
                Frames = frames,
                FramesPerSecond = _rate.Sample(frames, now),
                Lost = _statistics.Lost,
                Rejected = _statistics.Rejected,
            };
        }
    }

    /// <summary>The state after a frame; without a <paramref name="snapshot"/> each window keeps what the previous one said of it.</summary>
    private static DashboardState WithFrame(DashboardState state, FrameReport report, AlarmStatus? alarm, BudgetStatus budget, ModelSnapshot? snapshot)
    {
        var windows = report.Windows.Select(w => Window(state, w, alarm, snapshot)).ToArray();
        return state with
        {
            SeriesId = report.SeriesId,
            Phase = SeriesPhase.Running,
            Ended = null,
            DoseEA2 = report.DoseEA2,
            DoseRateEA2PerS = report.DoseRateEA2PerS,
            DoseEstimated = report.DoseEstimated,
            Windows = windows,
            Alarm = alarm,
            Budget = budget,
        };
    }

    private static DashboardWindow Window(DashboardState state, WindowReport report, AlarmStatus? alarm, ModelSnapshot? snapshot)
    {
        var forecast = alarm?.Windows.FirstOrDefault(f => f.Name == report.Name);
        if (snapshot is null)
        {
            var previous = state.Windows.FirstOrDefault(p => p.Report.Name == report.Name);
            return new DashboardWindow(report, forecast, previous?.Rising ?? false) { Changing = previous?.Changing ?? false };
        }

        var estimate = snapshot.Find(report.Name);
        return new DashboardWindow(report, forecast, estimate?.Rising ?? false)
        {
            Changing = estimate is not null && Math.Abs(estimate.SignalChangeZ) >= state.Settings.ChangeSignificanceZ,
        };
    }
}
