using EelsLive.Protocol;

namespace EelsLive.Pipeline;

/// <summary>What the pipeline measured on one accepted frame: its dose, alignment and window integrals.</summary>
/// <param name="Frame">The frame as received.</param>
/// <param name="Dose">Its dose bookkeeping.</param>
/// <param name="LostFrames">Frames lost in the series so far.</param>
/// <param name="ZeroLossEv">Where the zero-loss peak was found on the frame's own axis, or null (not searched or not found).</param>
/// <param name="ReferenceCounts">What the integrals are divided by: the zero-loss integral or the total.</param>
/// <param name="Integrals">Window integrals, in window order.</param>
/// <param name="Signals">Integral / reference per window; null when the reference is not positive.</param>
public sealed record FrameMeasurement(
    FrameMessage Frame,
    DoseStep Dose,
    long LostFrames,
    double? ZeroLossEv,
    double ReferenceCounts,
    IReadOnlyList<double> Integrals,
    IReadOnlyList<double?> Signals)
{
    /// <summary>The energy-loss range the frame's channels cover after zero-loss alignment (on its own axis when not aligned).</summary>
    public EnergyRange Spectrum { get; init; }

    /// <summary>Sum of all counts, computed when asked: the default zero-loss normalisation does not need it.</summary>
    public double TotalCounts => WindowIntegrator.Total(Frame.Counts);
}
