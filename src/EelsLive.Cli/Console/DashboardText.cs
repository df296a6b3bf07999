using System.Globalization;
using EelsLive.Alarms;
using EelsLive.Engine;
using EelsLive.Protocol;

namespace EelsLive.Cli.Console;

/// <summary>The dashboard's phrases as plain text (numbers, intervals, forecasts); <see cref="DashboardView"/> adds the colours.</summary>
internal static class DashboardText
{
    /// <summary>A dose in e/Å² without unit: one decimal below 10, whole numbers above.</summary>
    public static string Dose(double doseEA2) =>
        doseEA2.ToString(Math.Abs(doseEA2) < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);

    /// <summary>A dose rate in e/Å²/s without unit, three significant digits.</summary>
    public static string Rate(double rateEA2PerS) => rateEA2PerS.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a whole percentage, "63%".</summary>
    public static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:F0}%");

    /// <summary>"0.82 (0.78–0.86)", or null while the model has no integrity for the window.</summary>
    public static string? Integrity(WindowReport w)
    {
        if (w.Integrity is not { } integrity)
        {
            return null;
        }

        string text = string.Create(CultureInfo.InvariantCulture, $"{integrity:F2}");
        return w.IntegrityLo is { } lo && w.IntegrityHi is { } hi
            ? text + string.Create(CultureInfo.InvariantCulture, $" ({lo:F2}–{hi:F2})")
            : text;
    }

    /// <summary>"1234 (980–1500) e/Å²", "1234 (980–∞) e/Å²", "> 980 e/Å² (not yet estimable)", or null when the model says nothing yet.</summary>
    public static string? D50(WindowReport w)
    {
        if (w.D50EA2 is { } d50)
        {
            string lo = w.D50LoEA2 is { } l ? Dose(l) : "0";
            string hi = w.D50HiEA2 is { } h ? Dose(h) : "∞";
            return $"{Dose(d50)} ({lo}–{hi}) e/Å²";
        }

        return w.D50LoEA2 is { } notBefore ? $"> {Dose(notBefore)} e/Å² (not yet estimable)" : null;
    }

    /// <summary>
    /// "C–O reaches 0.5 in ≈ 820 e/Å², ≈ 41 s at the current rate", "C–O has crossed 0.5", or a line saying why there is no
    /// forecast; windows that cannot raise alarms (π–π* by default) say "(not alarmed)".
    /// </summary>
    public static string Forecast(DashboardWindow w, double currentDoseEA2, double doseRateEA2PerS, double threshold)
    {
        string theta = threshold.ToString("0.##", CultureInfo.InvariantCulture);
        if (w.Level == AlarmLevel.Critical)
        {
            return $"{w.Label} has crossed {theta}";
        }

        if (w.Report.CrossDoseEA2 is not { } cross)
        {
            return w.Rising
                ? $"{w.Label} rises with dose (mixed response): no crossing forecast"
                : $"{w.Label}: no forecast of reaching {theta} yet";
        }

        string alarmed = w.Forecast is null ? " (not alarmed)" : string.Empty;
        double left = cross - currentDoseEA2;
        if (left <= 0)
        {
            return $"{w.Label} is at {theta} now (≈ {Dose(cross)} e/Å²){alarmed}";
        }

        string time = doseRateEA2PerS > 0
            ? $", ≈ {AlarmText.Duration(left / doseRateEA2PerS)} at the current rate"
            : ", no time estimate while the dose rate is zero";
        return $"{w.Label} reaches {theta} in ≈ {Dose(left)} e/Å²{time}{alarmed}";
    }

    /// <summary>The banner's words after the level: which windows crossed or will probably cross, and a budget alert.</summary>
    public static string Banner(DashboardState state)
    {
        var settings = state.Settings;
        string theta = settings.Threshold.ToString("0.##", CultureInfo.InvariantCulture);
        var parts = new List<string>();
        var crossed = state.Windows.Where(w => w.Level == AlarmLevel.Critical).Select(w => w.Label).ToArray();
        var warned = state.Windows.Where(w => w.Level == AlarmLevel.Warning).Select(w => w.Label).ToArray();
        if (crossed.Length > 0)
        {
            parts.Add($"{string.Join(", ", crossed)} {(crossed.Length == 1 ? "has" : "have")} crossed {theta}");
        }

        if (warned.Length > 0)
        {
            parts.Add($"{string.Join(", ", warned)} will probably reach {theta} within {Dose(settings.LeadDoseEA2)} e/Å²");
        }

        if (parts.Count == 0)
        {
            parts.Add(!settings.ModelRunning ? "no damage model running (--model none)"
                : state.Alarm is null ? "waiting for the first fit"
                : $"no window is forecast to reach {theta} within {Dose(settings.LeadDoseEA2)} e/Å²");
        }

        if (state.Budget.Alert == BudgetAlert.Approaching && state.Budget.Used is { } used)
        {
            parts.Add($"dose budget {Percent(used)} used");
        }
        else if (state.Budget.Alert == BudgetAlert.Exhausted)
        {
            parts.Add("dose budget used up");
        }

        return string.Join("; ", parts);
    }

    /// <summary>"63% of 5000 e/Å² used, 1840 e/Å² left, ≈ 3.5 min at the current rate", or the reason there is no budget line.</summary>
    public static string Budget(DashboardState state)
    {
        if (state.Settings.BudgetDoseEA2 is not { } total)
        {
            return "no dose budget set (--budget-dose)";
        }

        double used = state.Budget.Used ?? state.DoseEA2 / total;
        string text = $"{Percent(used)} of {Dose(total)} e/Å² used, {Dose(Math.Max(0, total - state.DoseEA2))} e/Å² left";
        return state.Budget.SecondsLeft is { } seconds && used < 1
            ? $"{text}, ≈ {AlarmText.Duration(seconds)} at the current rate"
            : text;
    }

    /// <summary>"series 's1' ended (completed): 300 frames accepted, 2 lost" — the same words <c>monitor</c> logs.</summary>
    public static string SeriesEnded(Pipeline.SeriesEnded end) =>
        $"series '{end.End.SeriesId}' ended ({end.End.Reason.WireName()}): {end.FramesAccepted} frames accepted, {end.LostFrames} lost";

    /// <summary>"series 's1' started" — the same words <c>monitor</c> logs.</summary>
    public static string SeriesStarted(Pipeline.SeriesStarted start) => $"series '{start.SeriesId}' started";
}
