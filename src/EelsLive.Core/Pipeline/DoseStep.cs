namespace EelsLive.Pipeline;

/// <summary>The dose bookkeeping for one accepted frame.</summary>
/// <param name="CumulativeEA2">Running total after this frame, e/Å².</param>
/// <param name="FrameDoseEA2">This frame's own fluence, e/Å².</param>
/// <param name="MidDoseEA2">The dose at the middle of this frame's exposure: cumulative minus half the frame's dose.</param>
/// <param name="Estimated">True when any part of the total was estimated (lost frames without a cumulative total).</param>
/// <param name="RateEA2PerS">Current dose rate, e/Å²/s.</param>
/// <param name="Source">What set this frame's dose.</param>
public readonly record struct DoseStep(
    double CumulativeEA2,
    double FrameDoseEA2,
    double MidDoseEA2,
    bool Estimated,
    double RateEA2PerS,
    DoseSource Source);
