namespace EelsLive.Reports;

/// <summary>The ground truth of a simulated session (e.g. the simulator's <c>--truth</c> file), for comparing a report's estimates with it.</summary>
/// <param name="Source">Where it came from, as the report names it (e.g. the file name).</param>
/// <param name="SeriesId">The series it describes.</param>
/// <param name="Windows">The true curve of each window it knows.</param>
public sealed record SessionTruth(string Source, string SeriesId, IReadOnlyList<TrueIntegrity> Windows)
{
    /// <summary>The true curve of <paramref name="window"/>, or null when the truth does not know it.</summary>
    public TrueIntegrity? Find(string window) => Windows.FirstOrDefault(w => w.Window == window);
}
