using EelsLive.Alarms;
using EelsLive.Model;
using EelsLive.Pipeline;
using EelsLive.Protocol.Recording;

namespace EelsLive.Engine;

/// <summary>
/// The monitor's engine: runs each wire message through the <see cref="FramePipeline"/>, feeds every accepted
/// frame to the series' damage model, refits (or coalesces the refit when more frames are already waiting) and
/// builds the frame's <see cref="FrameReport"/>. Live monitoring and offline analysis use the same engine.
/// </summary>
public sealed class MonitorEngine
{
    private readonly MonitorOptions _options;
    private readonly FramePipeline _pipeline;
    private readonly string[] _windowNames;
    private readonly double[] _signals;
    private readonly DoseBudget _budget;
    private readonly KineticsLawTracker _laws = new();
    private readonly MeasurementProblemTracker _problems = new();
    private IDamageModel? _model;
    private ModelSnapshot? _snapshot;
    private AlarmEvaluator? _alarms;
    private AlarmStatus? _alarm;
    private BudgetAlert _budgetAlert;
    private int _framesSinceRefit; // frames added to the model since its last refit

    /// <summary>Creates an engine with validated options.</summary>
    public MonitorEngine(MonitorOptions options)
    {
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        _pipeline = new FramePipeline(_options.Pipeline, _options.Limits);
        _windowNames = _options.Pipeline.Windows.Select(w => w.Name).ToArray();
        _signals = new double[_windowNames.Length];
        _budget = new DoseBudget(_options.Alarms.BudgetDoseEA2);
    }

    /// <summary>The pipeline, for its counters.</summary>
    public FramePipeline Pipeline => _pipeline;

    /// <summary>
    /// The current series' damage model (null without one), for reading its fit, e.g. the report's final curves. A new
    /// series gets a new model; the previous one keeps its last state.
    /// </summary>
    public IDamageModel? Model => _model;

    /// <summary>The latest model snapshot of the current series.</summary>
    public ModelSnapshot? LatestSnapshot => _snapshot;

    /// <summary>
    /// Processes one message. When <paramref name="coalesceRefit"/> is true (more frames are already queued),
    /// the frame is added to the model but the refit waits for the last of them, or for the
    /// <see cref="ModelOptions.MaxFramesPerRefit"/>-th frame since the last refit, so the engine never lags more than one
    /// refit behind; the frame's report then carries the previous estimates and <c>fit_ms</c> null. A frame's
    /// <see cref="FrameReported"/> is followed by an <see cref="AlarmChanged"/> when the alarm or budget alert changed, and by a
    /// <see cref="KineticsChanged"/> for each window whose fit changed kinetics law, and by a <see cref="MeasurementProblemFound"/> for each
    /// problem that keeps windows from being measured, the first time the series shows it.
    /// </summary>
    public IReadOnlyList<PipelineEvent> Process(RecordedMessage message, bool coalesceRefit = false)
    {
        var events = _pipeline.Process(message);
        var results = new List<PipelineEvent>(events.Count + 1);
        foreach (var e in events)
        {
            switch (e)
            {
                case SeriesStarted started:
                    results.Add(OnSeriesStarted(started));
                    break;
                case FrameMeasured measured:
                    var reported = OnFrame(measured, coalesceRefit, out bool alarmChanged, out bool budgetChanged);
                    results.Add(reported);
                    if (alarmChanged || budgetChanged)
                    {
                        results.Add(new AlarmChanged(reported.Report, reported.Alarm, reported.Budget)
                        {
                            ReceivedUnixS = reported.ReceivedUnixS,
                            DamageAlarmChanged = alarmChanged,
                            BudgetChanged = budgetChanged,
                        });
                    }

                    AddLawChanges(reported, results);
                    AddMeasurementProblems(reported, measured.Measurement, results);
                    break;
                default:
                    results.Add(e);
                    break;
            }
        }

        return results;
    }

    private SeriesStarted OnSeriesStarted(SeriesStarted started)
    {
        _snapshot = null;
        _alarm = null;
        _budgetAlert = BudgetAlert.None;
        _laws.Reset();
        _problems.Reset();
        _framesSinceRefit = 0;
        _model = _options.Model is { } kind ? DamageModels.Create(kind, _windowNames, _options.ModelOptions) : null;
        _alarms = _model is null ? null : new AlarmEvaluator(_options.Alarms);
        return started;
    }

    /// <summary>Adds a <see cref="KineticsChanged"/> for every window whose law differs from the one it followed before this frame.</summary>
    private void AddLawChanges(FrameReported reported, List<PipelineEvent> results)
    {
        foreach (var (window, previous, current) in _laws.Observe(reported.Report))
        {
            results.Add(new KineticsChanged(reported.Report, window, previous, current) { ReceivedUnixS = reported.ReceivedUnixS });
        }
    }

    /// <summary>Adds a <see cref="MeasurementProblemFound"/> for every problem this frame shows for the first time in its series.</summary>
    private void AddMeasurementProblems(FrameReported reported, FrameMeasurement measurement, List<PipelineEvent> results)
    {
        foreach (var (kind, windows) in _problems.Observe(measurement, _options.Pipeline.Windows))
        {
            results.Add(new MeasurementProblemFound(reported.Report, kind, windows, measurement.Spectrum, _options.Pipeline.Normalisation) { ReceivedUnixS = reported.ReceivedUnixS });
        }
    }

    private FrameReported OnFrame(FrameMeasured measured, bool coalesceRefit, out bool alarmChanged, out bool budgetChanged)
    {
        var m = measured.Measurement;
        double? fitMs = null;
        alarmChanged = false;
        budgetChanged = false;
        if (_model is not null)
        {
            bool complete = true;
            for (int w = 0; w < _signals.Length; w++)
            {
                if (m.Signals[w] is { } s)
                {
                    _signals[w] = s;
                }
                else
                {
                    complete = false;
                }
            }

            if (complete)
            {
                _model.Add(m.Dose.MidDoseEA2, _signals);
                _framesSinceRefit++;
            }

            // A refit does the work of at most MaxFramesPerRefit new frames, so coalescing stops there: however fast frames
            // arrive, the estimates and alarms are at most that many frames old (live, 4,096 queued frames had shared a refit).
            if ((!coalesceRefit || _framesSinceRefit >= _options.ModelOptions.MaxFramesPerRefit) && _model.FrameCount > 0)
            {
                _framesSinceRefit = 0;
                _snapshot = _model.Refit(m.Dose.CumulativeEA2);
                fitMs = _snapshot.FitMilliseconds;
                _alarm = _alarms!.Evaluate(_snapshot, m.Dose.CumulativeEA2, m.Dose.RateEA2PerS);
                alarmChanged = _alarm.Changed;
            }
        }

        var budget = _budget.Evaluate(m.Dose.CumulativeEA2, m.Dose.RateEA2PerS);
        if (budget.Alert != _budgetAlert)
        {
            _budgetAlert = budget.Alert;
            budgetChanged = true;
        }

        var report = BuildReport(m, measured.RejectedTotal, fitMs, budget);
        return new FrameReported(report, m, _snapshot) { ReceivedUnixS = measured.ReceivedUnixS, Alarm = _alarm, Budget = budget };
    }

    private FrameReport BuildReport(FrameMeasurement m, long rejected, double? fitMs, BudgetStatus budget)
    {
        var windows = _options.Pipeline.Windows;
        var reports = new WindowReport[windows.Count];
        for (int w = 0; w < windows.Count; w++)
        {
            var e = _snapshot?.Windows[w];
            reports[w] = new WindowReport(
                windows[w].Name, windows[w].LoEv, windows[w].HiEv, m.Integrals[w], m.Signals[w],
                e?.Integrity, e?.IntegrityLo, e?.IntegrityHi, e?.D50EA2, e?.D50LoEA2, e?.D50HiEA2, e?.CrossDoseEA2)
            {
                Kinetics = e?.Kinetics,
                SignalChangeZ = e?.SignalChangeZ,
                CrossDoseLoEA2 = e?.CrossDoseLoEA2,
                CrossDoseHiEA2 = e?.CrossDoseHiEA2,
            };
        }

        return new FrameReport(
            m.Frame.SeriesId, m.Frame.Seq, m.Frame.T, m.Dose.CumulativeEA2, m.Dose.Estimated, m.Dose.RateEA2PerS,
            m.LostFrames, rejected, reports, (_alarm?.Level ?? AlarmLevel.Ok).ToWireName(), _alarm?.AlarmWindows ?? [], budget.Used, fitMs);
    }
}
