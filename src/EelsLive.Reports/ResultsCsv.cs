using System.Globalization;
using System.Text;
using EelsLive.Engine;

namespace EelsLive.Reports;

/// <summary>Writes per-frame results as CSV, one row per frame, columns named after the JSON fields (windows flattened as <c>c_o.integrity</c>).</summary>
public static class ResultsCsv
{
    private static readonly string[] WindowFields =
        ["lo_ev", "hi_ev", "integral", "signal", "integrity", "integrity_lo", "integrity_hi", "d50_e_a2", "d50_lo_e_a2", "d50_hi_e_a2", "cross_dose_e_a2", "kinetics", "kinetic_order", "beta",
            "signal_change_z", "cross_dose_lo_e_a2", "cross_dose_hi_e_a2", "onset_e_a2"];

    /// <summary>The header for reports whose windows are <paramref name="windowNames"/>.</summary>
    public static IReadOnlyList<string> Header(IReadOnlyList<string> windowNames)
    {
        var columns = new List<string> { "series_id", "seq", "t", "dose_e_a2", "dose_estimated", "dose_rate_e_a2_s", "lost_frames", "rejected_messages" };
        foreach (string name in windowNames)
        {
            columns.AddRange(WindowFields.Select(f => $"{name}.{f}"));
        }

        columns.AddRange(["alarm", "alarm_windows", "budget_used", "fit_ms"]);
        return columns;
    }

    /// <summary>Writes <paramref name="reports"/> to <paramref name="path"/>; missing values are empty cells.</summary>
    public static void Write(string path, IReadOnlyList<FrameReport> reports)
    {
        var names = reports.Count > 0 ? reports[0].Windows.Select(w => w.Name).ToArray() : [];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        writer.WriteLine(string.Join(',', Header(names)));
        var cells = new List<string>();
        foreach (var r in reports)
        {
            cells.Clear();
            cells.AddRange([Text(r.SeriesId), r.Seq.ToString(CultureInfo.InvariantCulture), Number(r.T), Number(r.DoseEA2),
                r.DoseEstimated ? "true" : "false", Number(r.DoseRateEA2PerS), r.LostFrames.ToString(CultureInfo.InvariantCulture),
                r.RejectedMessages.ToString(CultureInfo.InvariantCulture)]);
            foreach (string name in names)
            {
                var w = r.Windows.FirstOrDefault(x => x.Name == name);
                cells.AddRange(w is null
                    ? WindowFields.Select(_ => string.Empty)
                    : [Number(w.LoEv), Number(w.HiEv), Number(w.Integral), Number(w.Signal), Number(w.Integrity), Number(w.IntegrityLo),
                        Number(w.IntegrityHi), Number(w.D50EA2), Number(w.D50LoEA2), Number(w.D50HiEA2), Number(w.CrossDoseEA2),
                        Text(w.Kinetics?.Name ?? string.Empty), Number(w.Kinetics?.Order), Number(w.Kinetics?.Beta),
                        Number(w.SignalChangeZ), Number(w.CrossDoseLoEA2), Number(w.CrossDoseHiEA2), Number(w.Kinetics?.OnsetEA2)]);
            }

            cells.AddRange([Text(r.Alarm), Text(string.Join(';', r.AlarmWindows)), Number(r.BudgetUsed), Number(r.FitMs)]);
            writer.WriteLine(string.Join(',', cells));
        }
    }

    private static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Text(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
