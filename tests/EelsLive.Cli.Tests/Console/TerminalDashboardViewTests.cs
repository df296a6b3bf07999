using EelsLive.Alarms;
using EelsLive.Cli.Console;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Pipeline;
using EelsLive.Protocol;
using Spectre.Console;
using Spectre.Console.Rendering;
using Xunit.Abstractions;

namespace EelsLive.Cli.Tests.Console;

/// <summary>The dashboard view rendered to text, as an operator would read it in a 120-column terminal.</summary>
public class TerminalDashboardViewTests(ITestOutputHelper output)
{
    private static readonly DashboardSettings Settings = new() { Threshold = 0.5, LeadDoseEA2 = 200, BudgetDoseEA2 = 5000 };

    [Fact]
    public void Header_shows_series_frame_rate_dose_rate_and_the_lost_and_rejected_counts()
    {
        string text = DashboardRendering.ToText(DashboardView.Render(Sample()));
        output.WriteLine(text);

        Assert.Contains("series mil-7", text);
        Assert.Contains("● running · frames 1260 · 20.0 frames/s · lost 3 · rejected 2", text);
        Assert.Contains("dose 3150 e/Å² · rate 25 e/Å²/s", text);
        Assert.DoesNotContain("(estimated)", text);
        Assert.Contains("(estimated)", DashboardRendering.ToText(DashboardView.Render(Sample() with { DoseEstimated = true })));
    }

    [Fact]
    public void Window_table_shows_integrity_intervals_d50_intervals_and_not_estimable_bounds()
    {
        string text = DashboardRendering.ToText(DashboardView.Render(Sample()));

        Assert.Contains("0.58 (0.52–0.63)", text);
        Assert.Contains("0.44 (0.40–0.49)", text);
        Assert.Contains("3970 (3600–4400) e/Å²", text);
        Assert.Contains("2900 (2700–∞) e/Å²", text);
        Assert.Contains("> 4200 e/Å² (not yet estimable)", text);
        Assert.Contains("10–15 eV", text);
        Assert.Contains(IntervalBar.Render(0.52, 0.63, 0.5, 20) + " 0.58", text);
    }

    [Fact]
    public void An_80_column_terminal_gets_the_compact_table_with_the_same_numbers_on_two_lines_per_window()
    {
        string text = DashboardRendering.ToText(DashboardView.Render(Sample()), width: 80);
        output.WriteLine(text);

        var lines = text.Split('\n');
        Assert.All(lines, l => Assert.True(l.TrimEnd('\r').Length <= 80, l));
        Assert.Contains("WARNING", Line(text, "│ C–O "));
        Assert.Contains("0.58 (0.52–0.63)", Line(text, "│ 10–15 eV"));
        Assert.Contains("P = 0.86", Line(text, "│ 10–15 eV"));
        Assert.Contains("> 4200 e/Å²", Line(text, "│ C–C "));
        Assert.Contains("(not yet estimable)", Line(text, "│ 4–7 eV"));
        Assert.Contains("│ π–π* ↑ ", text);
        Assert.Contains("C–O reaches 0.5 in ≈ 820 (450–1250) e/Å², ≈ 33 s at the current rate", text);
        Assert.DoesNotContain("10–15 eV", Line(text, "│ C–O "));
    }

    [Fact]
    public void Each_window_shows_the_law_its_fit_follows_with_a_given_order_beside_it()
    {
        var state = Sample() with { Settings = Settings with { KnownOrders = [new KnownOrder("c_o", 1.8, 0.2)] } };
        string wide = DashboardRendering.ToText(DashboardView.Render(state));
        output.WriteLine(wide);

        Assert.Contains("• C–C: no forecast of reaching 0.5 yet · stretched β = 0.61", wide);
        Assert.Contains("• C–O reaches 0.5 in ≈ 820 (450–1250) e/Å², ≈ 33 s at the current rate · order p = 1.82 (given 1.8±0.2)", wide);
        Assert.Contains("• M–O has crossed 0.5 · order p = 1.00", wide);
        Assert.DoesNotContain("given", Line(wide, "• M–O"));

        string compact = DashboardRendering.ToText(DashboardView.Render(state), width: 80);
        output.WriteLine(compact);
        Assert.Contains("│ 4–7 eV · β 0.61", compact);
        Assert.Contains("│ 10–15 eV · p 1.82", compact);
        Assert.DoesNotContain("order p", compact);

        var unfitted = state with { Windows = [.. state.Windows.Select(w => w with { Report = w.Report with { Kinetics = null } })] };
        string before = DashboardRendering.ToText(DashboardView.Render(unfitted));
        Assert.DoesNotContain("order p", before);
        Assert.DoesNotContain("·", Line(DashboardRendering.ToText(DashboardView.Render(unfitted), width: 80), "│ 10–15 eV"));
    }

    [Fact]
    public void Rising_window_is_marked_and_not_alarmed()
    {
        string text = DashboardRendering.ToText(DashboardView.Render(Sample()));

        var piRow = Line(text, "π–π* 1–3");
        Assert.Contains("↑ rises", piRow);
        Assert.Contains("not alarmed (rises)", piRow);
        Assert.Contains("π–π* rises with dose (mixed response): no crossing forecast", text);
        Assert.DoesNotContain("↑", Line(text, "C–O 10–15"));

        var state = Sample();
        var pi = state.Windows[0] with { Report = state.Windows[0].Report with { CrossDoseEA2 = 3400 } };
        var crossing = state with { Windows = [pi, .. state.Windows.Skip(1)] };
        Assert.Contains("π–π* reaches 0.5 in ≈ 250 e/Å², ≈ 10 s at the current rate (not alarmed)", DashboardRendering.ToText(DashboardView.Render(crossing)));
    }

    [Fact]
    public void Forecast_says_how_much_dose_and_time_is_left_before_each_window_is_half_gone()
    {
        string text = DashboardRendering.ToText(DashboardView.Render(Sample()));

        Assert.Contains("C–O reaches 0.5 in ≈ 820 (450–1250) e/Å², ≈ 33 s at the current rate", text);
        Assert.Contains("M–O has crossed 0.5", text);
        Assert.Contains("C–C: no forecast of reaching 0.5 yet", text);

        var beamOff = Sample() with { DoseRateEA2PerS = 0 };
        Assert.Contains("C–O reaches 0.5 in ≈ 820 (450–1250) e/Å², no time estimate while the dose rate is zero", DashboardRendering.ToText(DashboardView.Render(beamOff)));
    }

    [Fact]
    public void Banner_names_crossed_and_warned_windows_with_the_highest_level()
    {
        string critical = DashboardRendering.ToText(DashboardView.Render(Sample()));
        Assert.Contains("CRITICAL  M–O has crossed 0.5; C–O will probably reach 0.5 within 200 e/Å²", critical);
        Assert.Contains("CRITICAL P = 1.00", Line(critical, "M–O 20–25"));
        Assert.Contains("WARNING P = 0.86", Line(critical, "C–O 10–15"));
        Assert.Contains("OK P = 0.05", Line(critical, "C–C 4–7"));

        var warningOnly = WithLevels(Sample(), AlarmLevel.Warning, ["c_o"]);
        string warning = DashboardRendering.ToText(DashboardView.Render(warningOnly));
        Assert.Contains("WARNING  C–O will probably reach 0.5 within 200 e/Å²", warning);
        Assert.DoesNotContain("CRITICAL", warning);
    }

    [Fact]
    public void Banner_is_ok_before_the_first_fit_and_when_nothing_is_forecast()
    {
        var waiting = new DashboardState { Settings = Settings };
        Assert.Contains("OK  waiting for the first fit", DashboardRendering.ToText(DashboardView.Render(waiting)));

        var calm = WithLevels(Sample(), AlarmLevel.Ok, []);
        Assert.Contains("OK  no window is forecast to reach 0.5 within 200 e/Å²", DashboardRendering.ToText(DashboardView.Render(calm)));

        var noModel = new DashboardState { Settings = Settings with { ModelRunning = false } };
        Assert.Contains("OK  no damage model running (--model none)", DashboardRendering.ToText(DashboardView.Render(noModel)));
    }

    [Fact]
    public void Budget_line_shows_percentage_dose_left_and_time_left_and_raises_the_banner_near_the_end()
    {
        string text = DashboardRendering.ToText(DashboardView.Render(Sample()));
        Assert.Contains("dose budget  " + IntervalBar.Fill(0.63, 30) + " 63% of 5000 e/Å² used, 1850 e/Å² left, ≈ 74 s at the current rate", text);

        var approaching = WithLevels(Sample(), AlarmLevel.Ok, []) with { DoseEA2 = 4300, Budget = new BudgetStatus(0.86, BudgetAlert.Approaching, 28) };
        string near = DashboardRendering.ToText(DashboardView.Render(approaching));
        Assert.Contains("WARNING  no window is forecast to reach 0.5 within 200 e/Å²; dose budget 86% used", near);
        Assert.Equal(AlarmLevel.Warning, DashboardView.BannerLevel(approaching));

        var exhausted = approaching with { DoseEA2 = 5100, Budget = new BudgetStatus(1.02, BudgetAlert.Exhausted, 0) };
        string over = DashboardRendering.ToText(DashboardView.Render(exhausted));
        Assert.Contains("CRITICAL", over);
        Assert.Contains("dose budget used up", over);
        Assert.Contains("102% of 5000 e/Å² used, 0.0 e/Å² left", over);

        var none = Sample() with { Settings = Settings with { BudgetDoseEA2 = null }, Budget = BudgetStatus.None };
        Assert.Contains("no dose budget set (--budget-dose)", DashboardRendering.ToText(DashboardView.Render(none)));
    }

    [Fact]
    public void Ended_series_and_waiting_states_say_so()
    {
        var ended = Sample() with
        {
            Phase = SeriesPhase.Ended,
            Ended = new SeriesEnded(new EndMessage("mil-7", 1263, 1_700_000_063, EndReason.Completed), 1260, 3),
        };
        Assert.Contains("■ series ended (completed) · frames 1260", DashboardRendering.ToText(DashboardView.Render(ended)));

        string waiting = DashboardRendering.ToText(DashboardView.Render(new DashboardState { Settings = Settings }));
        Assert.Contains("waiting for a series", waiting);
        Assert.Contains("waiting for frames", waiting);
        Assert.DoesNotContain("Integrity", waiting);
    }

    [Fact]
    public void Intervals_bar_is_solid_below_shaded_across_and_empty_above_the_interval_with_a_threshold_tick()
    {
        Assert.Equal("█████│▒▒▒░", IntervalBar.Render(0.6, 0.9, 0.5, 10));
        Assert.Equal("██│░░░░░░░", IntervalBar.Render(0.2, 0.2, 0.2, 10));
        Assert.Equal("██████░░░░", IntervalBar.Fill(0.63, 10));
        Assert.Equal("██████████", IntervalBar.Fill(1.4, 10));
    }

    internal static DashboardState Sample()
    {
        var forecasts = new[]
        {
            new WindowForecast("c_c", AlarmLevel.Ok, 0.05, null, null),
            new WindowForecast("c_o", AlarmLevel.Warning, 0.86, 3970, 32.8),
            new WindowForecast("m_o", AlarmLevel.Critical, 1.0, 2900, 0),
        };
        var windows = new[]
        {
            new DashboardWindow(new WindowReport("pi_pi", 1, 3, 8.1e5, 1.31, 0.97, 0.90, 1.0, null, null, null, null) { Kinetics = KineticsLaw.OrderP(1.37) }, null, Rising: true),
            new DashboardWindow(new WindowReport("c_c", 4, 7, 6.2e5, 0.81, 0.81, 0.76, 0.85, null, 4200, null, null) { Kinetics = KineticsLaw.Stretched(0.61) }, forecasts[0], Rising: false),
            new DashboardWindow(new WindowReport("c_o", 10, 15, 4.4e5, 0.58, 0.58, 0.52, 0.63, 3970, 3600, 4400, 3970) { Kinetics = KineticsLaw.OrderP(1.824), CrossDoseLoEA2 = 3600, CrossDoseHiEA2 = 4400 }, forecasts[1], Rising: false),
            new DashboardWindow(new WindowReport("m_o", 20, 25, 3.9e5, 0.44, 0.44, 0.40, 0.49, 2900, 2700, null, 2900) { Kinetics = KineticsLaw.OrderP(1) }, forecasts[2], Rising: false),
        };
        return new DashboardState
        {
            Settings = Settings,
            SeriesId = "mil-7",
            Phase = SeriesPhase.Running,
            Frames = 1260,
            FramesPerSecond = 20,
            Lost = 3,
            Rejected = 2,
            DoseEA2 = 3150,
            DoseRateEA2PerS = 25,
            Windows = windows,
            Alarm = new AlarmStatus(AlarmLevel.Critical, ["c_o", "m_o"], forecasts, 0.63, BudgetAlert.None, 74, Changed: true),
            Budget = new BudgetStatus(0.63, BudgetAlert.None, 74),
        };
    }

    private static DashboardState WithLevels(DashboardState state, AlarmLevel level, string[] alarmed)
    {
        var windows = state.Windows
            .Select(w => w.Forecast is { } f ? w with { Forecast = f with { Level = alarmed.Contains(f.Name) ? level : AlarmLevel.Ok } } : w)
            .ToArray();
        var forecasts = windows.Where(w => w.Forecast is not null).Select(w => w.Forecast!).ToArray();
        return state with { Windows = windows, Alarm = state.Alarm! with { Level = level, AlarmWindows = alarmed, Windows = forecasts } };
    }

    private static string Line(string text, string containing) =>
        text.Split('\n').First(l => l.Contains(containing, StringComparison.Ordinal));
}

/// <summary>Renders Spectre renderables to plain text on a recording console of fixed width, without colour or ANSI codes.</summary>
internal static class DashboardRendering
{
    public static IAnsiConsole RecordingConsole(StringWriter writer, int width = 120, bool interactive = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Profile.Height = 60;
        console.Profile.Capabilities.Unicode = true;
        return console;
    }

    public static string ToText(IRenderable renderable, int width = 120)
    {
        using var writer = new StringWriter();
        RecordingConsole(writer, width).Write(renderable);
        return writer.ToString();
    }
}
