namespace EelsLive.Reports;

/// <summary>When one alarm window of a series first warned and was first declared crossed (critical), from a re-analysis.</summary>
/// <param name="Window">The window's name.</param>
/// <param name="FirstWarningEA2">Dose of the first frame with the window at warning or above, or null.</param>
/// <param name="FirstCriticalEA2">Dose of the first frame with the window critical, or null.</param>
public sealed record WindowAlarmTimes(string Window, double? FirstWarningEA2, double? FirstCriticalEA2);
