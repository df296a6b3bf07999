namespace EelsLive.Alarms;

/// <summary>Result of one alarm evaluation.</summary>
/// <param name="Level">Highest level over the alarm windows.</param>
/// <param name="AlarmWindows">Names of the windows in warning or critical, in configured order.</param>
/// <param name="Windows">Per-window forecasts, in configured order.</param>
/// <param name="BudgetUsed">Fraction of the dose budget used, or null without a budget.</param>
/// <param name="Budget">Budget alert level.</param>
/// <param name="BudgetSecondsLeft">Time until the budget is used up at the current dose rate, or null.</param>
/// <param name="Changed">True when the level or the set of alarm windows changed with this evaluation.</param>
public sealed record AlarmStatus(
    AlarmLevel Level,
    IReadOnlyList<string> AlarmWindows,
    IReadOnlyList<WindowForecast> Windows,
    double? BudgetUsed,
    BudgetAlert Budget,
    double? BudgetSecondsLeft,
    bool Changed);
