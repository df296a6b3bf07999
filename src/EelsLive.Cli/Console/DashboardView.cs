using System.Globalization;
using EelsLive.Alarms;
using EelsLive.Protocol;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EelsLive.Cli.Console;

/// <summary>Builds the live dashboard from a <see cref="DashboardState"/>: a pure function, so tests render it to text.</summary>
internal static class DashboardView
{
    private const int IntegrityBarWidth = 20;
    private const int BudgetBarWidth = 30;

    /// <summary>The whole dashboard: header, alarm banner, per-window table, forecasts and dose budget.</summary>
    public static IRenderable Render(DashboardState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var parts = new List<IRenderable> { Title(state), Header(state), Banner(state) };
        if (state.Windows.Count > 0)
        {
            parts.Add(Windows(state));
            parts.Add(Forecasts(state));
        }

        parts.Add(Budget(state));
        return new Rows(parts);
    }

    /// <summary>The colour of an alarm level: green, amber, red.</summary>
    public static Color ColorOf(AlarmLevel level) => level switch
    {
        AlarmLevel.Critical => Color.Red,
        AlarmLevel.Warning => Color.Orange1,
        _ => Color.Green,
    };

    /// <summary>The banner's level: the damage alarm's, raised to warning at 80% of the budget and to critical when it is used up.</summary>
    public static AlarmLevel BannerLevel(DashboardState state)
    {
        return (AlarmLevel)Math.Max((int)state.Level, (int)LevelOf(state.Budget.Alert));
    }

    /// <summary>A budget alert as an alarm level: 80% is a warning, used up is critical.</summary>
    public static AlarmLevel LevelOf(BudgetAlert alert) => alert switch
    {
        BudgetAlert.Exhausted => AlarmLevel.Critical,
        BudgetAlert.Approaching => AlarmLevel.Warning,
        _ => AlarmLevel.Ok,
    };

    private static Rule Title(DashboardState state)
    {
        string series = state.SeriesId is null ? "waiting for a series" : $"series {Markup.Escape(state.SeriesId)}";
        return new Rule($"[bold]EelsLive[/] · {series}") { Justification = Justify.Left };
    }

    private static Markup Header(DashboardState state)
    {
        string phase = state.Phase switch
        {
            SeriesPhase.Running => "[green]● running[/]",
            SeriesPhase.Ended when state.Ended is { } end => $"[grey]■ series ended ({end.End.Reason.WireName()})[/]",
            _ => "[grey]○ waiting for frames…[/]",
        };
        string lost = Count(state.Lost);
        string rejected = Count(state.Rejected);
        string estimated = state.DoseEstimated ? " [orange1](estimated)[/]" : string.Empty;
        return new Markup(string.Create(CultureInfo.InvariantCulture,
            $"{phase} · frames [bold]{state.Frames}[/] · [bold]{state.FramesPerSecond:F1}[/] frames/s · lost {lost} · rejected {rejected}\n" +
            $"dose [bold]{DashboardText.Dose(state.DoseEA2)}[/] e/Å²{estimated} · rate [bold]{DashboardText.Rate(state.DoseRateEA2PerS)}[/] e/Å²/s"));
    }

    private static string Count(long count) =>
        count > 0 ? string.Create(CultureInfo.InvariantCulture, $"[bold orange1]{count}[/]") : "[bold]0[/]";

    private static Panel Banner(DashboardState state)
    {
        var level = BannerLevel(state);
        var color = ColorOf(level);
        string word = level.ToWireName().ToUpperInvariant();
        var text = new Markup($"[bold black on {color.ToMarkup()}] {word} [/] [bold {color.ToMarkup()}]{Markup.Escape(DashboardText.Banner(state))}[/]");
        return new Panel(text) { Border = BoxBorder.Heavy, BorderStyle = new Style(color), Expand = true };
    }

    private static Table Windows(DashboardState state)
    {
        double threshold = state.Settings.Threshold;
        var table = new Table { Border = TableBorder.Rounded, Expand = true }
            .AddColumn("Window")
            .AddColumn("Integrity (90%)")
            .AddColumn("D50 (90%)")
            .AddColumn("Alarm");
        foreach (var w in state.Windows)
        {
            table.AddRow(WindowCell(w), IntegrityCell(w, threshold, state.Settings.ModelRunning), D50Cell(w), AlarmCell(w));
        }

        return table;
    }

    private static Markup WindowCell(DashboardWindow w)
    {
        string range = string.Create(CultureInfo.InvariantCulture, $"{w.Report.LoEv:0.##}–{w.Report.HiEv:0.##} eV");
        string rising = w.Rising ? " [aqua]↑ rises[/]" : string.Empty;
        return new Markup($"[bold]{Markup.Escape(w.Label)}[/] [grey]{range}[/]{rising}");
    }

    private static Markup IntegrityCell(DashboardWindow w, double threshold, bool modelRunning)
    {
        if (DashboardText.Integrity(w.Report) is not { } numbers)
        {
            return new Markup(modelRunning ? "[grey]no estimate yet[/]" : "[grey]no model[/]");
        }

        double point = w.Report.Integrity!.Value;
        string bar = IntervalBar.Render(w.Report.IntegrityLo ?? point, w.Report.IntegrityHi ?? point, threshold, IntegrityBarWidth);
        string color = (w.Forecast is null ? Color.Grey : ColorOf(w.Level)).ToMarkup();
        return new Markup($"[{color}]{bar}[/] {numbers}");
    }

    private static Markup D50Cell(DashboardWindow w) => DashboardText.D50(w.Report) switch
    {
        null => new Markup("[grey]—[/]"),
        { } text when w.Report.D50EA2 is null => new Markup($"[grey]{Markup.Escape(text)}[/]"),
        { } text => new Markup(Markup.Escape(text)),
    };

    private static Markup AlarmCell(DashboardWindow w)
    {
        if (w.Forecast is not { } forecast)
        {
            return new Markup(w.Rising ? "[grey]not alarmed (rises)[/]" : "[grey]not alarmed[/]");
        }

        string color = ColorOf(forecast.Level).ToMarkup();
        return new Markup(string.Create(CultureInfo.InvariantCulture,
            $"[bold {color}]{forecast.Level.ToWireName().ToUpperInvariant()}[/] [grey]P = {forecast.CrossProbability:F2}[/]"));
    }

    private static Rows Forecasts(DashboardState state)
    {
        var lines = state.Windows.Select(w =>
        {
            string text = Markup.Escape(DashboardText.Forecast(w, state.DoseEA2, state.DoseRateEA2PerS, state.Settings.Threshold));
            string color = w.Forecast is null ? "grey" : ColorOf(w.Level).ToMarkup();
            return (IRenderable)new Markup($"[{color}]•[/] {text}");
        });
        return new Rows(lines);
    }

    private static Markup Budget(DashboardState state)
    {
        string text = Markup.Escape(DashboardText.Budget(state));
        if (state.Settings.BudgetDoseEA2 is not { } total)
        {
            return new Markup($"dose budget  [grey]{text}[/]");
        }

        double used = state.Budget.Used ?? state.DoseEA2 / total;
        string color = ColorOf(LevelOf(state.Budget.Alert)).ToMarkup();
        return new Markup($"dose budget  [{color}]{IntervalBar.Fill(used, BudgetBarWidth)}[/] {text}");
    }
}
