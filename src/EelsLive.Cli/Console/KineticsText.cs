using System.Globalization;
using EelsLive.Engine;
using EelsLive.Model;

namespace EelsLive.Cli.Console;

/// <summary>Plain-text forms of a window's kinetics law and of a change of law, as an operator reads them.</summary>
internal static class KineticsText
{
    /// <summary>"order p = 1.62", "stretched β = 0.61" (<see cref="KineticsLaw.Describe"/>), or "–" without a law.</summary>
    public static string Law(KineticsLaw? law) => law?.Describe() ?? "–";

    /// <summary>The short form for narrow tables: "p 1.62", "β 0.61", or "–".</summary>
    public static string Short(KineticsLaw? law) => law switch
    {
        { Order: { } order } => string.Create(CultureInfo.InvariantCulture, $"p {order:F2}"),
        { Beta: { } beta, OnsetEA2: { } onset } => string.Create(CultureInfo.InvariantCulture, $"β {beta:F2} D₀ {onset:F0}"),
        { Beta: { } beta } => string.Create(CultureInfo.InvariantCulture, $"β {beta:F2}"),
        _ => "–",
    };

    /// <summary>
    /// "KINETICS c_c at 1810 e/Å²: order p = 1.45 → stretched β = 0.61; its D50 and forecast now follow the new law and may
    /// jump" — the line <c>monitor</c> logs and the dashboard prints when a window's fit changes law.
    /// </summary>
    public static string Describe(KineticsChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return string.Create(CultureInfo.InvariantCulture,
            $"KINETICS {change.Window} at {change.Report.DoseEA2:F0} e/Å²: {Law(change.Previous)} → {Law(change.Current)}; its D50 and forecast now follow the new law and may jump");
    }
}
