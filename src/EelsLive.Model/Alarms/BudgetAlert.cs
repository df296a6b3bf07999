namespace EelsLive.Alarms;

/// <summary>Dose-budget alert (wire names "none", "80%", "100%").</summary>
public enum BudgetAlert
{
    /// <summary>No budget, or less than 80% of it used.</summary>
    None = 0,

    /// <summary>At least 80% of the budget used.</summary>
    Approaching = 1,

    /// <summary>The budget is used up.</summary>
    Exhausted = 2,
}
