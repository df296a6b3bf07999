using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EelsLive.Alarms;
using EelsLive.Engine;
using EelsLive.Model.Fitting;
using EelsLive.Outputs;
using EelsLive.Pipeline;

namespace EelsLive.Web;

/// <summary>
/// What the dashboard shows, folded from the engine's events: the latest report and spectrum, counters, the
/// alarm and a bounded history per window. Events arrive on the processing thread; payloads are read from others.
/// </summary>
internal sealed class DashboardState
{
    private const int ColumnsPerWindow = 4;
    private const int SignalColumn = 0, IntegrityColumn = 1, LoColumn = 2, HiColumn = 3;

    private readonly DashboardOptions _options;
    private readonly FrameRateMeter _rate;
    private readonly Lock _gate = new();
    private string[] _windowNames = [];
    private DoseHistory? _history;
    private double[] _row = [];
    private Amplitudes?[] _observation = [];
    private string? _seriesId;
    private bool _seriesEnded;
    private long _seriesFrames;
    private long _rejected;
    private FrameReport? _latest;
    private FrameMeasurement? _latestMeasurement;
    private AlarmState _alarm = AlarmState.Ok;
    private FrameReport? _alarmReport;
    private BudgetStatus _budget = BudgetStatus.None;
    private readonly Dictionary<string, double> _lawChangedAt = new(StringComparer.Ordinal);
    private readonly List<MeasurementProblemFound> _measurementProblems = [];

    /// <summary>Creates an empty state.</summary>
    public DashboardState(DashboardOptions options)
    {
        _options = options;
        _rate = new FrameRateMeter(options.TimeProvider);
    }

    /// <summary>Folds one event in; returns true when it changed the alarm level, its windows or the budget alert (push an <c>alarm</c> event at once).</summary>
    public bool Observe(PipelineEvent e)
    {
        lock (_gate)
        {
            switch (e)
            {
                case SeriesStarted started:
                    _seriesId = started.SeriesId;
                    _seriesEnded = false;
                    _seriesFrames = 0;
                    _latest = null;
                    _latestMeasurement = null;
                    _history?.Clear();
                    Array.Clear(_observation);
                    _rate.Reset();
                    _alarmReport = null;
                    _budget = BudgetStatus.None;
                    _lawChangedAt.Clear();
                    _measurementProblems.Clear();
                    return SetAlarm(AlarmState.Ok);
                case FrameReported f:
                    OnFrame(f);
                    _alarmReport = f.Report;
                    return SetAlarm(new AlarmState(f.Report.Alarm, [.. f.Report.AlarmWindows]));
                case AlarmChanged a:
                    // The engine's own change notice also covers the dose-budget alert, which the level alone does not show.
                    _alarmReport = a.Report;
                    bool budgetChanged = a.Budget.Alert != _budget.Alert;
                    _budget = a.Budget;
                    return SetAlarm(new AlarmState(a.Report.Alarm, [.. a.Report.AlarmWindows])) | budgetChanged;
                case KineticsChanged k:
                    _lawChangedAt[k.Window] = k.Report.DoseEA2;
                    return false;
                case MeasurementProblemFound problem:
                    _measurementProblems.Add(problem);
                    return false;
                case MessageRejected r:
                    _rejected = Math.Max(_rejected, r.RejectedTotal);
                    return false;
                case SeriesEnded:
                    _seriesEnded = true;
                    return false;
                default:
                    return false;
            }
        }
    }

    /// <summary>The <c>state</c> payload: counters, the latest report and the decimated history.</summary>
    public string StateJson()
    {
        lock (_gate)
        {
            return Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("series_id", _seriesId);
                writer.WriteBoolean("series_ended", _seriesEnded);
                writer.WriteNumber("frames", _seriesFrames);
                writer.WriteNumber("frames_per_s", Math.Round(_rate.FramesPerSecond(), 2));
                writer.WriteNumber("rejected_messages", Math.Max(_rejected, _latest?.RejectedMessages ?? 0));
                writer.WriteNumber("threshold", _options.Threshold);
                Number(writer, "dose_budget_e_a2", _options.DoseBudgetEA2);
                WriteKinetics(writer);
                WriteMeasurementProblems(writer);
                writer.WritePropertyName("latest");
                if (_latest is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    FrameReportJson.Write(writer, _latest);
                }

                WriteHistory(writer);
                writer.WriteEndObject();
            });
        }
    }

    /// <summary>The <c>alarm</c> payload: level, windows and where in the series it was set.</summary>
    public string AlarmJson()
    {
        lock (_gate)
        {
            return Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("alarm", _alarm.Level);
                writer.WriteStartArray("alarm_windows");
                foreach (string name in _alarm.Windows)
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
                writer.WriteString("budget_alert", _budget.Alert.ToString().ToLowerInvariant());
                Number(writer, "budget_used", _alarmReport?.BudgetUsed);
                writer.WriteString("series_id", _seriesId);
                Number(writer, "seq", _alarmReport?.Seq);
                Number(writer, "dose_e_a2", _alarmReport?.DoseEA2);
                writer.WriteEndObject();
            });
        }
    }

    /// <summary>The <c>spectrum</c> payload: the latest spectrum on the aligned energy axis with the windows, or null before any frame.</summary>
    public string? SpectrumJson()
    {
        lock (_gate)
        {
            if (_latestMeasurement is not { } m || _latest is not { } report)
            {
                return null;
            }

            return Write(writer =>
            {
                var frame = m.Frame;
                double offset = frame.OffsetEv - (m.ZeroLossEv ?? 0);
                writer.WriteStartObject();
                writer.WriteString("series_id", frame.SeriesId);
                writer.WriteNumber("seq", frame.Seq);
                Number(writer, "dose_e_a2", report.DoseEA2);
                writer.WriteBoolean("aligned", m.ZeroLossEv is not null);
                writer.WriteStartArray("energy_ev");
                for (int i = 0; i < frame.Channels; i++)
                {
                    writer.WriteNumberValue(Math.Round(offset + (i * frame.DispersionEv), 6));
                }

                writer.WriteEndArray();
                writer.WriteStartArray("counts");
                foreach (double c in frame.Counts.ToArray())
                {
                    PlotValue(writer, c);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("windows");
                foreach (var w in report.Windows)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", w.Name);
                    writer.WriteNumber("lo_ev", w.LoEv);
                    writer.WriteNumber("hi_ev", w.HiEv);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
        }
    }

    private void OnFrame(FrameReported f)
    {
        var report = f.Report;
        _seriesId = report.SeriesId;
        _seriesFrames++;
        _latest = report;
        _latestMeasurement = f.Measurement;
        _rate.Count();
        if (_history is null || !_windowNames.SequenceEqual(report.Windows.Select(w => w.Name)))
        {
            _windowNames = [.. report.Windows.Select(w => w.Name)];
            _history = new DoseHistory(_options.HistoryCapacity, _windowNames.Length * ColumnsPerWindow);
            _row = new double[_windowNames.Length * ColumnsPerWindow];
            _observation = new Amplitudes?[_windowNames.Length];
        }

        for (int w = 0; w < report.Windows.Count; w++)
        {
            var window = report.Windows[w];
            int at = w * ColumnsPerWindow;
            _row[at + SignalColumn] = window.Signal ?? double.NaN;
            _row[at + IntegrityColumn] = window.Integrity ?? double.NaN;
            _row[at + LoColumn] = window.IntegrityLo ?? double.NaN;
            _row[at + HiColumn] = window.IntegrityHi ?? double.NaN;
            if (f.Snapshot?.Find(window.Name) is { } estimate)
            {
                _observation[w] = estimate.Observation;
            }
        }

        _history.Add(report.DoseEA2, _row);
    }

    private bool SetAlarm(AlarmState alarm)
    {
        if (!alarm.DiffersFrom(_alarm))
        {
            return false;
        }

        _alarm = alarm;
        return true;
    }

    /// <summary>
    /// <c>kinetic_orders_given</c> (window → order and uncertainty, as <c>--kinetic-order</c> gave them) and
    /// <c>kinetics_changed_e_a2</c> (window → the dose at which its fit last changed kinetics law in this series).
    /// </summary>
    /// <summary>
    /// <c>measurement_problems</c>: what kept windows of this series from being measured, in the order found, e.g.
    /// <c>{"kind": "outside_spectrum", "windows": ["c_c"], "seq": 0, "spectrum_lo_ev": 249.95, "spectrum_hi_ev": 352.35,
    /// "normalisation": "zlp"}</c> (kinds <c>no_reference</c>, <c>outside_spectrum</c>, <c>partly_outside_spectrum</c>).
    /// </summary>
    private void WriteMeasurementProblems(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("measurement_problems");
        foreach (var problem in _measurementProblems)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", problem.Kind switch
            {
                MeasurementProblemKind.NoReference => "no_reference",
                MeasurementProblemKind.OutsideSpectrum => "outside_spectrum",
                _ => "partly_outside_spectrum",
            });
            writer.WriteStartArray("windows");
            foreach (var (window, _) in problem.Windows)
            {
                writer.WriteStringValue(window.Name);
            }

            writer.WriteEndArray();
            writer.WriteNumber("seq", problem.Report.Seq);
            writer.WriteNumber("spectrum_lo_ev", Math.Round(problem.Spectrum.LoEv, 3));
            writer.WriteNumber("spectrum_hi_ev", Math.Round(problem.Spectrum.HiEv, 3));
            writer.WriteString("normalisation", problem.Normalisation == Normalisation.ZeroLoss ? "zlp" : "total");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private void WriteKinetics(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("kinetic_orders_given");
        foreach (var known in _options.KnownOrders)
        {
            writer.WriteStartObject(known.Window);
            writer.WriteNumber("order", known.Order);
            writer.WriteNumber("uncertainty", known.Uncertainty);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("kinetics_changed_e_a2");
        foreach (var (window, dose) in _lawChangedAt)
        {
            writer.WriteNumber(window, dose);
        }

        writer.WriteEndObject();
    }

    private void WriteHistory(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("history");
        var history = _history;
        writer.WriteStartArray("dose");
        if (history is not null)
        {
            foreach (double d in history.Dose)
            {
                PlotValue(writer, d);
            }
        }

        writer.WriteEndArray();
        writer.WriteStartObject("windows");
        for (int w = 0; history is not null && w < _windowNames.Length; w++)
        {
            int at = w * ColumnsPerWindow;
            writer.WriteStartObject(_windowNames[w]);
            Column(writer, "signal", history.Column(at + SignalColumn));
            Column(writer, "integrity", history.Column(at + IntegrityColumn));
            Column(writer, "integrity_lo", history.Column(at + LoColumn));
            Column(writer, "integrity_hi", history.Column(at + HiColumn));
            // Every measured signal read as integrity with the latest fit's levels, (S − S∞)/(S0 − S∞).
            writer.WriteStartArray("data_integrity");
            if (_observation[w] is { Amplitude: not 0 } observation)
            {
                foreach (double signal in history.Column(at + SignalColumn))
                {
                    PlotValue(writer, (signal - observation.Asymptote) / observation.Amplitude);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void Column(Utf8JsonWriter writer, string name, IReadOnlyList<double> values)
    {
        writer.WriteStartArray(name);
        foreach (double v in values)
        {
            PlotValue(writer, v);
        }

        writer.WriteEndArray();
    }

    private static void NumberValue(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Writes a plotted value with 6 significant digits (ample for a screen, a third of the bytes of round-trip digits).</summary>
    private static void PlotValue(Utf8JsonWriter writer, double value)
    {
        Span<byte> text = stackalloc byte[32];
        if (double.IsFinite(value) && value.TryFormat(text, out int written, "G6", CultureInfo.InvariantCulture))
        {
            writer.WriteRawValue(text[..written], skipInputValidation: true);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        writer.WritePropertyName(name);
        NumberValue(writer, value ?? double.NaN);
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
