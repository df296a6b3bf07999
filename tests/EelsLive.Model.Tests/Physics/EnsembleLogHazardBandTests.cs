using EelsLive.Model.Physics;

namespace EelsLive.Model.Tests.Physics;

public class EnsembleLogHazardBandTests
{
    private static EnsembleLogHazardBand RandomBand(int seed, bool withCovariance)
    {
        var random = new Random(seed);
        var hazard = new MonotoneHazard(3, 100);
        const int members = 9;
        const int windows = 2;
        var band = new EnsembleLogHazardBand(hazard, members, windows, inflation: 1.3);
        var p = hazard.ParameterCount;
        for (var m = 0; m < members; m++)
        {
            var theta = new double[windows * p];
            for (var k = 0; k < windows; k++)
            {
                hazard.Initialize(theta.AsSpan(k * p, p), 300 + 2000 * random.NextDouble(), random.NextDouble, jitter: 0.5);
            }

            band.Load(m, theta);
        }

        for (var k = 0; k < windows; k++)
        {
            band.SetMisfitInflation(k, 1 + random.NextDouble());
            if (!withCovariance)
            {
                continue;
            }

            // A symmetric positive-definite covariance: A·Aᵀ + 0.1·𝟙.
            var a = new double[p * p];
            for (var i = 0; i < a.Length; i++)
            {
                a[i] = random.NextDouble() - 0.5;
            }

            var covariance = band.CovarianceOf(k);
            for (var i = 0; i < p; i++)
            {
                for (var j = 0; j < p; j++)
                {
                    var sum = i == j ? 0.1 : 0;
                    for (var l = 0; l < p; l++)
                    {
                        sum += a[i * p + l] * a[j * p + l];
                    }

                    covariance[i * p + j] = sum;
                }
            }

            band.SetCovarianceValid(k, true);
        }

        return band;
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Batched_band_equals_the_band_at_each_dose(int seed, bool withCovariance)
    {
        var band = RandomBand(seed, withCovariance);
        var doses = Enumerable.Range(0, 37).Select(i => i == 0 ? 0 : Math.Pow(10, -1 + 0.15 * i)).ToArray();
        var centers = new double[doses.Length];
        var sds = new double[doses.Length];
        for (var window = 0; window < 2; window++)
        {
            band.EvaluateMany(window, doses, centers, sds);
            for (var i = 0; i < doses.Length; i++)
            {
                band.Evaluate(window, doses[i], out var center, out var sd);
                Assert.True(Math.Abs(center - centers[i]) <= 1e-9 * Math.Max(1, Math.Abs(center)), $"centre at D={doses[i]}: {center:R} vs {centers[i]:R}");
                Assert.True(Math.Abs(sd - sds[i]) <= 1e-9 * Math.Max(1, sd), $"sd at D={doses[i]}: {sd:R} vs {sds[i]:R}");
                Assert.True(sd > 0 || i == 0, $"a band with jittered members has a spread at D={doses[i]}");
            }
        }
    }
}
