using EelsLive.Engine;
using EelsLive.Model;

namespace EelsLive.Reports;

/// <summary>What the report keeps of one re-analysed series: its model, last snapshot, each frame's mid dose and signals, and its first alarms.</summary>
internal sealed class SeriesTrace
{
    public IDamageModel? Model { get; private set; }

    public ModelSnapshot? Snapshot { get; private set; }

    public List<double> MidDosesEA2 { get; } = [];

    public List<IReadOnlyList<double?>> Signals { get; } = [];

    public FirstAlarms Alarms { get; } = new();

    /// <summary>Takes one frame; <paramref name="model"/> is the engine's model for the frame's series.</summary>
    public void Add(FrameReported frame, IDamageModel? model)
    {
        Model = model;
        Snapshot = frame.Snapshot ?? Snapshot;
        MidDosesEA2.Add(frame.Measurement.Dose.MidDoseEA2);
        Signals.Add(frame.Measurement.Signals);
        Alarms.Observe(frame);
    }
}
