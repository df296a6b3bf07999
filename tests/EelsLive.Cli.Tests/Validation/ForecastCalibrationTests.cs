using EelsLive.Cli.Validation;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Simulation;

namespace EelsLive.Cli.Tests.Validation;

/// <summary>The reliability table of the alarm forecast: binning, observed frequencies, Brier score, and what a real session fills in.</summary>
public class ForecastCalibrationTests
{
    [Fact]
    public void Forecasts_fall_into_tenths_with_the_observed_frequency_of_each()
    {
        var calibration = new ForecastCalibration();
        calibration.Add(0.05, false);
        calibration.Add(0.85, true);
        calibration.Add(0.89, false);
        calibration.Add(1.0, true); // the top bin is closed

        Assert.Equal(1, calibration.ForecastsIn(0));
        Assert.Equal(0.0, calibration.ObservedFrequency(0));
        Assert.Equal(2, calibration.ForecastsIn(8));
        Assert.Equal(0.5, calibration.ObservedFrequency(8));
        Assert.Equal(1, calibration.ForecastsIn(9));
        Assert.Null(calibration.ObservedFrequency(4));
        double expectedBrier = ((0.05 * 0.05) + (0.15 * 0.15) + (0.89 * 0.89) + 0) / 4;
        Assert.Equal(expectedBrier, calibration.BrierScore, 12);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void A_probability_outside_zero_to_one_is_refused(double probability)
    {
        var calibration = new ForecastCalibration();
        Assert.Throws<ArgumentOutOfRangeException>(() => calibration.Add(probability, true));
        Assert.Equal(0, calibration.Count);
    }

    [Fact]
    public void Pooling_adds_counts_and_keeps_the_brier_score_a_mean()
    {
        var a = new ForecastCalibration();
        a.Add(0.9, true);
        var b = new ForecastCalibration();
        b.Add(0.1, true);
        b.Add(0.1, false);
        a.AddRange(b);
        Assert.Equal(3, a.Count);
        Assert.Equal(((0.1 * 0.1) + (0.9 * 0.9) + (0.1 * 0.1)) / 3, a.BrierScore, 12);
        Assert.Equal(0.5, a.ObservedFrequency(1));
    }

    [Fact]
    public void A_damaging_session_records_one_forecast_per_alarm_window_and_frame_and_high_forecasts_mostly_come_true()
    {
        var options = new MonitorOptions();
        var outcome = ValidationRunner.Run(new ValidationScenario(SimulationPresets.Exponential, 1, ModelKind.Physics, Frames: 600), options);
        Assert.Equal(600L * options.Alarms.AlarmWindows.Count, outcome.Calibration.Count);
        // By 3000 e/Å² both C–O and C–C are far past half integrity, so most late forecasts are near 1 and come true.
        Assert.True(outcome.Calibration.ForecastsIn(9) > 300, $"{outcome.Calibration.ForecastsIn(9)} forecasts ≥ 0.9");
        Assert.True(outcome.Calibration.ObservedFrequency(9) >= 0.9, $"observed {outcome.Calibration.ObservedFrequency(9):P0}");
        Assert.True(outcome.Calibration.BrierScore < 0.1, $"Brier {outcome.Calibration.BrierScore:F3}");
        Assert.Contains("Forecast reliability, physics model", new ValidationReport([outcome], options.Alarms.LeadDoseEA2).ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void More_counts_per_frame_give_a_more_precise_final_d50()
    {
        var options = new MonitorOptions();
        double Error(double counts) =>
            ValidationRunner.Run(new ValidationScenario(SimulationPresets.Exponential, 2, ModelKind.Physics) { ZeroLossCounts = counts }, options)
                .Windows.Select(w => w.D50RelativeError(5000)).OfType<double>().Max();
        double few = Error(2e5);
        double many = Error(2e7);
        Assert.True(many < few, $"max D50 error {many:P1} at 2e7 counts vs {few:P1} at 2e5");
    }
}
