using System.Globalization;
using System.Net;
using System.Text;
using EelsLive.Engine;
using EelsLive.Model;

namespace EelsLive.Reports;

/// <summary>Writes the self-contained HTML report: summary, notes, the D50 table for every model, and the figures embedded as PNG data URIs.</summary>
public static class ReportHtml
{
    /// <summary>The HTML of the report.</summary>
    public static string Render(SessionData session, IReadOnlyList<ReportFigure> figures, SessionReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(options);
        var html = new StringBuilder();
        var main = session.Runs[0].Reports;
        string? series = SessionLoader.MainSeries(main);
        var seriesReports = main.Where(r => r.SeriesId == series).ToArray();
        var last = seriesReports.LastOrDefault();

        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>EelsLive session report</title>\n<style>\n")
            .Append("body{font:16px/1.4 'DejaVu Sans',Arial,sans-serif;margin:2rem auto;max-width:1000px;color:#111;padding:0 1rem}")
            .Append("h1{margin-bottom:.2rem}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #bbb;padding:.35rem .7rem;text-align:right}")
            .Append("th{background:#eee}td.name,th.name{text-align:left}.note{background:#fff6dd;border-left:4px solid #E69F00;padding:.5rem .8rem;margin:.4rem 0}")
            .Append("figure{margin:1.5rem 0}figure img{max-width:100%;border:1px solid #ddd}figcaption{color:#444}.summary td{text-align:left}")
            .Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>EelsLive session report</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Source: <code>{E(Path.GetFileName(session.SourcePath))}</code> ({(session.Kind == ReportInputKind.Recording ? "recording, re-analysed" : "results file")}).</p>\n");

        html.Append("<h2>Summary</h2>\n<table class=\"summary\">\n");
        Row(html, "Series", series ?? "none");
        Row(html, "Frames", seriesReports.Length.ToString(CultureInfo.InvariantCulture));
        if (last is not null)
        {
            Row(html, "Final dose", $"{N(last.DoseEA2)} e/Å²{(last.DoseEstimated ? " (partly estimated)" : string.Empty)}");
            Row(html, "Lost frames", last.LostFrames.ToString(CultureInfo.InvariantCulture));
            Row(html, "Rejected messages", last.RejectedMessages.ToString(CultureInfo.InvariantCulture));
            Row(html, "Final alarm", last.AlarmWindows.Count > 0 ? $"{last.Alarm} ({string.Join(", ", last.AlarmWindows)})" : last.Alarm);
            Row(html, "Budget used", last.BudgetUsed is { } b ? $"{N(b * 100)} %" : "not reported");
            var firstAlarm = seriesReports.FirstOrDefault(r => r.Alarm != "ok");
            Row(html, "First alarm", firstAlarm is null ? "none" : $"{firstAlarm.Alarm} at {N(firstAlarm.DoseEA2)} e/Å² (frame {firstAlarm.Seq})");
        }

        if (options.Truth is { } truth)
        {
            Row(html, "Ground truth", $"{truth.Source} (series {truth.SeriesId})");
        }

        if (session.Kind == ReportInputKind.Recording && options.Engine.ModelOptions.KnownOrders is { Count: > 0 } givenOrders && options.Models.Contains(ModelKind.Physics))
        {
            Row(html, "Kinetic orders given", $"{KnownOrder.FormatList(givenOrders)} (physics model, this re-analysis)");
        }

        html.Append("</table>\n");
        var otherSeries = main.Select(r => r.SeriesId).Distinct(StringComparer.Ordinal).Where(s => s != series).ToArray();
        var notes = session.Notes.ToList();
        if (options.Truth is { } known && series is not null && known.SeriesId != series)
        {
            notes.Add($"The ground truth describes series '{known.SeriesId}', but the report shows '{series}': check that they belong together.");
        }

        if (otherSeries.Length > 0)
        {
            notes.Add($"The session also holds series {string.Join(", ", otherSeries)}; the figures and table show '{series}', results.csv has every series.");
        }

        if (session.Spectra.Count == 0 && session.Kind == ReportInputKind.Recording)
        {
            notes.Add("No spectra were recorded in this session.");
        }

        foreach (string note in notes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(note)}</p>\n");
        }

        AppendD50Table(html, session, series, options.Truth);
        AppendLawChanges(html, session, series);
        if (options.Truth is { } groundTruth && session.Runs[0].AlarmTimes.Count > 0)
        {
            AppendAlarmTruthTable(html, session.Runs[0], groundTruth, options.Threshold, last?.DoseEA2);
        }

        html.Append("<h2>Figures</h2>\n");
        foreach (var figure in figures)
        {
            html.Append(CultureInfo.InvariantCulture, $"<figure id=\"{E(Path.GetFileNameWithoutExtension(figure.FileName))}\"><img alt=\"{E(figure.Title)}\" src=\"data:image/png;base64,{Convert.ToBase64String(figure.Png)}\">")
                .Append(CultureInfo.InvariantCulture, $"<figcaption><strong>{E(figure.Title)}.</strong> {E(figure.Caption)} (<a href=\"{E(figure.FileName)}\">{E(figure.FileName)}</a>)</figcaption></figure>\n");
        }

        html.Append("<p>Per-frame results: <a href=\"results.csv\">results.csv</a>.</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendD50Table(StringBuilder html, SessionData session, string? series, SessionTruth? truth)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>D50 (dose of half integrity), θ-crossing forecast</h2>\n<table id=\"d50\">\n<tr><th class=\"name\">window</th><th class=\"name\">model</th><th>D50 (e/Å²)</th><th>90% interval (e/Å²)</th><th>forecast θ crossing (e/Å²)</th><th class=\"name\">final kinetics</th>{(truth is null ? string.Empty : "<th>true D50 (e/Å²)</th>")}</tr>\n");
        var lastByRun = session.Runs.Select(r => (r.Label, Last: r.Reports.LastOrDefault(x => x.SeriesId == series), r.ChangingWindows)).ToArray();
        var names = lastByRun.FirstOrDefault().Last?.Windows.Select(w => w.Name) ?? [];
        foreach (string name in names)
        {
            foreach (var (label, last, changing) in lastByRun)
            {
                var w = last?.Windows.FirstOrDefault(x => x.Name == name);
                string trueD50 = truth is null ? string.Empty : $"<td>{E(truth.Find(name) is { } t ? t.D50EA2 is { } d ? N(d) : "never" : "unknown")}</td>";
                html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"name\">{E(name)}</td><td class=\"name\">{E(label)}</td><td>{E(D50(w, changing.Contains(name)))}</td><td>{E(Interval(w))}</td><td>{E(Crossing(w))}</td><td class=\"name\">{E(w?.Kinetics?.Describe() ?? "—")}</td>{trueD50}</tr>\n");
            }
        }

        html.Append("</table>\n");
    }

    /// <summary>Every change of a window's kinetics law in each model run (where its estimates jumped), or that there was none.</summary>
    private static void AppendLawChanges(StringBuilder html, SessionData session, string? series)
    {
        var runs = session.Runs
            .Select(r => (r.Label, Reports: r.Reports.Where(x => x.SeriesId == series).ToList()))
            .Where(r => r.Reports.Any(x => x.Windows.Any(w => w.Kinetics is not null)))
            .ToList();
        if (runs.Count == 0)
        {
            return;
        }

        html.Append("<h2>Kinetics law changes</h2>\n<p>A window's fit can change law during a series (order-p kinetics or a stretched exponential); its D50 and forecast jump there.</p>\n")
            .Append("<table id=\"law-changes\">\n<tr><th class=\"name\">model</th><th class=\"name\">window</th><th>dose (e/Å²)</th><th>frame</th><th class=\"name\">from</th><th class=\"name\">to</th></tr>\n");
        foreach (var (label, reports) in runs)
        {
            var changes = LawChange.In(reports);
            if (changes.Count == 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"name\">{E(label)}</td><td class=\"name\" colspan=\"5\">no change of law</td></tr>\n");
            }

            foreach (var c in changes)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"name\">{E(label)}</td><td class=\"name\">{E(c.Window)}</td><td>{N(c.DoseEA2)}</td><td>{c.Seq}</td><td class=\"name\">{E(c.Previous.Describe())}</td><td class=\"name\">{E(c.Current.Describe())}</td></tr>\n");
            }
        }

        html.Append("</table>\n");
    }

    private static void AppendAlarmTruthTable(StringBuilder html, ModelRun run, SessionTruth truth, double threshold, double? finalDose)
    {
        string theta = threshold.ToString("0.##", CultureInfo.InvariantCulture);
        html.Append(CultureInfo.InvariantCulture, $"<h2>Alarms against the ground truth ({E(run.Label)})</h2>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>For each alarm window: when it truly reaches θ = {theta}, when it first warned (lead: how much earlier) and when it was declared crossed (how much after the true crossing; negative is too early).</p>\n")
            .Append("<table id=\"alarm-truth\">\n<tr><th class=\"name\">window</th><th>true θ crossing (e/Å²)</th><th>first warning (e/Å²)</th><th>lead (e/Å²)</th><th>declared crossed (e/Å²)</th><th>after the crossing (e/Å²)</th></tr>\n");
        foreach (var times in run.AlarmTimes)
        {
            double? cross = truth.Find(times.Window)?.DoseAtIntegrity(threshold);
            string crossText = truth.Find(times.Window) is null ? "unknown" : cross is { } c ? N(c) + (c > finalDose ? " (after the session)" : string.Empty) : "never";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"name\">{E(times.Window)}</td><td>{E(crossText)}</td><td>{Dose(times.FirstWarningEA2)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Difference(cross, times.FirstWarningEA2)}</td><td>{Dose(times.FirstCriticalEA2)}</td><td>{Difference(times.FirstCriticalEA2, cross)}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string Dose(double? dose) => dose is { } d ? N(d) : "—";

    private static string Difference(double? a, double? b) => a is { } x && b is { } y ? N(x - y) : "—";

    /// <summary>
    /// The D50 cell: the value, "&gt; X (not yet estimable)" while only a lower bound is known, "&gt; X (probably passed)" when
    /// the window, changing significantly (<paramref name="changing"/>), already reads below half integrity, or "not estimable".
    /// </summary>
    public static string D50(WindowReport? w, bool changing = false) => w switch
    {
        { D50EA2: { } d } => N(d),
        { D50LoEA2: { } lo } when IntegrityStandings.Of(w, 0.5, changing) != IntegrityStanding.NotBelow => $"> {N(lo)} (probably passed)",
        { D50LoEA2: { } lo } => $"> {N(lo)} (not yet estimable)",
        _ => "not estimable",
    };

    /// <summary>"640 (560 – 730)": the forecast θ crossing with its 90% interval (without it in results written before 2026-12-07), or "—".</summary>
    internal static string Crossing(WindowReport? w) => w?.CrossDoseEA2 is not { } c
        ? "—"
        : w is { CrossDoseLoEA2: { } lo, CrossDoseHiEA2: { } hi } ? $"{N(c)} ({N(lo)} – {N(hi)})" : N(c);

    private static string Interval(WindowReport? w) => w is { D50EA2: not null }
        ? $"{(w.D50LoEA2 is { } lo ? N(lo) : "?")} – {(w.D50HiEA2 is { } hi ? N(hi) : "∞")}"
        : "—";

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><th class=\"name\">{E(name)}</th><td>{E(value)}</td></tr>\n");

    private static string N(double value) =>
        value.ToString(Math.Abs(value) >= 100 ? "0" : Math.Abs(value) >= 10 ? "0.0" : "0.0##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
