using EelsLive.Protocol;

namespace EelsLive.Pipeline;

/// <summary>What the pipeline measured on one accepted frame: its dose, alignment and window integrals.</summary>
public sealed record FrameMeasurement(
    FrameMessage Frame,
    DoseStep Dose,
    long LostFrames,
    double? ZeroLossEv,
    double TotalCounts,
    IReadOnlyList<double> Integrals,
    IReadOnlyList<double?> Signals);
