using System.Globalization;
using System.Text;
using EelsLive.Cli.Console;
using EelsLive.Engine;
using EelsLive.Simulation;

namespace EelsLive.Cli.Monitoring;

/// <summary>
/// A table of the monitor's final estimates beside the simulator's ground truth, the fitted kinetics law beside the true one;
/// at a threshold θ other than 0.5 also the dose of θ's crossing with its 90% interval beside the true one.
/// </summary>
internal static class DemoSummary
{
    public static string Compare(FrameReport? last, GroundTruth truth, IReadOnlySet<string>? changing = null)
    {
        var text = new StringBuilder();
        if (last is null)
        {
            return "no frame was received.";
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"final dose {last.DoseEA2:F0} e/Å² (true {truth.TotalDoseEA2:F0}); alarm {last.Alarm}");
        bool crossing = SeriesSummary.HasCrossingColumn(truth.Threshold);
        string crossingHeader = crossing ? $"{SeriesSummary.CrossingHeader(truth.Threshold),-30} {"true",-10} " : string.Empty;
        text.AppendLine($"window   integrity [90%]          D50 estimate [90%] e/Å²        true D50   {crossingHeader}{"kinetics",-KineticsWidth} true kinetics");
        foreach (var w in last.Windows)
        {
            var t = truth.Windows.FirstOrDefault(x => x.Name == w.Name);
            string integrity = SeriesSummary.Integrity(w);
            string d50 = SeriesSummary.D50(w, changing?.Contains(w.Name) ?? false);
            string trueD50 = t?.D50EA2 is { } td ? td.ToString("F0", CultureInfo.InvariantCulture) : "never";
            string crossingCells = crossing
                ? $"{SeriesSummary.Crossing(w),-30} {(t?.ThresholdDoseEA2 is { } tc ? tc.ToString("F0", CultureInfo.InvariantCulture) : "never"),-10} "
                : string.Empty;
            string kinetics = KineticsText.Law(w.Kinetics);
            text.AppendLine(CultureInfo.InvariantCulture, $"{w.Name,-8} {integrity,-24} {d50,-30} {trueD50,-10} {crossingCells}{kinetics,-KineticsWidth} {TrueKinetics(t)}");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Width of the fitted-kinetics column: "stretched β = 0.98 after 1250 e/Å²" and a space.</summary>
    private const int KineticsWidth = 34;

    /// <summary>
    /// The simulator's kinetics of a window in the words <see cref="KineticsText.Law"/> uses: "order p = 1.8", "stretched β = 0.7",
    /// and for a two-stage window, an exponential decay after its incubation, "stretched β = 1 after 300 e/Å² (two-stage)".
    /// </summary>
    public static string TrueKinetics(WindowTruth? truth) => truth?.Family switch
    {
        "order_p" when truth.Parameters.TryGetValue("order", out double order) => string.Create(CultureInfo.InvariantCulture, $"order p = {order:0.##}"),
        "exponential" => "order p = 1",
        "stretched_exponential" when truth.Parameters.TryGetValue("beta", out double beta) => string.Create(CultureInfo.InvariantCulture, $"stretched β = {beta:0.##}"),
        "two_stage" when truth.Parameters.TryGetValue("incubation_dose_e_a2", out double onset) =>
            string.Create(CultureInfo.InvariantCulture, $"stretched β = 1 after {onset:0} e/Å² (two-stage)"),
        "two_stage" => "two-stage (incubation, then decay)",
        "none" => "none (stable)",
        null => "–",
        _ => truth.Family,
    };
}
