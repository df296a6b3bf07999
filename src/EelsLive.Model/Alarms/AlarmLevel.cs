namespace EelsLive.Alarms;

/// <summary>Severity of the damage alarm (wire names "ok", "warning", "critical").</summary>
public enum AlarmLevel
{
    /// <summary>No window is forecast to reach the threshold within the lead dose.</summary>
    Ok = 0,

    /// <summary>A window will probably reach the threshold within the lead dose.</summary>
    Warning = 1,

    /// <summary>A window has reached the threshold (latched for the session).</summary>
    Critical = 2,
}
