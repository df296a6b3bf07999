using System.Globalization;
using System.Text;
using EelsLive.Alarms;
using EelsLive.Engine;

namespace EelsLive.Cli.Console;

/// <summary>Plain-text lines for alarm changes and forecasts, as an operator reads them at the console.</summary>
internal static class AlarmText
{
    /// <summary>
    /// One line describing what changed with a frame: the damage alarm ("ALARM WARNING at 660 e/Å²; c_o may reach 0.5 …"),
    /// the dose budget ("DOSE BUDGET 80 % used at 4000 e/Å² …"), or both, joined by " · ".
    /// </summary>
    public static string Describe(AlarmChanged change, double threshold)
    {
        ArgumentNullException.ThrowIfNull(change);
        var parts = new List<string>(2);
        if (change.DamageAlarmChanged || !change.BudgetChanged)
        {
            parts.Add(DamageAlarm(change, threshold));
        }

        if (change.BudgetChanged && Budget(change.Budget, change.Report.DoseEA2) is { } budget)
        {
            parts.Add(budget);
        }

        return string.Join(" · ", parts);
    }

    /// <summary>True when the change calls for the operator's attention: a damage alarm above ok, or a budget alert raised.</summary>
    public static bool IsAlert(AlarmChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Report.Alarm != AlarmLevel.Ok.ToWireName() || (change.BudgetChanged && change.Budget.Alert != BudgetAlert.None);
    }

    private static string DamageAlarm(AlarmChanged change, double threshold)
    {
        var report = change.Report;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"ALARM {report.Alarm.ToUpperInvariant()} at {report.DoseEA2:F0} e/Å²");
        if (change.Alarm is { } alarm)
        {
            foreach (var w in alarm.Windows.Where(w => w.Level != AlarmLevel.Ok))
            {
                text.Append("; ").Append(Forecast(w, threshold, report.Windows.FirstOrDefault(r => r.Name == w.Name)));
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// "DOSE BUDGET 80 % used at 4000 e/Å²: 1000 of 5000 e/Å² left, ≈ 25 s at the current rate" or "DOSE BUDGET USED UP at
    /// 5000 e/Å² (budget 5000 e/Å²)"; null once no alert is raised (a new series starts with none).
    /// </summary>
    private static string? Budget(BudgetStatus budget, double doseEA2)
    {
        if (budget.Alert == BudgetAlert.Exhausted)
        {
            return budget.TotalEA2 is { } limit
                ? string.Create(CultureInfo.InvariantCulture, $"DOSE BUDGET USED UP at {doseEA2:F0} e/Å² (budget {limit:F0} e/Å²)")
                : string.Create(CultureInfo.InvariantCulture, $"DOSE BUDGET USED UP at {doseEA2:F0} e/Å²");
        }

        if (budget.Alert != BudgetAlert.Approaching)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"DOSE BUDGET {budget.Used:P0} used at {doseEA2:F0} e/Å²");
        if (budget.TotalEA2 is { } total)
        {
            text.Append(CultureInfo.InvariantCulture, $": {Math.Max(0, total - doseEA2):F0} of {total:F0} e/Å² left");
        }

        if (budget.SecondsLeft is { } left)
        {
            text.Append(CultureInfo.InvariantCulture, $", ≈ {Duration(left)} at the current rate");
        }

        return text.ToString();
    }

    /// <summary>
    /// "c_o may reach 0.5 at ≈ N (N₅–N₉₅) e/Å², ≈ T at the current rate (P = 0.9 within the lead dose)", the crossing dose's 90%
    /// interval in brackets when <paramref name="report"/> carries it; once the forecast crossing
    /// lies at or behind the current dose, the window's integrity in <paramref name="report"/> decides the words, as on the
    /// dashboard: "c_o is probably below 0.5 since ≈ N e/Å²" (central integrity below θ), "c_o is below 0.5 since ≈ N e/Å²" (its
    /// whole interval below) or "c_o is reaching 0.5 now (forecast crossing ≈ N e/Å²)" (integrity reads θ).
    /// </summary>
    /// <remarks>A window that is not Ok has a significant change of its signal (warnings and crossings require one), so its integrity is read.</remarks>
    public static string Forecast(WindowForecast w, double threshold, WindowReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (w.Level == AlarmLevel.Critical)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{w.Name} has crossed {threshold:0.##}");
        }

        var text = new StringBuilder(w.Name);
        var standing = report is null
            ? w.SecondsToCross is 0 ? IntegrityStanding.ProbablyBelow : IntegrityStanding.NotBelow
            : IntegrityStandings.Of(report, threshold, changing: w.Level != AlarmLevel.Ok);
        if (standing != IntegrityStanding.NotBelow)
        {
            text.Append(standing == IntegrityStanding.Below ? " is below " : " is probably below ")
                .Append(CultureInfo.InvariantCulture, $"{threshold:0.##}")
                .Append(w.CrossDoseEA2 is { } since ? string.Create(CultureInfo.InvariantCulture, $" since ≈ {since:F0} e/Å²") : " now, crossing dose not yet pinned down");
        }
        else if (w.SecondsToCross is 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" is reaching {threshold:0.##} now (forecast crossing ≈ {w.CrossDoseEA2:F0} e/Å²)");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $" may reach {threshold:0.##}");
            if (w.CrossDoseEA2 is { } dose)
            {
                text.Append(CultureInfo.InvariantCulture, $" at ≈ {dose:F0}{(report is null ? string.Empty : DashboardText.CrossingInterval(report))} e/Å²");
            }

            if (w.SecondsToCross is { } seconds)
            {
                text.Append(CultureInfo.InvariantCulture, $", ≈ {Duration(seconds)} at the current rate");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $" (P = {w.CrossProbability:F2} within the lead dose)");
        if (w.Unexplained)
        {
            text.Append(", changing in a way the damage model cannot describe: forecast unreliable");
        }

        return text.ToString();
    }

    /// <summary>Seconds as "42 s", "3.5 min" or "1.2 h".</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:F0} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:F1} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:F1} h"),
    };
}
