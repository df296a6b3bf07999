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
}
