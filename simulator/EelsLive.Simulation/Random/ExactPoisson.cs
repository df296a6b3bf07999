namespace EelsLive.Simulation;

/// <summary>Exact Poisson deviates for small means by sequential inversion of the cumulative distribution.</summary>
internal static class ExactPoisson
{
    /// <summary>A Poisson deviate with mean <paramref name="mean"/> (intended for means up to a few tens).</summary>
    public static double Sample(double mean, ref Xoshiro256StarStar rng)
    {
        if (mean <= 0)
        {
            return 0;
        }

        double u = rng.NextDouble();
        double probability = Math.Exp(-mean);
        double cumulative = probability;
        int k = 0;
        while (u > cumulative && k < 1000)
        {
            k++;
            probability *= mean / k;
            cumulative += probability;
        }

        return k;
    }
}
