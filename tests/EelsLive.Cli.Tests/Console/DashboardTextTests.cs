using EelsLive.Alarms;
using EelsLive.Cli.Console;
using EelsLive.Engine;
using Xunit.Abstractions;

namespace EelsLive.Cli.Tests.Console;

/// <summary>
/// One window, one story: its forecast line, D50 cell, alarm cell and the banner agree with its integrity and alarm, in the
/// states a user audit of the demo found contradictory (rendered at 90 and 140 columns).
/// </summary>
public class DashboardTextTests(ITestOutputHelper output)
{
    private static readonly DashboardSettings Settings = new() { Threshold = 0.5, LeadDoseEA2 = 200 };

    [Theory]
    [InlineData(90)]
    [InlineData(140)]
    public void A_window_well_below_threshold_says_since_when_not_that_it_is_at_the_threshold_now(int width)
    {
        // The end of `demo`: 6000 e/Å², π–π* at 0.14 (0.04–0.29), its crossing forecast at 1442 e/Å².
        var pi = new DashboardWindow(Report("pi_pi", 0.14, 0.04, 0.29, d50: 1442, d50Lo: 1110, d50Hi: 1989, cross: 1442), null, Rising: true) { Changing = true };
        string text = Render(State(6000, pi), width);

        Assert.Contains("• π–π* is below 0.5 since ≈ 1442 e/Å² (not alarmed)", text);
        Assert.DoesNotContain("is at 0.5 now", text);
    }

    [Fact]
    public void A_window_whose_central_integrity_passed_threshold_but_whose_interval_still_reaches_it_is_probably_below()
    {
        var pi = new DashboardWindow(Report("pi_pi", 0.35, 0.06, 0.68, d50: 1234, d50Lo: 531, d50Hi: 7159, cross: 1234), null, Rising: true) { Changing = true };
        string line = DashboardText.Forecast(pi, State(2004, pi));

        Assert.Equal("π–π* is probably below 0.5 since ≈ 1234 e/Å² (not alarmed)", line);
    }

    [Fact]
    public void Is_at_threshold_now_only_while_integrity_reads_the_threshold()
    {
        var co = new DashboardWindow(Report("c_o", 0.497, 0.30, 0.70, d50: 3100, d50Lo: 2000, d50Hi: 5000, cross: 3100), Forecast("c_o", AlarmLevel.Warning, 0.71, 3100), Rising: false) { Changing = true };

        Assert.Equal("C–O is at 0.5 now (≈ 3100 e/Å²)", DashboardText.Forecast(co, State(3150, co)));
    }

    [Theory]
    [InlineData(90)]
    [InlineData(140)]
    public void A_warned_window_below_threshold_without_a_crossing_dose_says_so_in_every_element(int width)
    {
        // `demo --frames 400` at 1600 e/Å²: C–C at 0.36 (0.04–0.72), WARNING P = 0.75, D50 not estimable (> 404), no crossing dose.
        var cc = new DashboardWindow(Report("c_c", 0.358, 0.04, 0.72, d50: null, d50Lo: 404, d50Hi: null, cross: null), Forecast("c_c", AlarmLevel.Warning, 0.75, null), Rising: false) { Changing = true };
        string text = Render(State(1600, cc), width);

        Assert.Contains("• C–C is probably below 0.5 now; crossing dose not yet pinned down", text);
        Assert.DoesNotContain("no forecast", text);
        Assert.Contains("> 404 e/Å²", text);
        Assert.Contains("(probably passed)", text);
        Assert.DoesNotContain("not yet estimable", text);
        Assert.Contains("WARNING  C–C is probably below 0.5 already (not yet confirmed)", text);
        Assert.DoesNotContain("will probably reach", text);
        Assert.Contains("P = 0.75", text);
    }

    [Fact]
    public void A_warned_window_above_threshold_without_a_crossing_dose_gives_its_probability_instead_of_no_forecast()
    {
        var cc = new DashboardWindow(Report("c_c", 0.62, 0.35, 0.85, d50: null, d50Lo: 300, d50Hi: null, cross: null), Forecast("c_c", AlarmLevel.Warning, 0.55, null), Rising: false) { Changing = true };
        var state = State(900, cc);

        Assert.Equal("C–C may reach 0.5 within 200 e/Å² (P = 0.55); crossing dose not yet pinned down", DashboardText.Forecast(cc, state));
        Assert.Equal("> 300 e/Å² (not yet estimable)", DashboardText.D50(cc));
        Assert.Equal("C–C will probably reach 0.5 within 200 e/Å²", DashboardText.Banner(state));
    }

    [Fact]
    public void A_warning_for_a_change_the_model_cannot_describe_says_the_forecast_is_unreliable()
    {
        var unexplained = Forecast("c_c", AlarmLevel.Warning, 0.1, null) with { Unexplained = true };
        var cc = new DashboardWindow(Report("c_c", 0.9, 0.7, 0.97, d50: null, d50Lo: 800, d50Hi: null, cross: null), unexplained, Rising: false) { Changing = true };
        Assert.Equal("C–C changes in a way the damage model cannot describe: no reliable forecast", DashboardText.Forecast(cc, State(900, cc)));

        var ahead = cc with { Report = cc.Report with { CrossDoseEA2 = 1500 }, Forecast = unexplained with { CrossDoseEA2 = 1500 } };
        Assert.EndsWith("(unreliable: the damage model cannot describe the change)", DashboardText.Forecast(ahead, State(900, ahead)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_banner_does_not_call_a_warning_probable_once_its_probability_fell_below_the_alarm_probability()
    {
        // The alarm holds a warning until P stays below 5%; at P = 0.32 the window may still reach θ, but not "probably".
        var co = new DashboardWindow(Report("c_o", 0.70, 0.45, 0.85, d50: null, d50Lo: 250, d50Hi: null, cross: 700), Forecast("c_o", AlarmLevel.Warning, 0.32, 700), Rising: false) { Changing = true };
        var state = State(312, co);

        Assert.Equal("C–O may still reach 0.5 within 200 e/Å² (warning held)", DashboardText.Banner(state));
        Assert.Equal("C–O will probably reach 0.5 within 200 e/Å²", DashboardText.Banner(state with { Settings = Settings with { AlarmProbability = 0.3 } }));

        var unexplained = co with { Forecast = co.Forecast! with { Unexplained = true } };
        Assert.Equal("C–O changes in a way the damage model cannot describe", DashboardText.Banner(State(312, unexplained)));
    }

    [Fact]
    public void Integrity_without_a_significant_change_is_not_identified_and_is_never_read_as_below()
    {
        // A beam-resistant window's degenerate fit can put integrity anywhere, with an interval over almost all of [0, 1].
        var still = new DashboardWindow(Report("pi_pi", 0.15, 0.0, 0.99, d50: null, d50Lo: 900, d50Hi: null, cross: null), null, Rising: true) { Changing = false };
        var state = State(3000, still);

        Assert.Equal("π–π* rises with dose (mixed response): no crossing forecast", DashboardText.Forecast(still, state));
        Assert.Equal("> 900 e/Å² (not yet estimable)", DashboardText.D50(still));
        Assert.Equal("> 900 e/Å² (probably passed)", DashboardText.D50(still with { Changing = true }));
    }

    [Fact]
    public void A_critical_window_has_crossed_whatever_its_interval_says_now()
    {
        var co = new DashboardWindow(Report("c_o", 0.31, 0.09, 0.56, d50: 782, d50Lo: 448, d50Hi: 2755, cross: 782), Forecast("c_o", AlarmLevel.Critical, 0.9, 782), Rising: false) { Changing = true };
        var state = State(1604, co);

        Assert.Equal("C–O has crossed 0.5", DashboardText.Forecast(co, state));
        Assert.Equal("C–O has crossed 0.5", DashboardText.Banner(state));
    }

    private string Render(DashboardState state, int width)
    {
        string text = DashboardRendering.ToText(DashboardView.Render(state), width);
        output.WriteLine(text);
        return text;
    }

    private static DashboardState State(double dose, params DashboardWindow[] windows)
    {
        var forecasts = windows.Select(w => w.Forecast).OfType<WindowForecast>().ToArray();
        var level = forecasts.Length == 0 ? AlarmLevel.Ok : forecasts.Max(f => f.Level);
        return new DashboardState
        {
            Settings = Settings,
            SeriesId = "demo",
            Phase = SeriesPhase.Running,
            DoseEA2 = dose,
            DoseRateEA2PerS = 40,
            Windows = windows,
            Alarm = new AlarmStatus(level, [.. forecasts.Where(f => f.Level != AlarmLevel.Ok).Select(f => f.Name)], forecasts, null, BudgetAlert.None, null, Changed: false),
        };
    }

    private static WindowForecast Forecast(string name, AlarmLevel level, double probability, double? cross) =>
        new(name, level, probability, cross, cross is null ? null : 0);

    private static WindowReport Report(string name, double integrity, double lo, double hi, double? d50, double? d50Lo, double? d50Hi, double? cross) =>
        new(name, 4, 7, 1e5, 0.5, integrity, lo, hi, d50, d50Lo, d50Hi, cross);
}
