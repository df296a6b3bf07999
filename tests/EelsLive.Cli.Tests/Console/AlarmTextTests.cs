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
    public void A_forecast_crossing_carries_its_90_percent_interval_when_the_report_has_one()
    {
        var forecast = new WindowForecast("c_o", AlarmLevel.Warning, 0.62, 1150, 90);
        var report = Report("c_o", 0.6, 0.4, 0.8, cross: 1150) with { CrossDoseLoEA2 = 905.4, CrossDoseHiEA2 = 1498.6 };

        Assert.Equal("c_o may reach 0.5 at ≈ 1150 (905–1499) e/Å², ≈ 90 s at the current rate (P = 0.62 within the lead dose)", AlarmText.Forecast(forecast, 0.5, report));
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

    [Fact]
    public void A_budget_alert_alone_says_how_much_of_which_budget_is_left_and_not_alarm_ok()
    {
        var approaching = BudgetChange(800, "ok", new DoseBudget(1000).Evaluate(800, 50));

        Assert.Equal("DOSE BUDGET 80 % used at 800 e/Å²: 200 of 1000 e/Å² left, ≈ 4 s at the current rate", AlarmText.Describe(approaching, 0.5));
        Assert.True(AlarmText.IsAlert(approaching));
    }

    [Fact]
    public void A_used_up_budget_says_so_instead_of_naming_zero_seconds_left()
    {
        var exhausted = BudgetChange(1005, "ok", new DoseBudget(1000).Evaluate(1005, 50));

        Assert.Equal("DOSE BUDGET USED UP at 1005 e/Å² (budget 1000 e/Å²)", AlarmText.Describe(exhausted, 0.5));
    }

    [Fact]
    public void A_damage_alarm_and_a_budget_alert_on_the_same_frame_are_both_described()
    {
        var change = Change(4000, new WindowForecast("c_o", AlarmLevel.Warning, 0.62, 4150, 3), Report("c_o", 0.6, 0.4, 0.8, cross: 4150)) with
        {
            Budget = new DoseBudget(5000).Evaluate(4000, 50),
            BudgetChanged = true,
        };

        Assert.Equal(
            "ALARM WARNING at 4000 e/Å²; c_o may reach 0.5 at ≈ 4150 e/Å², ≈ 3 s at the current rate (P = 0.62 within the lead dose)"
            + " · DOSE BUDGET 80 % used at 4000 e/Å²: 1000 of 5000 e/Å² left, ≈ 20 s at the current rate",
            AlarmText.Describe(change, 0.5));
    }

    [Fact]
    public void A_damage_alarm_change_while_a_budget_alert_stands_does_not_repeat_the_budget()
    {
        var change = Change(4100, new WindowForecast("c_o", AlarmLevel.Warning, 0.7, 4150, 1), Report("c_o", 0.55, 0.4, 0.8, cross: 4150)) with
        {
            Budget = new DoseBudget(5000).Evaluate(4100, 50),
        };

        Assert.StartsWith("ALARM WARNING at 4100 e/Å²; c_o may reach 0.5", AlarmText.Describe(change, 0.5), StringComparison.Ordinal);
        Assert.DoesNotContain("BUDGET", AlarmText.Describe(change, 0.5), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_alarms_above_ok_and_raised_budget_alerts_call_for_attention()
    {
        var cleared = BudgetChange(10, "ok", BudgetStatus.None) with { DamageAlarmChanged = true, BudgetChanged = false };
        var newSeries = BudgetChange(10, "ok", new DoseBudget(1000).Evaluate(10, 50));
        var warning = Change(660, new WindowForecast("c_o", AlarmLevel.Warning, 0.84, 900, 5), Report("c_o", 0.6, 0.4, 0.8, cross: 900));

        Assert.False(AlarmText.IsAlert(cleared));
        Assert.False(AlarmText.IsAlert(newSeries));
        Assert.True(AlarmText.IsAlert(warning));
        Assert.Equal("ALARM OK at 10 e/Å²", AlarmText.Describe(cleared, 0.5));
    }

    private static AlarmChanged BudgetChange(double dose, string alarm, BudgetStatus budget)
    {
        var report = new FrameReport("s1", 164, 1_700_000_016, dose, false, 50, 0, 0, [], alarm, [], budget.Used, 1);
        return new AlarmChanged(report, null, budget) { DamageAlarmChanged = false, BudgetChanged = true };
    }

    private static AlarmChanged Change(double dose, WindowForecast forecast, WindowReport window)
    {
        var report = new FrameReport("s1", 164, 1_700_000_016, dose, false, 40, 0, 0, [window], "warning", [forecast.Name], null, 1);
        return new AlarmChanged(report, new AlarmStatus(AlarmLevel.Warning, [forecast.Name], [forecast], null, BudgetAlert.None, null, Changed: true), BudgetStatus.None);
    }

    private static WindowReport Report(string name, double integrity, double lo, double hi, double? cross) =>
        new(name, 10, 15, 1e5, 0.5, integrity, lo, hi, null, 100, null, cross);
}
