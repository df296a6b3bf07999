namespace EelsLive.Model.Estimation;

/// <summary>A window's fitted integrity curve over a set of doses, with its central 90% interval, read from a log-hazard band.</summary>
/// <param name="DoseEA2">The doses (e/Å²), in the order given.</param>
/// <param name="Integrity">Point estimate of I(D) at each dose.</param>
/// <param name="Lo">Lower end of the central 90% interval at each dose.</param>
/// <param name="Hi">Upper end of the central 90% interval at each dose.</param>
public sealed record FittedCurve(double[] DoseEA2, double[] Integrity, double[] Lo, double[] Hi)
{
    /// <summary>Evaluates <paramref name="band"/> of <paramref name="window"/> at each of <paramref name="dosesEA2"/> (each ≥ 0).</summary>
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

        return new FittedCurve(dosesEA2.ToArray(), integrity, lo, hi);
    }
}
