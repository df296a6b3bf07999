using EelsLive.Model.Physics;

namespace EelsLive.Model.Tests.Physics;

public class EnsembleLogHazardBandTests
{
    private static EnsembleLogHazardBand RandomBand(int seed, bool withCovariance, double alternativeWeight = 0)
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
            var other = new double[p];
            hazard.Initialize(other, 300 + 2000 * random.NextDouble(), random.NextDouble, jitter: 0.5);
            band.LoadAlternative(k, other, dispersionFree: k == 0, alternativeWeight);
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
    [InlineData(4, true, 0.3)]
    [InlineData(5, false, 0.5)]
    public void Batched_band_equals_the_band_at_each_dose(int seed, bool withCovariance, double alternativeWeight = 0)
    {
        var band = RandomBand(seed, withCovariance, alternativeWeight);
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

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.35)]
    [InlineData(0.5)]
    public void The_other_law_adds_its_weighted_squared_deviation_to_the_variance(double weight)
    {
        var hazard = new MonotoneHazard(3, 100);
        var p = hazard.ParameterCount;
        var band = new EnsembleLogHazardBand(hazard, members: 5, windows: 1, inflation: 1.2);
        var random = new Random(7);
        for (var m = 0; m < 5; m++)
        {
            var theta = new double[p];
            hazard.Initialize(theta, 800, random.NextDouble, jitter: 0.5);
            band.Load(m, theta);
        }

        var other = new double[p];
        hazard.Initialize(other, 250, random.NextDouble, jitter: 0);
        var otherCoefficients = new double[hazard.CoefficientCount];
        hazard.Prepare(other, otherCoefficients, dispersionFree: true);
        foreach (var dose in new[] { 50.0, 400, 1500 })
        {
            band.LoadAlternative(0, other, dispersionFree: true, weight: 0);
            band.Evaluate(0, dose, out var center, out var sdWithout);
            band.LoadAlternative(0, other, dispersionFree: true, weight);
            band.Evaluate(0, dose, out var centerWith, out var sdWith);
            var deviation = Math.Log(hazard.Value(otherCoefficients, dose, hazard.U(dose))) - center;

            Assert.Equal(center, centerWith);
            Assert.True(Math.Abs(deviation) > 0.1, $"the test needs laws that differ at D={dose} (Δ = {deviation})");
            Assert.Equal(sdWithout * sdWithout + weight * deviation * deviation, sdWith * sdWith, 9);
        }
    }
}
