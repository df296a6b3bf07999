using System.Diagnostics.Metrics;
using EelsLive.Core.Tests.Support;
using EelsLive.Engine;
using EelsLive.Outputs;
using EelsLive.Protocol;
using EelsLive.Simulation;

namespace EelsLive.Core.Tests.Outputs;

public class MonitorMetricsTests
{
    [Fact]
    public void Instruments_count_frames_losses_rejections_and_report_the_dose()
    {
        var measurements = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MonitorMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => { lock (measurements) measurements[i.Name] = measurements.GetValueOrDefault(i.Name) + value; });
        listener.SetMeasurementEventCallback<double>((i, value, _, _) => { lock (measurements) measurements[i.Name] = value; });
        listener.Start();

        using var metrics = new MonitorMetrics();
        var engine = new MonitorEngine(new MonitorOptions { Model = null });
        foreach (long seq in new long[] { 0, 1, 4, 5 })
        {
            foreach (var e in engine.Process(TestFrames.Wire(TestFrames.Frame(seq, dose: 2))))
            {
                metrics.Observe(e);
            }
        }

        foreach (var e in engine.Process(TestFrames.Raw(WireTopics.Frame, [0xc1])))
        {
            metrics.Observe(e);
        }

        listener.RecordObservableInstruments();
        Assert.Equal(4, measurements["eelslive.frames"]);
        Assert.Equal(2, measurements["eelslive.frames.lost"]);
        Assert.Equal(1, measurements["eelslive.messages.rejected"]);
        Assert.Equal(12, measurements["eelslive.dose"], 9);
    }

    [Fact]
    public void Changes_of_a_windows_kinetics_law_are_counted_per_window()
    {
        var counted = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MonitorMetrics.MeterName && instrument.Name == "eelslive.kinetics.changes") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string window = (string)tags.ToArray().Single(t => t.Key == "window").Value!;
            counted[window] = counted.GetValueOrDefault(window) + value;
        });
        listener.Start();

        using var metrics = new MonitorMetrics();
        var events = SimulatedRun.Events(SimulationPresets.Stretched, seed: 1, frames: 200, series: ["a"]);
        foreach (var e in events)
        {
            metrics.Observe(e);
        }

        var expected = events.OfType<KineticsChanged>().GroupBy(c => c.Window).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(x => x.Key), counted.OrderBy(x => x.Key));
    }
}
