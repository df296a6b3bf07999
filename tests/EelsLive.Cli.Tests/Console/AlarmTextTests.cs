using EelsLive.Alarms;
using EelsLive.Cli.Console;

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
}
