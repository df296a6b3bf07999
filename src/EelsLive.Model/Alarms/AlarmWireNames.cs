namespace EelsLive.Alarms;

/// <summary>Wire (JSON) names of the alarm enums.</summary>
public static class AlarmWireNames
{
    /// <summary>"ok", "warning" or "critical".</summary>
    public static string ToWireName(this AlarmLevel level) => level switch
    {
        AlarmLevel.Ok => "ok",
        AlarmLevel.Warning => "warning",
        AlarmLevel.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown alarm level."),
    };

    /// <summary>"none", "80%" or "100%".</summary>
    public static string ToWireName(this BudgetAlert alert) => alert switch
    {
        BudgetAlert.None => "none",
        BudgetAlert.Approaching => "80%",
        BudgetAlert.Exhausted => "100%",
        _ => throw new ArgumentOutOfRangeException(nameof(alert), alert, "Unknown budget alert."),
    };
}
