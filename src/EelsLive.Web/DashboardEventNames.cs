namespace EelsLive.Web;

/// <summary>The server-sent event types of <c>/events</c>.</summary>
public static class DashboardEventNames
{
    /// <summary>Counters, the latest report and the plot history; at most the display rate.</summary>
    public const string State = "state";

    /// <summary>The alarm level and windows; sent at once whenever either changes.</summary>
    public const string Alarm = "alarm";

    /// <summary>The latest spectrum on the aligned axis with the windows; at most the display rate.</summary>
    public const string Spectrum = "spectrum";
}
