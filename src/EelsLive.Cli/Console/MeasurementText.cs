using System.Globalization;
using EelsLive.Engine;
using EelsLive.Pipeline;

namespace EelsLive.Cli.Console;

/// <summary>The line an operator reads when windows cannot be measured: what is wrong, what it costs, what to do.</summary>
internal static class MeasurementText
{
    /// <summary>
    /// E.g. "NO DATA c_c (4–7 eV), c_o (10–15 eV) from seq 0 of series s1: outside this spectrum's energy range
    /// (250.0–352.4 eV): these windows cannot be measured and cannot raise a damage alarm; check the spectrometer's energy
    /// offset and dispersion, or --windows" — the line <c>monitor</c> and <c>analyze</c> log and the dashboard prints.
    /// </summary>
    public static string Describe(MeasurementProblemFound problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var where = string.Create(CultureInfo.InvariantCulture, $"from seq {problem.Report.Seq} of series {problem.Report.SeriesId}");
        var spectrum = string.Create(CultureInfo.InvariantCulture, $"{problem.Spectrum.LoEv:F1}–{problem.Spectrum.HiEv:F1} eV");
        return problem.Kind switch
        {
            MeasurementProblemKind.OutsideSpectrum =>
                $"NO DATA {List(problem.Windows, withCoverage: false)} {where}: outside this spectrum's energy range ({spectrum}): "
                + $"{(problem.Windows.Count == 1 ? "this window cannot be measured and cannot" : "these windows cannot be measured and cannot")} raise a damage alarm; "
                + "check the spectrometer's energy offset and dispersion, or --windows",
            MeasurementProblemKind.PartlyOutsideSpectrum =>
                $"PARTLY MEASURED {List(problem.Windows, withCoverage: true)} {where}: the spectrum covers only {spectrum}, "
                + "so the integral holds the part inside only; its signal changes whenever that part does",
            MeasurementProblemKind.NoReference when problem.Normalisation == Normalisation.ZeroLoss =>
                $"NO DATA {where}: no zero-loss peak in this spectrum ({spectrum}), so the window integrals cannot be normalised: "
                + "no window has a signal, the damage model gets nothing and no damage alarm can be raised; "
                + "acquire with the zero-loss peak in the spectrum, or use --normalise total",
            MeasurementProblemKind.NoReference =>
                $"NO DATA {where}: the spectrum ({spectrum}) has no positive counts, so the window integrals cannot be normalised: "
                + "no window has a signal, the damage model gets nothing and no damage alarm can be raised",
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem.Kind, "unknown measurement problem"),
        };
    }

    private static string List(IReadOnlyList<(EnergyWindow Window, double Coverage)> windows, bool withCoverage) =>
        string.Join(", ", windows.Select(w => withCoverage
            ? string.Create(CultureInfo.InvariantCulture, $"{w.Window.Name} ({w.Window.LoEv:0.##}–{w.Window.HiEv:0.##} eV, {w.Coverage * 100:F0} % inside)")
            : string.Create(CultureInfo.InvariantCulture, $"{w.Window.Name} ({w.Window.LoEv:0.##}–{w.Window.HiEv:0.##} eV)")));
}
