using System.Reactive.Concurrency;
using System.Reactive.Linq;
using EelsLive.Engine;
using EelsLive.Pipeline;
using Spectre.Console;

namespace EelsLive.Cli.Console;

/// <summary>
/// The operator's console during <c>eelslive monitor</c>: a Spectre.Console live view redrawn a few times a second on
/// the scheduler (never on the processing thread), or — when stdout is not an interactive terminal — the plain summary
/// line each second. In both modes series, alarm and kinetics-law changes are printed as lines (unless
/// <see cref="DashboardSettings.EventLines"/> is off), so they stay in the scrollback.
/// </summary>
internal sealed class TerminalDashboard : IDisposable
{
    private static readonly TimeSpan LiveShutdownLimit = TimeSpan.FromSeconds(2);

    private readonly IObservable<PipelineEvent> _events;
    private readonly IAnsiConsole _console;
    private readonly IScheduler _scheduler;
    private readonly DashboardSettings _settings;
    private readonly DashboardStateTracker _tracker;
    private readonly ConsoleSummary _summary;
    private readonly object _outputGate = new();
    private readonly TaskCompletionSource _stopLive = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IDisposable? _subscription;
    private IDisposable? _ticker;
    private LiveDisplayContext? _live;
    private Task? _liveTask;
    private bool _started;
    private bool _disposed;
    private bool _stopped;

    /// <summary>Creates a dashboard over a run's <paramref name="events"/> and <paramref name="statistics"/>; nothing shows until <see cref="Start"/>.</summary>
    public TerminalDashboard(
        IObservable<PipelineEvent> events, MonitorStatistics statistics, IAnsiConsole console, DashboardMode mode,
        DashboardSettings settings, TimeProvider time, IScheduler scheduler)
    {
        _events = events ?? throw new ArgumentNullException(nameof(events));
        ArgumentNullException.ThrowIfNull(statistics);
        _console = console ?? throw new ArgumentNullException(nameof(console));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        ArgumentNullException.ThrowIfNull(time);
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        Mode = mode;
        _tracker = new DashboardStateTracker(statistics, settings);
        _summary = new ConsoleSummary(console.Profile.Out.Writer, statistics, time);
    }

    /// <summary>Whether this dashboard draws a live view or plain lines.</summary>
    public DashboardMode Mode { get; }

    /// <summary>
    /// Live when <paramref name="console"/> is an interactive ANSI terminal and <paramref name="quiet"/> is false;
    /// plain lines otherwise (redirected or piped output, logs, CI, <c>--quiet</c>).
    /// </summary>
    public static DashboardMode ModeFor(IAnsiConsole console, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(console);
        var profile = console.Profile;
        return !quiet && profile.Capabilities.Interactive && profile.Capabilities.Ansi && profile.Out.IsTerminal
            ? DashboardMode.Live
            : DashboardMode.Plain;
    }

    /// <summary>The state the next redraw shows (for tests and the final frame).</summary>
    public DashboardState Capture() => _tracker.Capture(_scheduler.Now);

    /// <summary>Subscribes to the events and starts the live view or the summary ticker; call before the monitor runs.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_started)
        {
            throw new InvalidOperationException("The dashboard is already started.");
        }

        _started = true;
        _subscription = _events.Subscribe(OnEvent);
        if (Mode == DashboardMode.Live)
        {
            _liveTask = _console.Live(DashboardView.Render(Capture()))
                .AutoClear(false)
                .Overflow(VerticalOverflow.Ellipsis)
                .StartAsync(context =>
                {
                    lock (_outputGate)
                    {
                        _live = context;
                    }

                    return _stopLive.Task;
                });
            _ticker = Observable.Interval(_settings.RefreshInterval, _scheduler).Subscribe(_ => Redraw());
            Redraw();
        }
        else if (_settings.ShowSummary)
        {
            _ticker = Observable.Interval(_settings.SummaryInterval, _scheduler).Subscribe(_ => WriteSummary());
        }
    }

    /// <summary>Prints <paramref name="line"/> as plain text above the live view (or as a plain line).</summary>
    public void WriteLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_outputGate)
        {
            if (Mode == DashboardMode.Live && !_stopped)
            {
                // Padded to the full width: the line is drawn where the live view was and must cover it entirely.
                _console.Write(new Grid { Expand = true }.AddColumn().AddRow(new Text(line)));
            }
            else
            {
                _console.Profile.Out.Writer.WriteLine(line);
            }
        }
    }

    /// <summary>Stops redrawing, leaves the final frame (live) or prints a final summary line (plain), and unsubscribes.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _ticker?.Dispose();
        _subscription?.Dispose();
        if (!_started)
        {
            return;
        }

        if (Mode == DashboardMode.Live)
        {
            Redraw();
            lock (_outputGate)
            {
                _stopped = true;
                _live = null;
            }

            _stopLive.TrySetResult();
            _liveTask?.Wait(LiveShutdownLimit);
        }
        else if (_settings.ShowSummary)
        {
            WriteSummary();
        }
    }

    private void OnEvent(PipelineEvent e)
    {
        _tracker.Observe(e);
        if (!_settings.EventLines)
        {
            return;
        }

        switch (e)
        {
            case SeriesStarted started:
                WriteLine(DashboardText.SeriesStarted(started));
                break;
            case AlarmChanged change:
                WriteLine(AlarmText.Describe(change, _settings.Threshold));
                break;
            case KineticsChanged change:
                WriteLine(KineticsText.Describe(change));
                break;
            case MeasurementProblemFound problem:
                WriteLine(MeasurementText.Describe(problem));
                break;
            case SeriesEnded end:
                WriteLine(DashboardText.SeriesEnded(end));
                break;
        }
    }

    private void Redraw()
    {
        var view = DashboardView.Render(Capture());
        lock (_outputGate)
        {
            if (!_stopped)
            {
                _live?.UpdateTarget(view);
            }
        }
    }

    private void WriteSummary()
    {
        lock (_outputGate)
        {
            _summary.WriteLine();
        }
    }
}
