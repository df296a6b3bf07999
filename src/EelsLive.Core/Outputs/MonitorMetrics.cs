using System.Diagnostics.Metrics;
using EelsLive.Engine;
using EelsLive.Pipeline;

namespace EelsLive.Outputs;

/// <summary>
/// <see cref="System.Diagnostics.Metrics"/> instruments of a monitor run under the meter <c>EelsLive.Monitor</c>:
/// frames, lost frames, rejected messages, alarm changes, changes of a window's kinetics law, fit time and the cumulative dose,
/// for dotnet-counters or OpenTelemetry.
/// </summary>
public sealed class MonitorMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "EelsLive.Monitor";

    private readonly Meter _meter;
    private readonly Counter<long> _frames;
    private readonly Counter<long> _lost;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _alarms;
    private readonly Counter<long> _lawChanges;
    private readonly Counter<long> _measurementProblems;
    private readonly Histogram<double> _fitMs;
    private double _dose;
    private double _doseRate;
    private long _lostSoFar;

    /// <summary>Creates the instruments, from <paramref name="meterFactory"/> when given (dependency injection), else a standalone meter.</summary>
    public MonitorMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _frames = _meter.CreateCounter<long>("eelslive.frames", "{frame}", "Frames accepted and measured.");
        _lost = _meter.CreateCounter<long>("eelslive.frames.lost", "{frame}", "Frames lost in transit (sequence gaps).");
        _rejected = _meter.CreateCounter<long>("eelslive.messages.rejected", "{message}", "Messages rejected as malformed or out of order.");
        _alarms = _meter.CreateCounter<long>("eelslive.alarm.changes", "{change}", "Changes of the damage alarm or the dose-budget alert.");
        _lawChanges = _meter.CreateCounter<long>("eelslive.kinetics.changes", "{change}", "Changes of a window's kinetics law (tagged with the window).");
        _measurementProblems = _meter.CreateCounter<long>("eelslive.measurement.problems", "{problem}", "Problems that keep windows from being measured, once per series, kind and window (tagged with both).");
        _fitMs = _meter.CreateHistogram<double>("eelslive.fit.duration", "ms", "Wall time of one model refit.");
        _meter.CreateObservableGauge("eelslive.dose", () => Volatile.Read(ref _dose), "e/Å²", "Cumulative electron dose of the current series.");
        _meter.CreateObservableGauge("eelslive.dose.rate", () => Volatile.Read(ref _doseRate), "e/Å²/s", "Current dose rate.");
    }

    /// <summary>Records one engine event.</summary>
    public void Observe(PipelineEvent e)
    {
        switch (e)
        {
            case SeriesStarted:
                _lostSoFar = 0;
                break;
            case FrameReported f:
                _frames.Add(1);
                if (f.Report.LostFrames > _lostSoFar)
                {
                    _lost.Add(f.Report.LostFrames - _lostSoFar);
                    _lostSoFar = f.Report.LostFrames;
                }

                if (f.Report.FitMs is { } ms)
                {
                    _fitMs.Record(ms);
                }

                Volatile.Write(ref _dose, f.Report.DoseEA2);
                Volatile.Write(ref _doseRate, f.Report.DoseRateEA2PerS);
                break;
            case MessageRejected:
                _rejected.Add(1);
                break;
            case AlarmChanged:
                _alarms.Add(1);
                break;
            case KineticsChanged change:
                _lawChanges.Add(1, new KeyValuePair<string, object?>("window", change.Window));
                break;
            case MeasurementProblemFound problem:
                foreach (var (window, _) in problem.Windows)
                {
                    _measurementProblems.Add(1, new KeyValuePair<string, object?>("kind", problem.Kind.ToString()), new KeyValuePair<string, object?>("window", window.Name));
                }

                break;
        }
    }

    public void Dispose() => _meter.Dispose();
}
