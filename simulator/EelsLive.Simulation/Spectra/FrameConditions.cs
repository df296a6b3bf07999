namespace EelsLive.Simulation;

/// <summary>The hidden state under which one simulated frame was acquired: its dose interval, drift and beam-current factor.</summary>
/// <param name="Seq">Frame number from 0.</param>
/// <param name="DoseBeforeEA2">Cumulative dose at the start of the exposure, e/Å².</param>
/// <param name="DoseEA2">This frame's fluence, e/Å².</param>
/// <param name="CumulativeDoseEA2">Cumulative dose including this frame, e/Å² (exactly (seq + 1)·dose per frame).</param>
/// <param name="DriftEv">Energy shift of the whole spectrum (zero-loss peak centre), eV.</param>
/// <param name="BeamFactor">Beam current relative to nominal; scales every count.</param>
public readonly record struct FrameConditions(
    long Seq,
    double DoseBeforeEA2,
    double DoseEA2,
    double CumulativeDoseEA2,
    double DriftEv,
    double BeamFactor);
