namespace EelsLive.Alarms;

/// <summary>A facility's dose budget for a session: alerts at 80% and 100% with the time left at the current dose rate.</summary>
public sealed class DoseBudget
{
    /// <summary>Fraction of the budget at which the first alert is raised.</summary>
    public const double ApproachingFraction = 0.8;

    /// <summary>Creates a budget of <paramref name="totalEA2"/> e/Å²; null means no budget.</summary>
    public DoseBudget(double? totalEA2)
    {
        if (totalEA2 is { } total && (!double.IsFinite(total) || total <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(totalEA2), total, "The dose budget must be positive and finite.");
        }

        TotalEA2 = totalEA2;
    }

    /// <summary>The budget in e/Å², or null when none is set.</summary>
    public double? TotalEA2 { get; }

    /// <summary>The budget's state at <paramref name="currentDoseEA2"/> with the dose rate <paramref name="doseRateEA2PerSecond"/>.</summary>
    public BudgetStatus Evaluate(double currentDoseEA2, double doseRateEA2PerSecond)
    {
        if (TotalEA2 is not { } total)
        {
            return BudgetStatus.None;
        }

        double used = currentDoseEA2 / total;
        var alert = used >= 1 ? BudgetAlert.Exhausted : used >= ApproachingFraction ? BudgetAlert.Approaching : BudgetAlert.None;
        double? secondsLeft = doseRateEA2PerSecond > 0 ? Math.Max(0, total - currentDoseEA2) / doseRateEA2PerSecond : null;
        return new BudgetStatus(used, alert, secondsLeft) { TotalEA2 = total };
    }
}

/// <summary>A dose budget's state: the fraction used, the alert level and the time left at the current dose rate.</summary>
/// <param name="Used">Fraction of the budget used (JSON <c>budget_used</c>), null without a budget.</param>
/// <param name="Alert">None, approaching (≥ 80%) or exhausted (≥ 100%).</param>
/// <param name="SecondsLeft">Seconds until the budget is used up at the current dose rate, or null.</param>
public sealed record BudgetStatus(double? Used, BudgetAlert Alert, double? SecondsLeft)
{
    /// <summary>The budget in e/Å², or null when none is set.</summary>
    public double? TotalEA2 { get; init; }

    /// <summary>The state when no budget is set.</summary>
    public static BudgetStatus None { get; } = new(null, BudgetAlert.None, null);
}
