namespace EelsLive.Reports;

/// <summary>One recorded spectrum on the zero-loss-aligned energy axis, with the dose it was taken at.</summary>
public sealed record SpectrumSample(string SeriesId, long Seq, double DoseEA2, IReadOnlyList<double> EnergyEv, IReadOnlyList<double> Counts);
