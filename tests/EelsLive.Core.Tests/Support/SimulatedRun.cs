using System.Text;
using EelsLive.Engine;
using EelsLive.Pipeline;
using EelsLive.Protocol;
using EelsLive.Protocol.Recording;
using EelsLive.Simulation;

namespace EelsLive.Core.Tests.Support;

/// <summary>Runs encoded simulated series through a real <see cref="MonitorEngine"/>.</summary>
internal static class SimulatedRun
{
    /// <summary>A real engine's events (physics model, default options) for simulated series of <paramref name="frames"/> frames each, one after the other.</summary>
    public static List<PipelineEvent> Events(SimulationPreset preset, int seed, int frames, IReadOnlyList<string> series)
    {
        var engine = new MonitorEngine(new MonitorOptions());
        var events = new List<PipelineEvent>();
        const double start = 1_700_000_000;
        foreach (var id in series)
        {
            var simulated = new SimulatedSeries(
                new SimulationScenario(preset, seed) { Dose = DoseSettings.PerFrame(25, 0.1) },
                new SeriesOptions { SeriesId = id, Frames = frames });
            events.AddRange(engine.Process(Wire(simulated.CreateStart(start))));
            foreach (var frame in simulated.Frames(start))
            {
                events.AddRange(engine.Process(Wire(frame.Message!)));
            }

            events.AddRange(engine.Process(Wire(simulated.CreateEnd(start, frames, EndReason.Completed))));
        }

        return events;
    }

    private static RecordedMessage Wire(WireMessage message) => new(0, [Encoding.UTF8.GetBytes(message.Topic), WireEncoder.Encode(message)]);
}
