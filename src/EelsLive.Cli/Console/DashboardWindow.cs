using EelsLive.Alarms;
using EelsLive.Engine;

namespace EelsLive.Cli.Console;

/// <summary>One energy-loss window as the dashboard shows it: the frame's report, its alarm forecast and whether it rises with dose.</summary>
/// <param name="Report">The window's part of the latest frame report.</param>
/// <param name="Forecast">The alarm's view of the window, or null when the window cannot raise alarms (or no model runs).</param>
/// <param name="Rising">True when the model sees the signal rise with dose (mixed response, e.g. π–π*).</param>
internal sealed record DashboardWindow(WindowReport Report, WindowForecast? Forecast, bool Rising)
{
    /// <summary>The operator's label, e.g. "C–O".</summary>
    public string Label => WindowLabels.For(Report.Name);

    /// <summary>The window's alarm level (Ok for windows that cannot raise alarms).</summary>
    public AlarmLevel Level => Forecast?.Level ?? AlarmLevel.Ok;

    /// <summary>
    /// True when the model sees a significant change of the window's signal (|z| ≥ <see cref="DashboardSettings.ChangeSignificanceZ"/>);
    /// before that its integrity is not identified, and the dashboard never reads it as below a level.
    /// </summary>
    public bool Changing { get; init; }

    /// <summary>Where the window's integrity stands against <paramref name="level"/> (θ, or 0.5 for D50).</summary>
    public IntegrityStanding StandingAgainst(double level) => IntegrityStandings.Of(Report, level, Changing);
}
