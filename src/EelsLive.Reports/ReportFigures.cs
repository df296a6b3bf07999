using EelsLive.Engine;
using ScottPlot;

namespace EelsLive.Reports;

/// <summary>Draws the report's PNG figures with ScottPlot: integrity per window, window signals, the alarm and budget timeline, and spectra.</summary>
public static class ReportFigures
{
    /// <summary>Renders every figure of <paramref name="session"/> for its main series.</summary>
    public static IReadOnlyList<ReportFigure> Render(SessionData session, SessionReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        var figures = new List<ReportFigure>();
        string? series = SessionLoader.MainSeries(session.Runs[0].Reports);
        if (series is null)
        {
            return figures;
        }

        var runs = session.Runs.Select(r => r with { Reports = [.. r.Reports.Where(x => x.SeriesId == series)] }).ToArray();
        var main = runs[0].Reports;
        var names = main[0].Windows.Select(w => w.Name).ToArray();
        if (runs[0].Fit is { } fit)
        {
            for (int w = 0; w < fit.Windows.Count; w++)
            {
                figures.Add(FinalFitFigure(runs, w, options));
            }
        }

        for (int w = 0; w < names.Length; w++)
        {
            figures.Add(Integrity(runs, names[w], w, options));
        }

        figures.Add(Signals(main, names, options));
        figures.Add(Timeline(main, options));
        if (session.Spectra.Count > 0)
        {
            figures.Add(Spectra(session.Spectra, main[^1].Windows, options));
        }

        return figures;
    }

    private static ReportFigure FinalFitFigure(IReadOnlyList<ModelRun> runs, int index, SessionReportOptions options)
    {
        var first = runs[0].Fit!.Windows[index];
        string name = first.Name;
        var colour = FigureStyle.WindowColour(name, index);
        var plot = FigureStyle.NewPlot($"{FigureStyle.WindowTitle(name)}: fit to the whole series", "cumulative dose (e/Å²)", "integrity");
        var band = plot.Add.FillY(first.Curve.DoseEA2, first.Curve.Lo, first.Curve.Hi);
        band.FillStyle.Color = colour.WithAlpha(0.3);
        band.LineStyle.Width = 0;
        band.LegendText = $"90% interval ({runs[0].Label})";

        if (first.MidDoseEA2.Length > 0)
        {
            var data = plot.Add.ScatterPoints(first.MidDoseEA2, first.ObservedIntegrity, Colors.Gray.WithAlpha(0.7));
            data.MarkerSize = 3;
            data.LegendText = $"data as integrity, (S − S∞)/(S0 − S∞) of the {runs[0].Label} fit";
        }

        for (int r = 0; r < runs.Count; r++)
        {
            if (runs[r].Fit?.Windows.FirstOrDefault(w => w.Name == name) is not { } fit)
            {
                continue;
            }

            var line = plot.Add.ScatterLine(fit.Curve.DoseEA2, fit.Curve.Integrity, r == 0 ? colour : Colors.Black);
            line.LineWidth = r == 0 ? 3 : 2;
            line.LinePattern = r == 0 ? LinePattern.Solid : LinePattern.Dashed;
            line.LegendText = fit.Estimate.D50EA2 is { } d50
                ? $"fit ({runs[r].Label}), D50 {d50:0} e/Å²"
                : $"fit ({runs[r].Label}), D50 not estimable";
        }

        AddTruth(plot, options.Truth?.Find(name), runs[0].Fit!.FinalDoseEA2);

        var threshold = plot.Add.HorizontalLine(options.Threshold, 2, FigureStyle.Threshold, LinePattern.Dashed);
        threshold.LegendText = $"threshold θ = {options.Threshold:0.##}";
        plot.Axes.SetLimitsY(-0.25, 1.3, plot.Axes.Left);
        plot.ShowLegend(Alignment.LowerLeft);
        bool changed = Math.Abs(first.Estimate.SignalChangeZ) >= options.Engine.ModelOptions.ChangeSignificanceZ;
        string caption = "The integrity curve of each model's last refit over the whole series, the first model's 90% interval as a band, the second model dashed; "
            + "each frame's signal S read as integrity with the first model's fitted undamaged and damaged levels S0 and S∞, placed at the middle of the frame's dose; the threshold line."
            + (changed ? string.Empty : " The signal has not changed significantly, so S∞ is not determined and the points' integrity scale means little.")
            + TruthCaption(options.Truth, name);
        return Figure($"fit_{name}.png", $"{FigureStyle.WindowTitle(name)} fitted to the whole series", caption, plot, options);
    }

    private static ReportFigure Integrity(IReadOnlyList<ModelRun> runs, string name, int index, SessionReportOptions options)
    {
        var colour = FigureStyle.WindowColour(name, index);
        var plot = FigureStyle.NewPlot($"{FigureStyle.WindowTitle(name)} integrity as estimated live", "cumulative dose (e/Å²)", "integrity");
        var main = runs[0].Reports;
        var (bandDose, lo, hi) = Columns(main, r => Window(r, name)?.IntegrityLo, r => Window(r, name)?.IntegrityHi);
        if (bandDose.Length > 1)
        {
            var band = plot.Add.FillY(bandDose, lo, hi);
            band.FillStyle.Color = colour.WithAlpha(0.3);
            band.LineStyle.Width = 0;
            band.LegendText = $"90% interval ({runs[0].Label})";
        }

        for (int r = 0; r < runs.Count; r++)
        {
            var (dose, integrity) = Column(runs[r].Reports, x => Window(x, name)?.Integrity);
            if (dose.Length > 0)
            {
                var line = plot.Add.ScatterLine(dose, integrity, r == 0 ? colour : Colors.Black);
                line.LineWidth = r == 0 ? 3 : 2;
                line.LinePattern = r == 0 ? LinePattern.Solid : LinePattern.Dashed;
                line.LegendText = $"integrity ({runs[r].Label})";
            }
        }

        var (dataDose, signal) = Column(main, x => Window(x, name)?.Signal);
        if (dataDose.Length > 0)
        {
            var data = plot.Add.ScatterPoints(dataDose, signal, Colors.Gray);
            data.MarkerSize = 4;
            data.Axes.YAxis = plot.Axes.Right;
            data.LegendText = "data: measured signal (right axis)";
            plot.Axes.Right.Label.Text = "normalised signal";
            plot.Axes.Right.Label.FontSize = 16;
        }

        AddTruth(plot, options.Truth?.Find(name), main.Count > 0 ? main[^1].DoseEA2 : 0);
        var threshold = plot.Add.HorizontalLine(options.Threshold, 2, FigureStyle.Threshold, LinePattern.Dashed);
        threshold.LegendText = $"threshold θ = {options.Threshold:0.##}";
        plot.Axes.SetLimitsY(-0.05, 1.15, plot.Axes.Left);
        plot.ShowLegend(Alignment.LowerLeft);
        return Figure($"integrity_{name}.png", $"{FigureStyle.WindowTitle(name)} integrity as estimated live",
            "At each frame, the estimate from the frames up to it, as the operator saw it: integrity with its 90% interval (band), the second model dashed, "
            + "the measured signal as points (right axis) and the threshold line. Early estimates are revised as the damaged level S∞ becomes known."
            + TruthCaption(options.Truth, name), plot, options);
    }

    private static string TruthCaption(SessionTruth? truth, string window) =>
        truth?.Find(window) is null ? string.Empty : $" Dotted: the true integrity from {truth.Source}.";

    private static void AddTruth(Plot plot, TrueIntegrity? truth, double finalDoseEA2)
    {
        if (truth is null || !(finalDoseEA2 > 0))
        {
            return;
        }

        double[] dose = [.. Enumerable.Range(0, FinalFit.CurvePoints).Select(i => finalDoseEA2 * i / (FinalFit.CurvePoints - 1))];
        var line = plot.Add.ScatterLine(dose, [.. dose.Select(truth.Integrity)], Colors.Black);
        line.LineWidth = 2;
        line.LinePattern = LinePattern.Dotted;
        line.LegendText = truth.D50EA2 is { } d50 ? $"truth, D50 {d50:0} e/Å²" : "truth";
    }

    private static ReportFigure Signals(IReadOnlyList<FrameReport> reports, IReadOnlyList<string> names, SessionReportOptions options)
    {
        var plot = FigureStyle.NewPlot("Window signals vs dose", "cumulative dose (e/Å²)", "signal / first signal");
        for (int w = 0; w < names.Count; w++)
        {
            string name = names[w];
            var (dose, signal) = Column(reports, x => Window(x, name)?.Signal);
            if (dose.Length == 0 || signal[0] == 0)
            {
                continue;
            }

            double first = signal[0];
            var line = plot.Add.ScatterLine(dose, signal.Select(s => s / first).ToArray(), FigureStyle.WindowColour(name, w));
            line.LineWidth = 2;
            line.LegendText = FigureStyle.WindowTitle(name);
        }

        plot.ShowLegend(Alignment.UpperLeft);
        return Figure("signals.png", "Window signals vs dose", "Each window's measured signal relative to the first frame.", plot, options);
    }

    private static ReportFigure Timeline(IReadOnlyList<FrameReport> reports, SessionReportOptions options)
    {
        var plot = FigureStyle.NewPlot("Alarm and dose budget", "cumulative dose (e/Å²)", "alarm level");
        double[] dose = [.. reports.Select(r => r.DoseEA2)];
        double[] level = [.. reports.Select(r => r.Alarm switch { "critical" => 2.0, "warning" => 1.0, _ => 0.0 })];
        var alarm = plot.Add.ScatterLine(dose, level, Color.FromHex("#D55E00"));
        alarm.ConnectStyle = ConnectStyle.StepHorizontal;
        alarm.LineWidth = 3;
        alarm.LegendText = "alarm (0 ok, 1 warning, 2 critical)";
        plot.Axes.Left.SetTicks([0, 1, 2], ["ok", "warning", "critical"]);
        plot.Axes.SetLimitsY(-0.2, 2.3, plot.Axes.Left);

        var (budgetDose, budget) = Column(reports, r => r.BudgetUsed);
        if (budgetDose.Length > 0)
        {
            var used = plot.Add.ScatterLine(budgetDose, budget.Select(b => b * 100).ToArray(), Color.FromHex("#0072B2"));
            used.LineWidth = 2;
            used.Axes.YAxis = plot.Axes.Right;
            used.LegendText = "dose budget used (%, right axis)";
            plot.Axes.Right.Label.Text = "budget used (%)";
            plot.Axes.Right.Label.FontSize = 16;
        }
        else
        {
            plot.Add.Annotation("no dose budget was reported", Alignment.UpperRight);
        }

        plot.ShowLegend(Alignment.UpperLeft);
        return Figure("timeline.png", "Alarm and budget timeline", "Alarm level over the series and the share of the dose budget used.", plot, options);
    }

    private static ReportFigure Spectra(IReadOnlyList<SpectrumSample> spectra, IReadOnlyList<WindowReport> windows, SessionReportOptions options)
    {
        var plot = FigureStyle.NewPlot("Spectra at selected doses", "energy loss (eV, zero-loss aligned)", "counts");
        for (int w = 0; w < windows.Count; w++)
        {
            var span = plot.Add.HorizontalSpan(windows[w].LoEv, windows[w].HiEv);
            span.FillStyle.Color = FigureStyle.WindowColour(windows[w].Name, w).WithAlpha(0.25);
            span.LineStyle.Width = 0;
            span.LegendText = FigureStyle.WindowTitle(windows[w].Name);
        }

        var shades = new ScottPlot.Colormaps.Viridis();
        for (int i = 0; i < spectra.Count; i++)
        {
            var s = spectra[i];
            double[] logCounts = [.. s.Counts.Select(c => Math.Log10(Math.Max(c, 1)))];
            var line = plot.Add.ScatterLine(s.EnergyEv.ToArray(), logCounts, shades.GetColor(spectra.Count == 1 ? 0 : i / (double)(spectra.Count - 1) * 0.9));
            line.LineWidth = 2;
            line.LegendText = $"{s.DoseEA2:0.#} e/Å² (frame {s.Seq})";
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = y => Math.Abs(y - Math.Round(y)) < 1e-9 ? $"1e{y:0}" : string.Empty,
            IntegerTicksOnly = true,
        };
        plot.ShowLegend(Alignment.UpperRight);
        return Figure("spectra.png", "Spectra at selected doses", "Spectra on the zero-loss-aligned axis (log counts) at evenly spread doses; the windows are shaded.", plot, options);
    }

    private static ReportFigure Figure(string file, string title, string caption, Plot plot, SessionReportOptions options) =>
        new(file, title, caption, plot.GetImageBytes(options.FigureWidth, options.FigureHeight, ImageFormat.Png));

    private static WindowReport? Window(FrameReport report, string name)
    {
        foreach (var w in report.Windows)
        {
            if (w.Name == name)
            {
                return w;
            }
        }

        return null;
    }

    private static (double[] Dose, double[] Values) Column(IReadOnlyList<FrameReport> reports, Func<FrameReport, double?> value)
    {
        var dose = new List<double>();
        var values = new List<double>();
        foreach (var r in reports)
        {
            if (value(r) is { } v && double.IsFinite(v) && double.IsFinite(r.DoseEA2))
            {
                dose.Add(r.DoseEA2);
                values.Add(v);
            }
        }

        return ([.. dose], [.. values]);
    }

    private static (double[] Dose, double[] Lo, double[] Hi) Columns(IReadOnlyList<FrameReport> reports, Func<FrameReport, double?> lo, Func<FrameReport, double?> hi)
    {
        var dose = new List<double>();
        var los = new List<double>();
        var his = new List<double>();
        foreach (var r in reports)
        {
            if (lo(r) is { } l && hi(r) is { } h && double.IsFinite(l) && double.IsFinite(h) && double.IsFinite(r.DoseEA2))
            {
                dose.Add(r.DoseEA2);
                los.Add(l);
                his.Add(h);
            }
        }

        return ([.. dose], [.. los], [.. his]);
    }
}
