namespace EelsLive.Reports;

/// <summary>A window's true integrity curve I(D), known for a simulated session, drawn beside the model's estimates.</summary>
/// <param name="Window">The window's name.</param>
/// <param name="Integrity">The true integrity at a cumulative dose (e/Å²).</param>
/// <param name="D50EA2">The true half-integrity dose, or null when the window never halves.</param>
public sealed record TrueIntegrity(string Window, Func<double, double> Integrity, double? D50EA2)
{
    /// <summary>The dose where the (non-increasing) true integrity first falls to <paramref name="threshold"/>, or null when it does not by <paramref name="maxDoseEA2"/>.</summary>
    public double? DoseAtIntegrity(double threshold, double maxDoseEA2 = 1e8)
    {
        if (!(Integrity(maxDoseEA2) <= threshold))
        {
            return null;
        }

        double lo = 0, hi = maxDoseEA2;
        for (int i = 0; i < 200 && hi - lo > 1e-9 * hi; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Integrity(mid) <= threshold)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi;
    }
}
