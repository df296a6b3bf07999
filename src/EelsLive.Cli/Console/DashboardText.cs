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

    /// <summary>
    /// "1234 (980–1500) e/Å²", "1234 (980–∞) e/Å²", "> 980 e/Å² (not yet estimable)", or null when the model says nothing yet;
    /// "> 980 e/Å² (probably passed)" while D50 is not estimable but the window's central integrity is already below 0.5.
    /// </summary>
    public static string? D50(DashboardWindow w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var report = w.Report;
        if (report.D50EA2 is { } d50)
        {
            string lo = report.D50LoEA2 is { } l ? Dose(l) : "0";
            string hi = report.D50HiEA2 is { } h ? Dose(h) : "∞";
            return $"{Dose(d50)} ({lo}–{hi}) e/Å²";
        }

        if (report.D50LoEA2 is not { } notBefore)
        {
            return null;
        }

        return w.StandingAgainst(0.5) == IntegrityStanding.NotBelow
            ? $"> {Dose(notBefore)} e/Å² (not yet estimable)"
            : $"> {Dose(notBefore)} e/Å² (probably passed)";
    }

    /// <summary>
    /// The window's forecast line, one story with its integrity, D50 and alarm: "C–O reaches 0.5 in ≈ 820 e/Å², ≈ 41 s at the
    /// current rate", "C–O is at 0.5 now (≈ 3150 e/Å²)", "C–O is probably below 0.5 since ≈ 2900 e/Å²" (central integrity below θ,
    /// its interval still reaching it), "C–O is below 0.5 since ≈ 2900 e/Å²" (the whole interval below), "C–O has crossed 0.5"
    /// (critical), "C–O may reach 0.5 within 200 e/Å² (P = 0.62); crossing dose not yet pinned down" (a warning without a crossing
    /// dose), or a line saying why there is no forecast; windows that cannot raise alarms (π–π* by default) add "(not alarmed)".
    /// </summary>
    public static string Forecast(DashboardWindow w, DashboardState state)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(state);
        double threshold = state.Settings.Threshold;
        string theta = threshold.ToString("0.##", CultureInfo.InvariantCulture);
        if (w.Level == AlarmLevel.Critical)
        {
            return $"{w.Label} has crossed {theta}";
        }

        string alarmed = w.Forecast is null ? " (not alarmed)" : string.Empty;
        if (w.Forecast is { Level: AlarmLevel.Warning, Unexplained: true } && w.Report.CrossDoseEA2 is null && w.StandingAgainst(threshold) == IntegrityStanding.NotBelow)
        {
            return $"{w.Label} changes in a way the damage model cannot describe: no reliable forecast";
        }

        string unreliable = w.Forecast is { Unexplained: true } ? " (unreliable: the damage model cannot describe the change)" : string.Empty;
        return Where(w, state, theta, alarmed) + unreliable;
    }

    private static string Where(DashboardWindow w, DashboardState state, string theta, string alarmed)
    {
        var standing = w.StandingAgainst(state.Settings.Threshold);
        if (standing != IntegrityStanding.NotBelow)
        {
            string below = standing == IntegrityStanding.Below ? "is below" : "is probably below";
            return w.Report.CrossDoseEA2 is { } since
                ? $"{w.Label} {below} {theta} since ≈ {Dose(since)} e/Å²{alarmed}"
                : $"{w.Label} {below} {theta} now; crossing dose not yet pinned down{alarmed}";
        }

        if (w.Report.CrossDoseEA2 is not { } cross)
        {
            if (w.Forecast is { Level: AlarmLevel.Warning } warning)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"{w.Label} may reach {theta} within {Dose(state.Settings.LeadDoseEA2)} e/Å² (P = {warning.CrossProbability:F2}); crossing dose not yet pinned down");
            }

            return w.Rising
                ? $"{w.Label} rises with dose (mixed response): no crossing forecast"
                : $"{w.Label}: no forecast of reaching {theta} yet";
        }

        double left = cross - state.DoseEA2;
        if (left <= 0)
        {
            return $"{w.Label} is at {theta} now (≈ {Dose(cross)} e/Å²){alarmed}";
        }

        string time = state.DoseRateEA2PerS > 0
            ? $", ≈ {AlarmText.Duration(left / state.DoseRateEA2PerS)} at the current rate"
            : ", no time estimate while the dose rate is zero";
        return $"{w.Label} reaches {theta} in ≈ {Dose(left)}{CrossingInterval(w.Report, state.DoseEA2)} e/Å²{time}{alarmed}";
    }

    /// <summary>
    /// " (310–1300)": the 90% interval of the crossing dose, from <paramref name="fromDoseEA2"/> on (a lower end behind it reads
    /// 0), or empty when the report has none (results written before the interval was).
    /// </summary>
    public static string CrossingInterval(WindowReport report, double fromDoseEA2 = 0)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report is { CrossDoseLoEA2: { } lo, CrossDoseHiEA2: { } hi }
            ? $" ({Dose(Math.Max(0, lo - fromDoseEA2))}–{Dose(hi - fromDoseEA2)})"
            : string.Empty;
    }

    /// <summary>The banner's words after the level: which windows crossed, are probably below θ already or will probably reach it, and a budget alert.</summary>
    public static string Banner(DashboardState state)
    {
        var settings = state.Settings;
        string theta = settings.Threshold.ToString("0.##", CultureInfo.InvariantCulture);
        var parts = new List<string>();
        var crossed = state.Windows.Where(w => w.Level == AlarmLevel.Critical).Select(w => w.Label).ToArray();
        var warnings = state.Windows.Where(w => w.Level == AlarmLevel.Warning).ToLookup(w => WarningKind(w, settings));
        if (crossed.Length > 0)
        {
            parts.Add($"{string.Join(", ", crossed)} {(crossed.Length == 1 ? "has" : "have")} crossed {theta}");
        }

        string lead = Dose(settings.LeadDoseEA2);
        AddWarnings(parts, warnings[Warned.Below], n => $"{(n == 1 ? "is" : "are")} probably below {theta} already (not yet confirmed)");
        AddWarnings(parts, warnings[Warned.Likely], _ => $"will probably reach {theta} within {lead} e/Å²");
        AddWarnings(parts, warnings[Warned.Held], _ => $"may still reach {theta} within {lead} e/Å² (warning held)");
        AddWarnings(parts, warnings[Warned.Unexplained], n => $"{(n == 1 ? "changes" : "change")} in a way the damage model cannot describe");
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

    /// <summary>
    /// Why a warned window warns, as the banner groups it: already below θ by its integrity, likely to reach θ within L
    /// (P ≥ p), a change the model cannot describe, or held by the alarm's hysteresis after P fell below p.
    /// </summary>
    private static Warned WarningKind(DashboardWindow w, DashboardSettings settings) =>
        w.StandingAgainst(settings.Threshold) != IntegrityStanding.NotBelow ? Warned.Below
        : w.Forecast!.CrossProbability >= settings.AlarmProbability ? Warned.Likely
        : w.Forecast.Unexplained ? Warned.Unexplained
        : Warned.Held;

    private static void AddWarnings(List<string> parts, IEnumerable<DashboardWindow> windows, Func<int, string> words)
    {
        var labels = windows.Select(w => w.Label).ToArray();
        if (labels.Length > 0)
        {
            parts.Add($"{string.Join(", ", labels)} {words(labels.Length)}");
        }
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

    /// <summary>Why a window warns, as the banner groups warned windows.</summary>
    private enum Warned
    {
        Below,
        Likely,
        Held,
        Unexplained,
    }
}
