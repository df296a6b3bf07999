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
    /// Every change of law in <paramref name="reports"/> (frames of one series, in order), as the engine announces them
    /// live (<see cref="KineticsChanged"/>): a window whose law differs by name from the one it followed before.
    /// </summary>
    public static IReadOnlyList<LawChange> In(IEnumerable<FrameReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var changes = new List<LawChange>();
        var laws = new Dictionary<string, KineticsLaw>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            foreach (var window in report.Windows)
            {
                if (window.Kinetics is not { } law)
                {
                    continue;
                }

                if (laws.TryGetValue(window.Name, out var previous) && previous.Name != law.Name)
                {
                    changes.Add(new LawChange(window.Name, report.Seq, report.DoseEA2, previous, law));
                }

                laws[window.Name] = law;
            }
        }

        return changes;
    }
}
