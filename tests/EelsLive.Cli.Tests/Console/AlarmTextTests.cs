using EelsLive.Alarms;
using EelsLive.Cli.Console;
using EelsLive.Engine;

namespace EelsLive.Cli.Tests.Console;

/// <summary>The one-line alarm descriptions of the console: forecast, probability, and why a forecast cannot be trusted.</summary>
public class AlarmTextTests
{
    [Fact]
    public void A_warning_gives_the_forecast_crossing_time_and_probability()
    {
        var text = AlarmText.Forecast(new WindowForecast("c_o", AlarmLevel.Warning, 0.62, 1150, 90), 0.5);
        Assert.Equal("c_o may reach 0.5 at ≈ 1150 e/Å², ≈ 90 s at the current rate (P = 0.62 within the lead dose)", text);
    }

    [Fact]
    public void A_warning_for_a_change_the_model_cannot_describe_says_the_forecast_is_unreliable()
    {
        var text = AlarmText.Forecast(new WindowForecast("c_c", AlarmLevel.Warning, 0.31, null, null) { Unexplained = true }, 0.5);
        Assert.StartsWith("c_c may reach 0.5 (P = 0.31 within the lead dose)", text, StringComparison.Ordinal);
        Assert.EndsWith("cannot describe: forecast unreliable", text, StringComparison.Ordinal);
        Assert.DoesNotContain("unreliable", AlarmText.Forecast(new WindowForecast("c_c", AlarmLevel.Warning, 0.9, null, null), 0.5), StringComparison.Ordinal);
    }

    [Fact]
    public void A_forecast_crossing_behind_the_current_dose_is_passed_not_reaching()
    {
        // Logged at 660 e/Å² with the forecast crossing at 404 e/Å²: the central integrity is 0.33, its interval still reaches 0.5.
        var change = Change(660, new WindowForecast("c_o", AlarmLevel.Warning, 0.84, 404, 0), Report("c_o", 0.33, 0.04, 0.69, cross: 404));
        string line = AlarmText.Describe(change, 0.5);

        Assert.Equal("ALARM WARNING at 660 e/Å²; c_o is probably below 0.5 since ≈ 404 e/Å² (P = 0.84 within the lead dose)", line);
        Assert.DoesNotContain("reaching", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_integrity_interval_decides_between_below_probably_below_and_reaching_now()
    {
        var forecast = new WindowForecast("c_o", AlarmLevel.Warning, 0.97, 404, 0);

        Assert.StartsWith("c_o is below 0.5 since ≈ 404 e/Å² (P = 0.97", AlarmText.Forecast(forecast, 0.5, Report("c_o", 0.2, 0.1, 0.45, cross: 404)), StringComparison.Ordinal);
        Assert.StartsWith("c_o is probably below 0.5 since ≈ 404 e/Å²", AlarmText.Forecast(forecast, 0.5, Report("c_o", 0.4, 0.1, 0.7, cross: 404)), StringComparison.Ordinal);
        Assert.StartsWith("c_o is reaching 0.5 now (forecast crossing ≈ 404 e/Å²)", AlarmText.Forecast(forecast, 0.5, Report("c_o", 0.497, 0.3, 0.7, cross: 404)), StringComparison.Ordinal);
        Assert.StartsWith("c_o is probably below 0.5 since ≈ 404 e/Å²", AlarmText.Forecast(forecast, 0.5), StringComparison.Ordinal);
    }

    [Fact]
    public void A_warned_window_below_threshold_without_a_crossing_dose_says_so_rather_than_may_reach()
    {
        var text = AlarmText.Forecast(new WindowForecast("c_c", AlarmLevel.Warning, 0.75, null, null), 0.5, Report("c_c", 0.36, 0.04, 0.72, cross: null));
        Assert.Equal("c_c is probably below 0.5 now, crossing dose not yet pinned down (P = 0.75 within the lead dose)", text);

        var above = AlarmText.Forecast(new WindowForecast("c_c", AlarmLevel.Warning, 0.55, null, null), 0.5, Report("c_c", 0.6, 0.3, 0.8, cross: null));
        Assert.Equal("c_c may reach 0.5 (P = 0.55 within the lead dose)", above);
    }

    private static AlarmChanged Change(double dose, WindowForecast forecast, WindowReport window)
    {
        var report = new FrameReport("s1", 164, 1_700_000_016, dose, false, 40, 0, 0, [window], "warning", [forecast.Name], null, 1);
        return new AlarmChanged(report, new AlarmStatus(AlarmLevel.Warning, [forecast.Name], [forecast], null, BudgetAlert.None, null, Changed: true), BudgetStatus.None);
    }

    private static WindowReport Report(string name, double integrity, double lo, double hi, double? cross) =>
        new(name, 10, 15, 1e5, 0.5, integrity, lo, hi, null, 100, null, cross);
}
