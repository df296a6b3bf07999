using EelsLive.Alarms;
using EelsLive.Engine;
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
                FrameReported f => WithFrame(_state, f.Report, f.Alarm, f.Budget, f.Snapshot?.Windows.Where(w => w.Rising).Select(w => w.Name)),
                AlarmChanged a => WithFrame(_state, a.Report, a.Alarm, a.Budget, rising: null),
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

    private static DashboardState WithFrame(DashboardState state, FrameReport report, AlarmStatus? alarm, BudgetStatus budget, IEnumerable<string>? rising)
    {
        var risingNames = rising is null
            ? state.Windows.Where(w => w.Rising).Select(w => w.Report.Name).ToHashSet(StringComparer.Ordinal)
            : rising.ToHashSet(StringComparer.Ordinal);
        var windows = report.Windows
            .Select(w => new DashboardWindow(w, alarm?.Windows.FirstOrDefault(f => f.Name == w.Name), risingNames.Contains(w.Name)))
            .ToArray();
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
}
