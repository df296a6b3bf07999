using System.Globalization;
using System.Text;
using EelsLive.Engine;
using EelsLive.Simulation;

namespace EelsLive.Cli.Monitoring;

/// <summary>A table of the monitor's final estimates beside the simulator's ground truth.</summary>
internal static class DemoSummary
{
    public static string Compare(FrameReport? last, GroundTruth truth)
    {
        var text = new StringBuilder();
        if (last is null)
        {
            return "no frame was received.";
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"final dose {last.DoseEA2:F0} e/Å² (true {truth.TotalDoseEA2:F0}); alarm {last.Alarm}");
        text.AppendLine("window   integrity [90%]          D50 estimate [90%] e/Å²        true D50");
        foreach (var w in last.Windows)
        {
            var t = truth.Windows.FirstOrDefault(x => x.Name == w.Name);
            string integrity = SeriesSummary.Integrity(w);
            string d50 = SeriesSummary.D50(w);
            string trueD50 = t?.D50EA2 is { } td ? td.ToString("F0", CultureInfo.InvariantCulture) : "never";
            text.AppendLine(CultureInfo.InvariantCulture, $"{w.Name,-8} {integrity,-24} {d50,-30} {trueD50}");
        }

        return text.ToString().TrimEnd();
    }
}
