namespace EelsLive.Model.Estimation;

/// <summary>A window's fitted integrity curve over a set of doses, with its central 90% interval, read from a log-hazard band.</summary>
/// <param name="DoseEA2">The doses (e/Å²), in the order given.</param>
/// <param name="Integrity">Point estimate of I(D) at each dose.</param>
/// <param name="Lo">Lower end of the central 90% interval at each dose.</param>
/// <param name="Hi">Upper end of the central 90% interval at each dose.</param>
public sealed record FittedCurve(double[] DoseEA2, double[] Integrity, double[] Lo, double[] Hi)
{
    /// <summary>
    /// Evaluates <paramref name="band"/> of <paramref name="window"/> at each of <paramref name="dosesEA2"/> (each ≥ 0). Integrity
    /// never rises with dose, so the interval is made monotone as well: the upper end at a dose is at most the upper end at
    /// any smaller dose given, the lower end at least the lower end at any larger one (far beyond the data the band's
    /// spread grows faster than its centre, and the raw upper end rose again there, e.g. 0.61 at 8,000 e/Å² to 0.63 at 16,000).
    /// </summary>
    public static FittedCurve From(ILogHazardBand band, int window, ReadOnlySpan<double> dosesEA2)
    {
        ArgumentNullException.ThrowIfNull(band);
        int n = dosesEA2.Length;
        var centers = new double[n];
        var sds = new double[n];
        band.EvaluateMany(window, dosesEA2, centers, sds);
        var integrity = new double[n];
        var lo = new double[n];
        var hi = new double[n];
        for (int i = 0; i < n; i++)
        {
            integrity[i] = EstimateBuilder.IntegrityOf(centers[i]);
            lo[i] = EstimateBuilder.IntegrityOf(centers[i] + Gaussian.Z90 * sds[i]);
            hi[i] = EstimateBuilder.IntegrityOf(centers[i] - Gaussian.Z90 * sds[i]);
        }

        var doses = dosesEA2.ToArray();
        var order = Enumerable.Range(0, n).OrderBy(i => doses[i]).ToArray();
        for (int k = 1; k < n; k++)
        {
            hi[order[k]] = Math.Min(hi[order[k]], hi[order[k - 1]]);
        }

        for (int k = n - 2; k >= 0; k--)
        {
            lo[order[k]] = Math.Max(lo[order[k]], lo[order[k + 1]]);
        }

        return new FittedCurve(doses, integrity, lo, hi);
    }
}
