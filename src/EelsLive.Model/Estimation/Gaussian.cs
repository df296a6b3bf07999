using MathNet.Numerics;

namespace EelsLive.Model.Estimation;

/// <summary>Standard normal helpers.</summary>
public static class Gaussian
{
    /// <summary>z of the central 90% interval (the 95% quantile).</summary>
    public const double Z90 = 1.6448536269514722;

    /// <summary>Standard normal cumulative distribution Φ(x).</summary>
    public static double Cdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));

    /// <summary>P(Y ≥ threshold) for Y ~ N(center, sd²); a step function when sd = 0.</summary>
    public static double ProbabilityAbove(double center, double sd, double threshold)
    {
        if (!(sd > 0))
        {
            return center >= threshold ? 1 : 0;
        }

        return Cdf((center - threshold) / sd);
    }
}
