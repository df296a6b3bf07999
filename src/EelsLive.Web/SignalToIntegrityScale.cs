namespace EelsLive.Web;

/// <summary>
/// The model's affine map from a window's normalised signal to integrity, estimated by least squares over the
/// recent (fitted signal, integrity) pairs of the model, so measured signals can be drawn on the integrity axis.
/// </summary>
internal readonly record struct SignalToIntegrityScale(double Intercept, double Slope)
{
    /// <summary>How many of the most recent points the map is fitted on.</summary>
    public const int RecentPoints = 200;

    /// <summary>Integrity that the model's current map gives a measured <paramref name="signal"/>.</summary>
    public double Apply(double signal) => Intercept + (Slope * signal);

    /// <summary>Fits the map, or returns null while the fitted signals do not vary enough to define it.</summary>
    public static SignalToIntegrityScale? Fit(IReadOnlyList<double> fittedSignal, IReadOnlyList<double> integrity)
    {
        int start = Math.Max(0, fittedSignal.Count - RecentPoints);
        double n = 0, sx = 0, sy = 0;
        for (int i = start; i < fittedSignal.Count; i++)
        {
            if (double.IsFinite(fittedSignal[i]) && double.IsFinite(integrity[i]))
            {
                n++;
                sx += fittedSignal[i];
                sy += integrity[i];
            }
        }

        if (n < 3)
        {
            return null;
        }

        double mx = sx / n, my = sy / n, sxx = 0, sxy = 0;
        for (int i = start; i < fittedSignal.Count; i++)
        {
            if (double.IsFinite(fittedSignal[i]) && double.IsFinite(integrity[i]))
            {
                double dx = fittedSignal[i] - mx;
                sxx += dx * dx;
                sxy += dx * (integrity[i] - my);
            }
        }

        if (!(sxx > 1e-12 * Math.Max(mx * mx, 1e-300) * n))
        {
            return null;
        }

        double slope = sxy / sxx;
        return double.IsFinite(slope) ? new SignalToIntegrityScale(my - (slope * mx), slope) : null;
    }
}
