using EelsLive.Pipeline;

namespace EelsLive.Engine;

/// <summary>
/// Finds the frames on which windows could not be measured and says which problems are new in the series: a window
/// outside (or partly outside) the spectrum's energy range, or no positive reference to normalise by. Each problem is
/// reported once per series and window, so an edge that drifts in and out does not flood the log.
/// </summary>
public sealed class MeasurementProblemTracker
{
    /// <summary>Coverage below which a window counts as partly outside (a rounding margin below 1).</summary>
    private const double FullCoverage = 1 - 1e-9;

    private readonly HashSet<(MeasurementProblemKind, string)> _reported = [];

    /// <summary>Forgets every reported problem, as at the start of a series.</summary>
    public void Reset() => _reported.Clear();

    /// <summary>The problems of <paramref name="measurement"/> not reported before in the series, each with the windows it affects.</summary>
    public IReadOnlyList<(MeasurementProblemKind Kind, IReadOnlyList<(EnergyWindow Window, double Coverage)> Windows)> Observe(
        FrameMeasurement measurement, IReadOnlyList<EnergyWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        ArgumentNullException.ThrowIfNull(windows);
        List<(MeasurementProblemKind, IReadOnlyList<(EnergyWindow, double)>)>? found = null;
        List<(EnergyWindow, double)>? outside = null, partly = null, unnormalised = null;
        for (var w = 0; w < windows.Count; w++)
        {
            var coverage = measurement.Spectrum.Coverage(windows[w]);
            if (coverage <= 0)
            {
                AddIfNew(MeasurementProblemKind.OutsideSpectrum, windows[w], coverage, ref outside);
            }
            else if (coverage < FullCoverage && !_reported.Contains((MeasurementProblemKind.OutsideSpectrum, windows[w].Name)))
            {
                AddIfNew(MeasurementProblemKind.PartlyOutsideSpectrum, windows[w], coverage, ref partly);
            }

            if (measurement.Signals[w] is null)
            {
                AddIfNew(MeasurementProblemKind.NoReference, windows[w], coverage, ref unnormalised);
            }
        }

        Collect(MeasurementProblemKind.NoReference, unnormalised, ref found);
        Collect(MeasurementProblemKind.OutsideSpectrum, outside, ref found);
        Collect(MeasurementProblemKind.PartlyOutsideSpectrum, partly, ref found);
        return found ?? (IReadOnlyList<(MeasurementProblemKind, IReadOnlyList<(EnergyWindow, double)>)>)[];
    }

    private void AddIfNew(MeasurementProblemKind kind, EnergyWindow window, double coverage, ref List<(EnergyWindow, double)>? list)
    {
        if (_reported.Add((kind, window.Name)))
        {
            (list ??= []).Add((window, coverage));
        }
    }

    private static void Collect(
        MeasurementProblemKind kind,
        List<(EnergyWindow, double)>? windows,
        ref List<(MeasurementProblemKind, IReadOnlyList<(EnergyWindow, double)>)>? found)
    {
        if (windows is not null)
        {
            (found ??= []).Add((kind, windows));
        }
    }
}
