using System.Globalization;
using System.Text.Json;
using EelsLive.Engine;
using EelsLive.Model;

namespace EelsLive.Reports;

/// <summary>Reads a JSON Lines results file (one <see cref="FrameReport"/> per line, the contract's field names).</summary>
public static class ResultsFileReader
{
    /// <summary>Reads every report of <paramref name="path"/>; throws <see cref="InvalidDataException"/> naming the first bad line.</summary>
    public static IReadOnlyList<FrameReport> ReadAll(string path)
    {
        var reports = new List<FrameReport>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            try
            {
                reports.Add(Parse(line));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{path}:{lineNumber.ToString(CultureInfo.InvariantCulture)} is not a results line: {ex.Message}", ex);
            }
        }

        return reports;
    }

    /// <summary>Parses one results line.</summary>
    public static FrameReport Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var windows = new List<WindowReport>();
        foreach (var property in Required(root, "windows").EnumerateObject())
        {
            var w = property.Value;
            windows.Add(new WindowReport(
                property.Name, Required(w, "lo_ev").GetDouble(), Required(w, "hi_ev").GetDouble(),
                Number(w, "integral") ?? double.NaN, Number(w, "signal"), Number(w, "integrity"), Number(w, "integrity_lo"),
                Number(w, "integrity_hi"), Number(w, "d50_e_a2"), Number(w, "d50_lo_e_a2"), Number(w, "d50_hi_e_a2"), Number(w, "cross_dose_e_a2"))
            {
                // Files written before 2026-11-25 have no kinetics fields.
                Kinetics = w.TryGetProperty("kinetics", out var law) && law.ValueKind == JsonValueKind.String
                    ? new KineticsLaw(law.GetString()!, Number(w, "kinetic_order"), Number(w, "beta")) { OnsetEA2 = Number(w, "onset_e_a2") }
                    : null,
                SignalChangeZ = Number(w, "signal_change_z"), // written since 2026-12-07
                CrossDoseLoEA2 = Number(w, "cross_dose_lo_e_a2"), // written since 2026-12-07 (eighth session)
                CrossDoseHiEA2 = Number(w, "cross_dose_hi_e_a2"),
            });
        }

        var alarmWindows = root.TryGetProperty("alarm_windows", out var names) && names.ValueKind == JsonValueKind.Array
            ? names.EnumerateArray().Select(n => n.GetString() ?? string.Empty).ToArray()
            : [];
        return new FrameReport(
            Required(root, "series_id").GetString() ?? string.Empty,
            Required(root, "seq").GetInt64(),
            Required(root, "t").GetDouble(),
            Number(root, "dose_e_a2") ?? double.NaN,
            root.TryGetProperty("dose_estimated", out var estimated) && estimated.ValueKind == JsonValueKind.True,
            Number(root, "dose_rate_e_a2_s") ?? double.NaN,
            root.TryGetProperty("lost_frames", out var lost) ? lost.GetInt64() : 0,
            root.TryGetProperty("rejected_messages", out var rejected) ? rejected.GetInt64() : 0,
            windows,
            root.TryGetProperty("alarm", out var alarm) ? alarm.GetString() ?? "ok" : "ok",
            alarmWindows,
            Number(root, "budget_used"),
            Number(root, "fit_ms"));
    }

    /// <summary>A field every results line has; its absence is named in the error.</summary>
    private static JsonElement Required(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw new KeyNotFoundException($"it has no \"{name}\" field");

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
