using EelsLive.Engine;
using EelsLive.Model;

namespace EelsLive.Reports;

/// <summary>A window's fit changing kinetics law between two frames of a series, found again in its frame reports.</summary>
/// <param name="Window">The window.</param>
/// <param name="Seq">The frame that carries the new law.</param>
/// <param name="DoseEA2">That frame's cumulative dose.</param>
/// <param name="Previous">The law before it.</param>
/// <param name="Current">The law from it on.</param>
public sealed record LawChange(string Window, long Seq, double DoseEA2, KineticsLaw Previous, KineticsLaw Current)
{
    /// <summary>
    /// Every change of law in <paramref name="reports"/> (frames of one series, in order), by the same rule as the engine
    /// announces them live (<see cref="KineticsChanged"/>, <see cref="KineticsLawTracker"/>).
    /// </summary>
    public static IReadOnlyList<LawChange> In(IEnumerable<FrameReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var tracker = new KineticsLawTracker();
        return [.. reports.SelectMany(r => tracker.Observe(r).Select(c => new LawChange(c.Window, r.Seq, r.DoseEA2, c.Previous, c.Current)))];
    }
}
