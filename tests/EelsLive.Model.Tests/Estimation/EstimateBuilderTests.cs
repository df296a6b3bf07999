using EelsLive.Model.Estimation;
using EelsLive.Model.Fitting;

namespace EelsLive.Model.Tests.Estimation;

public class EstimateBuilderTests
{
    /// <summary>Single-exponential band with a constant spread: y = ln(kD), sd fixed.</summary>
    private sealed class ExponentialBand(double rate, double sd) : ILogHazardBand
    {
        public double Center(int window, double doseEA2) => Math.Log(rate * doseEA2);

        public void Evaluate(int window, double doseEA2, out double center, out double spread)
        {
            center = Center(window, doseEA2);
            spread = sd;
        }
    }

    [Fact]
    public void D50_bounds_and_crossing_probability_follow_the_band()
    {
        var rate = Math.Log(2) / 1000;
        const double sd = 0.2;
        var options = new ModelOptions();
        var estimate = new EstimateBuilder(options).Build(new ExponentialBand(rate, sd), 0, "c_c", 800, new Amplitudes(0.02, 0.03), changeZ: -50);

        Assert.Equal(1000, estimate.D50EA2!.Value, 3);
        Assert.Equal(1000 * Math.Exp(-Gaussian.Z90 * sd), estimate.D50LoEA2!.Value, 1000 * 0.01);
        Assert.Equal(1000 * Math.Exp(Gaussian.Z90 * sd), estimate.D50HiEA2!.Value, 1000 * 0.01);
        Assert.Equal(Math.Exp(-rate * 800), estimate.Integrity, 12);
        Assert.True(estimate.IntegrityLo < estimate.Integrity && estimate.Integrity < estimate.IntegrityHi);
        var expected = Gaussian.Cdf((Math.Log(rate * 1000) - Math.Log(Math.Log(2))) / sd);
        Assert.Equal(expected, estimate.CrossProbability, 12);
        Assert.Equal(0.02 + 0.03 * estimate.Integrity, estimate.Signal, 12);
        Assert.False(estimate.Crossed);
        Assert.False(estimate.Rising);
    }

    [Fact]
    public void Without_a_significant_change_nothing_is_forecast()
    {
        var estimate = new EstimateBuilder(new ModelOptions()).Build(new ExponentialBand(Math.Log(2) / 1000, 0.1), 0, "c_c", 1500, new Amplitudes(0.02, 0.03), changeZ: 1);
        Assert.Null(estimate.D50EA2);
        Assert.Null(estimate.CrossDoseEA2);
        Assert.Equal(0, estimate.CrossProbability);
        Assert.False(estimate.Crossed);
        Assert.NotNull(estimate.D50LoEA2);
    }

    [Fact]
    public void A_wide_band_makes_D50_not_estimable_but_keeps_an_honest_lower_bound()
    {
        var rate = Math.Log(2) / 1000;
        var estimate = new EstimateBuilder(new ModelOptions()).Build(new ExponentialBand(rate, 1.5), 0, "c_c", 200, new Amplitudes(0.02, 0.03), changeZ: -10);
        Assert.Null(estimate.D50EA2);
        Assert.True(estimate.D50LoEA2 < 1000);
        Assert.Equal(1000 * Math.Exp(-Gaussian.Z90 * 1.5), estimate.D50LoEA2!.Value, 1000 * 0.02);
    }

    /// <summary>Single-exponential centre whose spread blows up towards D = 0 (ln Λ unidentified there, e.g. after incubation).</summary>
    private sealed class LowDoseWideBand(double rate, double sd) : ILogHazardBand
    {
        public double Center(int window, double doseEA2) => Math.Log(rate * doseEA2);

        public void Evaluate(int window, double doseEA2, out double center, out double spread)
        {
            center = Center(window, doseEA2);
            spread = doseEA2 < 100 ? 20 : sd;
        }
    }

    [Fact]
    public void A_spurious_low_dose_excursion_of_the_band_does_not_set_the_D50_lower_bound()
    {
        var rate = Math.Log(2) / 1000;
        const double sd = 0.2;
        var estimate = new EstimateBuilder(new ModelOptions()).Build(new LowDoseWideBand(rate, sd), 0, "c_c", 3000, new Amplitudes(0.02, 0.03), changeZ: -50);

        Assert.Equal(1000, estimate.D50EA2!.Value, 3);
        Assert.Equal(1000 * Math.Exp(-Gaussian.Z90 * sd), estimate.D50LoEA2!.Value, 1000 * 0.02);
        Assert.Equal(1000 * Math.Exp(Gaussian.Z90 * sd), estimate.D50HiEA2!.Value, 1000 * 0.02);
    }

    [Fact]
    public void An_interpolated_D50_is_reported_even_when_its_interval_is_wide()
    {
        var rate = Math.Log(2) / 1000;
        const double sd = 1.0; // hi/lo = exp(2·1.645) ≈ 27 > MaxD50IntervalRatio
        var builder = new EstimateBuilder(new ModelOptions());

        var past = builder.Build(new ExponentialBand(rate, sd), 0, "c_c", 3000, new Amplitudes(0.02, 0.03), changeZ: -50);
        Assert.Equal(1000, past.D50EA2!.Value, 3);
        Assert.True(past.D50LoEA2 < 1000 && past.D50HiEA2 > 1000);

        var before = builder.Build(new ExponentialBand(rate, sd), 0, "c_c", 500, new Amplitudes(0.02, 0.03), changeZ: -50);
        Assert.Null(before.D50EA2);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.7)]
    [InlineData(0.3)]
    public void The_crossing_dose_has_a_90_percent_interval_from_the_band_at_any_threshold(double threshold)
    {
        var rate = Math.Log(2) / 1000;
        const double sd = 0.2;
        var options = new ModelOptions { Threshold = threshold };
        var estimate = new EstimateBuilder(options).Build(new ExponentialBand(rate, sd), 0, "c_c", 300, new Amplitudes(0.02, 0.03), changeZ: -50);

        // ln Λ = ln(kD) reaches ln(−ln θ) at D = −ln θ / k; the band's quantiles shift that by exp(∓1.645·sd).
        double crossing = -Math.Log(threshold) / rate;
        Assert.Equal(crossing, estimate.CrossDoseEA2!.Value, crossing * 1e-6);
        Assert.Equal(crossing * Math.Exp(-Gaussian.Z90 * sd), estimate.CrossDoseLoEA2!.Value, crossing * 0.01);
        Assert.Equal(crossing * Math.Exp(Gaussian.Z90 * sd), estimate.CrossDoseHiEA2!.Value, crossing * 0.01);
        if (threshold == 0.5)
        {
            Assert.Equal(estimate.D50LoEA2!.Value, estimate.CrossDoseLoEA2!.Value, 1e-9);
            Assert.Equal(estimate.D50HiEA2!.Value, estimate.CrossDoseHiEA2!.Value, 1e-9);
        }
    }

    [Fact]
    public void A_crossing_that_cannot_be_forecast_keeps_a_not_before_dose_and_no_upper_end()
    {
        var rate = Math.Log(2) / 1000;
        var builder = new EstimateBuilder(new ModelOptions());

        var wide = builder.Build(new ExponentialBand(rate, 1.5), 0, "c_c", 200, new Amplitudes(0.02, 0.03), changeZ: -10);
        Assert.Null(wide.CrossDoseHiEA2);
        Assert.Equal(1000 * Math.Exp(-Gaussian.Z90 * 1.5), wide.CrossDoseLoEA2!.Value, 1000 * 0.02);

        var unchanged = builder.Build(new ExponentialBand(rate, 0.1), 0, "c_c", 1500, new Amplitudes(0.02, 0.03), changeZ: 1);
        Assert.Null(unchanged.CrossDoseEA2);
        Assert.Null(unchanged.CrossDoseHiEA2);
        Assert.NotNull(unchanged.CrossDoseLoEA2);
    }
}
