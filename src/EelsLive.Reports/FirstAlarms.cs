using EelsLive.Alarms;
using EelsLive.Engine;

namespace EelsLive.Reports;

/// <summary>Follows a series' frames and remembers, per alarm window, the dose of its first warning and of its first critical.</summary>
public sealed class FirstAlarms
{
    private readonly Dictionary<string, (double? Warning, double? Critical)> _times = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Takes one frame's alarm evaluation (frames without one, e.g. without a model, change nothing).</summary>
    public void Observe(FrameReported frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        double dose = frame.Report.DoseEA2;
        foreach (var window in frame.Alarm?.Windows ?? [])
        {
            if (!_times.TryGetValue(window.Name, out var times))
            {
                _order.Add(window.Name);
            }

            _times[window.Name] = (
                times.Warning ?? (window.Level >= AlarmLevel.Warning ? dose : null),
                times.Critical ?? (window.Level == AlarmLevel.Critical ? dose : null));
        }
    }

    /// <summary>The alarm windows in the order first seen, with their first warning and first critical doses.</summary>
    public IReadOnlyList<WindowAlarmTimes> Times => [.. _order.Select(name => new WindowAlarmTimes(name, _times[name].Warning, _times[name].Critical))];

    /// <summary>The times of <paramref name="window"/>, or null when it is not an alarm window.</summary>
    public WindowAlarmTimes? Find(string window) =>
        _times.TryGetValue(window, out var times) ? new WindowAlarmTimes(window, times.Warning, times.Critical) : null;
}
