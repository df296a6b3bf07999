namespace EelsLive.Simulation;

/// <summary>Finds the dose where any non-increasing integrity curve crosses a threshold, by bracketing and bisection.</summary>
public static class IntegrityBisection
{
    /// <summary>
    /// The dose where <paramref name="kinetics"/> first reaches <paramref name="threshold"/>, to a relative tolerance of about 1e-12,
    /// or <see cref="double.PositiveInfinity"/> when it is still above the threshold at <paramref name="maxDoseEA2"/>.
    /// </summary>
    public static double DoseAtIntegrity(IDamageKinetics kinetics, double threshold, double maxDoseEA2 = 1e12)
    {
        ArgumentNullException.ThrowIfNull(kinetics);
        KineticsGuard.Threshold(threshold);
        double hi = 1;
        while (kinetics.Integrity(hi) > threshold)
        {
            hi *= 2;
            if (hi > maxDoseEA2)
            {
                return double.PositiveInfinity;
            }
        }

        double lo = 0;
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (kinetics.Integrity(mid) > threshold)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }
}
