using EelsLive.Model;
using EelsLive.Model.Estimation;

namespace EelsLive.Reports;

/// <summary>A model's fit to a whole series after its last frame: per window the fitted integrity curve and the data read as integrity.</summary>
/// <param name="SeriesId">The series.</param>
/// <param name="FinalDoseEA2">The series' cumulative dose at its last frame (e/Å²).</param>
/// <param name="Windows">One fit per window, in window order.</param>
public sealed record FinalFit(string SeriesId, double FinalDoseEA2, IReadOnlyList<WindowFit> Windows)
{
    /// <summary>Points of each fitted curve, evenly spread over the series' dose range (the first just above 0).</summary>
    public const int CurvePoints = 241;

    /// <summary>
    /// Reads the fit of <paramref name="model"/> after its last refit (<paramref name="snapshot"/>) and converts each
    /// frame's signals, placed at <paramref name="midDosesEA2"/>, to integrity with the fitted S0 and S∞.
    /// </summary>
    public static FinalFit Read(string seriesId, IDamageModel model, ModelSnapshot snapshot, IReadOnlyList<double> midDosesEA2, IReadOnlyList<IReadOnlyList<double?>> signals)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(midDosesEA2);
        ArgumentNullException.ThrowIfNull(signals);
        double finalDose = snapshot.CurrentDoseEA2;
        var grid = new double[CurvePoints];
        for (int i = 0; i < grid.Length; i++)
        {
            grid[i] = finalDose * Math.Max(i, 1e-6) / (grid.Length - 1);
        }

        var windows = new WindowFit[snapshot.Windows.Count];
        for (int w = 0; w < windows.Length; w++)
        {
            var estimate = snapshot.Windows[w];
            var doses = new List<double>(midDosesEA2.Count);
            var observed = new List<double>(midDosesEA2.Count);
            double amplitude = estimate.Observation.Amplitude;
            for (int i = 0; i < midDosesEA2.Count; i++)
            {
                if (amplitude != 0 && signals[i][w] is { } s && double.IsFinite(s))
                {
                    doses.Add(midDosesEA2[i]);
                    observed.Add((s - estimate.Observation.Asymptote) / amplitude);
                }
            }

            windows[w] = new WindowFit(estimate.Name, estimate, FittedCurve.From(model.Band, w, grid), [.. doses], [.. observed]);
        }

        return new FinalFit(seriesId, finalDose, windows);
    }
}
