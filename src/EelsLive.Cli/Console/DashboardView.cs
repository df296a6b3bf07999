using System.Globalization;
using EelsLive.Alarms;
using EelsLive.Model;
using EelsLive.Protocol;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EelsLive.Cli.Console;

/// <summary>Builds the live dashboard from a <see cref="DashboardState"/>: a pure function, so tests render it to text.</summary>
internal static class DashboardView
{
    /// <summary>Narrower terminals get the compact table: every cell on two lines, a shorter bar.</summary>
    public const int WideWidth = 110;

    private const int BudgetBarWidth = 30;

    /// <summary>The whole dashboard: header, alarm banner, per-window table, forecasts and dose budget.</summary>
    public static IRenderable Render(DashboardState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new WidthDependent(width => Build(state, wide: width >= WideWidth));
    }

    private static Rows Build(DashboardState state, bool wide)
    {
        var parts = new List<IRenderable> { Title(state), Header(state), Banner(state) };
        if (state.Windows.Count > 0)
        {
            parts.Add(Windows(state, wide));
            parts.Add(Forecasts(state, wide));
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

    private static Table Windows(DashboardState state, bool wide)
    {
        string gap = wide ? " " : "\n";
        var table = new Table { Border = TableBorder.Rounded, Expand = true }
            .AddColumn("Window")
            .AddColumn("Integrity (90%)")
            .AddColumn("D50 (90%)")
            .AddColumn("Alarm");
        foreach (var w in state.Windows)
        {
            table.AddRow(
                WindowCell(w, wide),
                IntegrityCell(w, state.Settings, barWidth: wide ? 20 : 16, gap),
                D50Cell(w, gap),
                AlarmCell(w, gap));
        }

        return table;
    }

    private static Markup WindowCell(DashboardWindow w, bool wide)
    {
        string label = $"[bold]{Markup.Escape(w.Label)}[/]";
        string range = string.Create(CultureInfo.InvariantCulture, $"[grey]{w.Report.LoEv:0.##}–{w.Report.HiEv:0.##} eV[/]");
        if (wide)
        {
            return new Markup($"{label} {range}{(w.Rising ? " [aqua]↑ rises[/]" : string.Empty)}");
        }

        string law = w.Report.Kinetics is null ? string.Empty : $" [grey]· {Markup.Escape(KineticsText.Short(w.Report.Kinetics))}[/]";
        return new Markup($"{label}{(w.Rising ? " [aqua]↑[/]" : string.Empty)}\n{range}{law}");
    }

    private static Markup IntegrityCell(DashboardWindow w, DashboardSettings settings, int barWidth, string gap)
    {
        if (DashboardText.Integrity(w.Report) is not { } numbers)
        {
            return new Markup(settings.ModelRunning ? "[grey]no estimate yet[/]" : "[grey]no model[/]");
        }

        double point = w.Report.Integrity!.Value;
        string bar = IntervalBar.Render(w.Report.IntegrityLo ?? point, w.Report.IntegrityHi ?? point, settings.Threshold, barWidth);
        string color = (w.Forecast is null ? Color.Grey : ColorOf(w.Level)).ToMarkup();
        return new Markup($"[{color}]{bar}[/]{gap}{numbers}");
    }

    private static Markup D50Cell(DashboardWindow w, string gap)
    {
        if (DashboardText.D50(w) is not { } text)
        {
            return new Markup("[grey]—[/]");
        }

        string escaped = Markup.Escape(text).Replace(" (", gap + "(", StringComparison.Ordinal);
        return new Markup(w.Report.D50EA2 is null ? $"[grey]{escaped}[/]" : escaped);
    }

    private static Markup AlarmCell(DashboardWindow w, string gap)
    {
        if (w.Forecast is not { } forecast)
        {
            return new Markup($"[grey]not alarmed{(w.Rising ? gap + "(rises)" : string.Empty)}[/]");
        }

        string color = ColorOf(forecast.Level).ToMarkup();
        return new Markup(string.Create(CultureInfo.InvariantCulture,
            $"[bold {color}]{forecast.Level.ToWireName().ToUpperInvariant()}[/]{gap}[grey]P = {forecast.CrossProbability:F2}[/]"));
    }

    /// <summary>
    /// A line per window: its forecast, and on wide terminals the law the forecast follows ("order p = 1.82", "stretched β = 0.61")
    /// with a given order beside it (narrow tables show the law's short form under the window's name instead).
    /// </summary>
    private static Rows Forecasts(DashboardState state, bool wide)
    {
        var lines = state.Windows.Select(w =>
        {
            string text = Markup.Escape(DashboardText.Forecast(w, state));
            string color = w.Forecast is null ? "grey" : ColorOf(w.Level).ToMarkup();
            string law = wide && w.Report.Kinetics is { } kinetics ? $" [grey]· {Markup.Escape(LawText(kinetics, w.Report.Name, state.Settings))}[/]" : string.Empty;
            return (IRenderable)new Markup($"[{color}]•[/] {text}{law}");
        });
        return new Rows(lines);
    }

    private static string LawText(KineticsLaw law, string window, DashboardSettings settings) =>
        settings.KnownOrders.FirstOrDefault(o => o.Window == window) is { } known
            ? $"{KineticsText.Law(law)} (given {known.OrderText})"
            : KineticsText.Law(law);

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
