namespace EelsLive.Model.Tests.Simulation;

/// <summary>A simulated window: S = S∞ + (S0 − S∞)·I(D) with relative Gaussian noise.</summary>
public sealed record SyntheticWindow(string Name, double InitialSignal, double FinalSignal, IntegrityCurve Curve)
{
    /// <summary>Noise-free signal averaged over a frame's dose interval [from, to] (Simpson's rule).</summary>
    public double MeanSignal(double from, double to)
    {
        var mid = 0.5 * (from + to);
        var integrity = (Curve.Integrity(from) + 4 * Curve.Integrity(mid) + Curve.Integrity(to)) / 6;
        return FinalSignal + (InitialSignal - FinalSignal) * integrity;
    }
}
