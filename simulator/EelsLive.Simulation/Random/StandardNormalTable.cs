namespace EelsLive.Simulation;

/// <summary>
/// Fast standard normal deviates by table inversion: 4096 equal-probability cells of the normal quantile function,
/// linearly interpolated, so one 32-bit random number gives one deviate with no transcendental call.
/// </summary>
/// <remarks>
/// The table is built once by integrating the normal density numerically. The two tail cells are uniform around the
/// true conditional tail mean (|z| ≤ about 3.9), and the whole table is scaled to unit variance exactly.
/// </remarks>
internal static class StandardNormalTable
{
    private const int CellBits = 12;
    private const int Cells = 1 << CellBits;
    private const int FractionBits = 32 - CellBits;
    private const double FractionScale = 1.0 / (1 << FractionBits);

    private static readonly double[] Quantiles = Build();

    /// <summary>The deviate for 32 uniform random bits.</summary>
    public static double FromBits(uint bits)
    {
        int cell = (int)(bits >> FractionBits);
        double fraction = (bits & ((1u << FractionBits) - 1)) * FractionScale;
        double lo = Quantiles[cell];
        return lo + fraction * (Quantiles[cell + 1] - lo);
    }

    private static double[] Build()
    {
        const double Limit = 9.0;
        const int Steps = 360_000;
        double step = 2 * Limit / Steps;
        double norm = 1 / Math.Sqrt(2 * Math.PI);
        var q = new double[Cells + 1];

        // Walk the CDF by the trapezoid rule and record where it crosses each j/Cells.
        double cdf = 0;
        double x = -Limit;
        double density = norm * Math.Exp(-0.5 * x * x);
        int next = 1;
        for (int i = 0; i < Steps && next < Cells; i++)
        {
            double x1 = x + step;
            double density1 = norm * Math.Exp(-0.5 * x1 * x1);
            double cdf1 = cdf + 0.5 * step * (density + density1);
            while (next < Cells && cdf1 >= (double)next / Cells)
            {
                double target = (double)next / Cells;
                q[next] = x + step * (target - cdf) / (cdf1 - cdf);
                next++;
            }

            x = x1;
            cdf = cdf1;
            density = density1;
        }

        // Symmetrise (removes the trapezoid rule's tiny drift) and close the tails around the conditional tail mean.
        for (int j = 1; j < Cells / 2; j++)
        {
            double m = 0.5 * (q[Cells - j] - q[j]);
            q[j] = -m;
            q[Cells - j] = m;
        }

        q[Cells / 2] = 0;
        double edge = q[Cells - 1];
        double tailMean = norm * Math.Exp(-0.5 * edge * edge) * Cells;
        q[Cells] = edge + 2 * (tailMean - edge);
        q[0] = -q[Cells];

        // Each cell is uniform on [q_j, q_j+1] with probability 1/Cells; scale to unit variance.
        double second = 0;
        for (int j = 0; j < Cells; j++)
        {
            double a = q[j];
            double b = q[j + 1];
            second += (a * a + a * b + b * b) / 3;
        }

        double scale = 1 / Math.Sqrt(second / Cells);
        for (int j = 0; j <= Cells; j++)
        {
            q[j] *= scale;
        }

        return q;
    }
}
