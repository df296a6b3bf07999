using EelsLive.Model;

namespace EelsLive.Engine;

/// <summary>
/// Follows each window's kinetics law from frame to frame and says where it changed: a window whose law differs by name
/// from the one it followed before (a new order is not a new law; a frame without a law keeps the one before).
/// </summary>
public sealed class KineticsLawTracker
{
    private readonly Dictionary<string, KineticsLaw> _laws = new(StringComparer.Ordinal);

    /// <summary>Forgets every window's law, as at the start of a series.</summary>
    public void Reset() => _laws.Clear();

    /// <summary>Takes the next frame's report of the series; returns the windows whose law changed with it, with both laws.</summary>
    public IReadOnlyList<(string Window, KineticsLaw Previous, KineticsLaw Current)> Observe(FrameReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        List<(string, KineticsLaw, KineticsLaw)>? changes = null;
        foreach (var window in report.Windows)
        {
            if (window.Kinetics is not { } law)
            {
                continue;
            }

            if (_laws.TryGetValue(window.Name, out var previous) && previous.Name != law.Name)
            {
                (changes ??= []).Add((window.Name, previous, law));
            }

            _laws[window.Name] = law;
        }

        return changes ?? (IReadOnlyList<(string, KineticsLaw, KineticsLaw)>)[];
    }
}
