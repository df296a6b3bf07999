using System.Globalization;
using System.Text;
using EelsLive.Alarms;
using EelsLive.Engine;

namespace EelsLive.Cli.Console;

/// <summary>Plain-text lines for alarm changes and forecasts, as an operator reads them at the console.</summary>
internal static class AlarmText
{
    /// <summary>One line describing an alarm or budget change.</summary>
    public static string Describe(AlarmChanged change, double threshold)
    {
        var text = new StringBuilder();
        var report = change.Report;
        text.Append(CultureInfo.InvariantCulture, $"ALARM {report.Alarm.ToUpperInvariant()} at {report.DoseEA2:F0} e/Å²");
        if (change.Alarm is { } alarm)
        {
            foreach (var w in alarm.Windows.Where(w => w.Level != AlarmLevel.Ok))
            {
                text.Append("; ").Append(Forecast(w, threshold));
            }
        }

        if (change.Budget.Alert != BudgetAlert.None)
        {
            text.Append(CultureInfo.InvariantCulture, $"; dose budget {change.Budget.Used:P0} used");
            if (change.Budget.SecondsLeft is { } left)
            {
                text.Append(CultureInfo.InvariantCulture, $", {Duration(left)} left at the current rate");
            }
        }

        return text.ToString();
    }

    /// <summary>"c_o reaches 0.5 in ≈ N e/Å², ≈ T at the current rate (P = 0.9 within the lead dose)".</summary>
    public static string Forecast(WindowForecast w, double threshold)
    {
        if (w.Level == AlarmLevel.Critical)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{w.Name} has crossed {threshold:0.##}");
        }

        var text = new StringBuilder(w.Name);
        if (w.SecondsToCross is 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" is reaching {threshold:0.##} now (forecast crossing ≈ {w.CrossDoseEA2:F0} e/Å²)");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $" may reach {threshold:0.##}");
            if (w.CrossDoseEA2 is { } dose)
            {
                text.Append(CultureInfo.InvariantCulture, $" at ≈ {dose:F0} e/Å²");
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
