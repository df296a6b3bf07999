using System.Globalization;
using System.Text;
using EelsLive.Model;

namespace EelsLive.Cli.Validation;

/// <summary>Aggregates validation outcomes, checks them against the targets and writes the Markdown report.</summary>
internal sealed class ValidationReport
{
    /// <summary>The issue's bound on a window's final D50 error.</summary>
    private const double MaxD50Error = 0.10;

    private readonly IReadOnlyList<ScenarioOutcome> _outcomes;
    private readonly double _leadDose;
    private readonly double _threshold;

    /// <summary>The report of <paramref name="outcomes"/>, run with the lead dose L and the threshold θ given.</summary>
    public ValidationReport(IReadOnlyList<ScenarioOutcome> outcomes, double leadDoseEA2, double threshold = 0.5)
    {
        _outcomes = outcomes;
        _leadDose = leadDoseEA2;
        _threshold = threshold;
    }

    public IReadOnlyList<ScenarioOutcome> Outcomes => _outcomes;

    /// <summary>The targets of the issue, judged on the physics-constrained model (and its comparison with the classical one).</summary>
    public IReadOnlyList<ValidationCheck> Checks(ModelKind model = ModelKind.Physics)
    {
        var mine = _outcomes.Where(o => o.Scenario.Model == model).ToList();
        var checks = new List<ValidationCheck>();
        var errors = mine.SelectMany(o => o.Windows.Select(w => w.D50RelativeError(o.TotalDoseEA2))).OfType<double>().ToList();
        if (errors.Count > 0)
        {
            var outside = mine.SelectMany(o => o.Windows.Select(w => (o, w, Error: w.D50RelativeError(o.TotalDoseEA2))))
                .Where(x => x.Error > MaxD50Error)
                .Select(x => $"{x.o.Scenario} {x.w.Name} {Percent(x.Error!.Value)}{ReferenceNote(x.w, x.o.TotalDoseEA2)}")
                .ToList();
            checks.Add(new("final D50 within 10% for every window that decays past half", outside.Count == 0,
                (outside.Count == 0 ? $"max {Percent(errors.Max())} over {errors.Count} windows" : $"{outside.Count} of {errors.Count} outside: {string.Join("; ", outside)}")
                + ReferenceSummary(mine)));
            checks.Add(new("median final D50 error ≤ 5%", Median(errors) <= 0.05, $"median {Percent(Median(errors))}"));
        }

        var d50Cover = mine.SelectMany(o => o.Windows).Select(w => w.FinalD50Covered).OfType<bool>().ToList();
        if (d50Cover.Count > 0)
        {
            double fraction = d50Cover.Count(c => c) / (double)d50Cover.Count;
            checks.Add(new("final 90% D50 intervals cover the truth ≥ 85%", fraction >= 0.85, $"{Percent(fraction)} of {d50Cover.Count}"));
        }

        int integrityChecks = mine.SelectMany(o => o.Windows).Sum(w => w.IntegrityChecks);
        if (integrityChecks > 0)
        {
            double fraction = mine.SelectMany(o => o.Windows).Sum(w => w.IntegrityCovered) / (double)integrityChecks;
            checks.Add(new("90% integrity intervals cover the truth ≥ 85%", fraction >= 0.85, $"{Percent(fraction)} of {integrityChecks} checkpoints"));
        }

        int crossIntervals = mine.SelectMany(o => o.Windows).Sum(w => w.CrossIntervalChecks);
        if (crossIntervals > 0)
        {
            double fraction = mine.SelectMany(o => o.Windows).Sum(w => w.CrossIntervalCovered) / (double)crossIntervals;
            int notBefore = mine.SelectMany(o => o.Windows).Sum(w => w.NotBeforeChecks);
            int honest = mine.SelectMany(o => o.Windows).Sum(w => w.NotBeforeHonest);
            checks.Add(new("90% crossing-dose intervals cover the true crossing ≥ 85%", fraction >= 0.85,
                $"{Percent(fraction)} of {crossIntervals} checkpoints; where only a \"not before\" dose was given, it held at {honest} of {notBefore}"));
        }

        var crossings = mine.SelectMany(o => o.Windows.Where(w => w.IsAlarmWindow && w.TrueCrossDose is not null).Select(w => (o, w))).ToList();
        if (crossings.Count > 0)
        {
            var missed = crossings.Where(c => c.w.AlarmLead is not > 0).Select(c => $"{c.o.Scenario} {c.w.Name}").ToList();
            var leads = crossings.Select(c => c.w.AlarmLead).OfType<double>().Where(l => l > 0).ToList();
            checks.Add(new("a warning before every true crossing", missed.Count == 0,
                missed.Count == 0 ? $"{crossings.Count} of {crossings.Count}" : $"missed or late: {string.Join("; ", missed)}"));
            var lapsed = crossings.Where(c => c.w.AlarmLead is > 0 && !c.w.WarnedThroughCrossing).Select(c => $"{c.o.Scenario} {c.w.Name}").ToList();
            checks.Add(new("that warning still in force at the crossing", lapsed.Count == 0,
                lapsed.Count == 0 ? "every one" : $"cleared before the crossing: {string.Join("; ", lapsed)}"));
            if (leads.Count > 0)
            {
                checks.Add(new($"alarm lead ≤ 2L = {2 * _leadDose:F0} e/Å²", leads.Max() <= 2 * _leadDose,
                    string.Create(CultureInfo.InvariantCulture, $"lead {leads.Min():F0}–{leads.Max():F0} e/Å² (median {Median(leads):F0}); {leads.Count(l => l > 2 * _leadDose)} of {leads.Count} longer than 2L")));
            }
        }

        var early = mine.SelectMany(o => o.Windows.Where(w => w.IsAlarmWindow && w.CriticalTooEarly).Select(w => $"{o.Scenario} {w.Name} at {w.FirstCriticalDose:F0} (true {w.TrueCrossDose?.ToString("F0", CultureInfo.InvariantCulture) ?? "never"})")).ToList();
        checks.Add(new("no window declared crossed (critical) before it truly crossed", early.Count == 0, early.Count == 0 ? "none" : string.Join("; ", early)));

        var control = mine.Where(o => o.Scenario.Preset.Name == "control").ToList();
        if (control.Count > 0)
        {
            int frames = control.Sum(o => o.FramesWithAlarm);
            checks.Add(new("zero alarms on the control preset", frames == 0, $"{frames} frames with an alarm over {control.Count} sessions"));
        }

        var stable = mine.SelectMany(o => o.Windows.Where(w => w.IsAlarmWindow && w.TrueCrossDose is null && w.FirstWarningDose is not null).Select(w => $"{o.Scenario} {w.Name}")).ToList();
        checks.Add(new("no alarm on windows that never reach the threshold", stable.Count == 0, stable.Count == 0 ? "none" : string.Join("; ", stable)));

        if (model == ModelKind.Physics && _outcomes.Any(o => o.Scenario.Model == ModelKind.Classical))
        {
            foreach (var (preset, strictlyBetter) in new[] { ("stretched", false), ("twostage", true), ("orderp", true) })
            {
                double? physics = MedianError(preset, ModelKind.Physics);
                double? classical = MedianError(preset, ModelKind.Classical);
                if (physics is { } p && classical is { } c)
                {
                    bool passed = strictlyBetter ? p < c : p <= c + 0.005;
                    checks.Add(new($"physics model {(strictlyBetter ? "better than" : "at least as good as")} classical on {preset}", passed,
                        $"median D50 error {Percent(p)} vs {Percent(c)}"));
                }
            }
        }

        return checks;
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| preset | model | sessions | median D50 error | max D50 error | D50 interval cover | integrity cover | alarm lead e/Å² (min–max) | critical lag e/Å² (min–max) | frames with alarm | median fit ms |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in _outcomes.GroupBy(o => (o.Scenario.Preset.Name, o.Scenario.Model)))
        {
            var errors = group.SelectMany(o => o.Windows.Select(w => w.D50RelativeError(o.TotalDoseEA2))).OfType<double>().ToList();
            var cover = group.SelectMany(o => o.Windows).Select(w => w.FinalD50Covered).OfType<bool>().ToList();
            int checks = group.SelectMany(o => o.Windows).Sum(w => w.IntegrityChecks);
            int covered = group.SelectMany(o => o.Windows).Sum(w => w.IntegrityCovered);
            var leads = group.SelectMany(o => o.Windows.Where(w => w.IsAlarmWindow)).Select(w => w.AlarmLead).OfType<double>().ToList();
            var lags = group.SelectMany(o => o.Windows.Where(w => w.IsAlarmWindow)).Select(w => w.CriticalLag).OfType<double>().ToList();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key.Name} | {group.Key.Model.ToString().ToLowerInvariant()} | {group.Count()} | {(errors.Count > 0 ? Percent(Median(errors)) : "–")} | {(errors.Count > 0 ? Percent(errors.Max()) : "–")} | {(cover.Count > 0 ? $"{cover.Count(c => c)}/{cover.Count}" : "–")} | {(checks > 0 ? Percent(covered / (double)checks) : "–")} | {(leads.Count > 0 ? $"{leads.Min():F0}–{leads.Max():F0}" : "–")} | {(lags.Count > 0 ? $"{lags.Min():F0}–{lags.Max():F0}" : "–")} | {group.Sum(o => o.FramesWithAlarm)} | {Median(group.Select(o => o.MedianFitMs).ToList()):F2} |"));
        }

        text.AppendLine();
        text.Append(ReferenceTable());
        text.AppendLine();
        text.AppendLine("| target (physics-constrained model) | result | measured |");
        text.AppendLine("|---|---|---|");
        foreach (var check in Checks())
        {
            text.AppendLine($"| {check.Target} | {(check.Passed ? "pass" : "**FAIL**")} | {check.Measured} |");
        }

        foreach (var model in _outcomes.Select(o => o.Scenario.Model).Distinct())
        {
            text.AppendLine();
            text.AppendLine($"Forecast reliability, {model.ToString().ToLowerInvariant()} model (alarm windows, every frame of every session):");
            text.AppendLine();
            text.Append(Calibration(model).ToMarkdown());
            text.AppendLine();
            text.AppendLine($"What the dashboards said, {model.ToString().ToLowerInvariant()} model (every window whose signal has changed, every frame, against its true integrity at that dose):");
            text.AppendLine();
            text.Append(Statements(model).ToMarkdown(_threshold));
        }

        return text.ToString();
    }

    /// <summary>
    /// Final D50 errors per preset and model beside those of least-squares fits to the same frames (<see cref="ReferenceFit"/>)
    /// of the true kinetics family (its form known) and of the family the data favour (its form chosen by the data): where
    /// these miss too, the data do not hold the answer. Empty when no reference was computed.
    /// </summary>
    public string ReferenceTable()
    {
        var rows = _outcomes.GroupBy(o => (o.Scenario.Preset.Name, o.Scenario.Model))
            .Select(g => (g.Key, Windows: g.SelectMany(o => o.Windows.Select(w => (
                    Model: w.D50RelativeError(o.TotalDoseEA2),
                    True: w.TrueFamilyFitError(o.TotalDoseEA2),
                    Best: w.BestFamilyFitError(o.TotalDoseEA2))))
                .Where(x => x.Model is not null && x.True is not null && x.Best is not null)
                .Select(x => (Model: x.Model!.Value, True: x.True!.Value, Best: x.Best!.Value)).ToList()))
            .Where(r => r.Windows.Count > 0)
            .ToList();
        if (rows.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        text.AppendLine("Final D50 against least-squares fits to the same frames (every parameter free, no priors, no network) of the true kinetics family and of the family the data favour (AIC among exponential, order-p, stretched and two-stage):");
        text.AppendLine();
        text.AppendLine("| preset | model | windows | model: median error | model: outside 10% | true-family fit: median error | true-family fit: outside 10% | best-family fit: median error | best-family fit: outside 10% | outside for the model only |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (key, windows) in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {key.Name} | {key.Model.ToString().ToLowerInvariant()} | {windows.Count} | {Percent(Median(windows.Select(w => w.Model).ToList()))} | {windows.Count(w => w.Model > MaxD50Error)} | {Percent(Median(windows.Select(w => w.True).ToList()))} | {windows.Count(w => w.True > MaxD50Error)} | {Percent(Median(windows.Select(w => w.Best).ToList()))} | {windows.Count(w => w.Best > MaxD50Error)} | {windows.Count(w => w.Model > MaxD50Error && w.True <= MaxD50Error && w.Best <= MaxD50Error)} |"));
        }

        return text.ToString();
    }

    /// <summary>The alarm forecasts of every session of <paramref name="model"/>, pooled, against the truth at D + L.</summary>
    public ForecastCalibration Calibration(ModelKind model)
    {
        var pooled = new ForecastCalibration();
        foreach (var outcome in _outcomes.Where(o => o.Scenario.Model == model))
        {
            pooled.AddRange(outcome.Calibration);
        }

        return pooled;
    }

    /// <summary>The integrity statements of every session of <paramref name="model"/>, pooled.</summary>
    public IntegrityStatements Statements(ModelKind model)
    {
        var pooled = new IntegrityStatements();
        foreach (var outcome in _outcomes.Where(o => o.Scenario.Model == model))
        {
            pooled.AddRange(outcome.Statements);
        }

        return pooled;
    }

    private double? MedianError(string preset, ModelKind model)
    {
        var errors = _outcomes.Where(o => o.Scenario.Preset.Name == preset && o.Scenario.Model == model)
            .SelectMany(o => o.Windows.Select(w => w.D50RelativeError(o.TotalDoseEA2))).OfType<double>().ToList();
        return errors.Count > 0 ? Median(errors) : null;
    }

    private static string ReferenceNote(WindowOutcome window, double totalDose) =>
        window.TrueFamilyFitError(totalDose) is { } known && window.BestFamilyFitError(totalDose) is { } chosen
            ? $" (true-family fit {Percent(known)}, best-family fit {Percent(chosen)} {window.BestFamily})"
            : "";

    /// <summary>How least-squares fits to the same frames do on the windows the target judges.</summary>
    private static string ReferenceSummary(IEnumerable<ScenarioOutcome> outcomes)
    {
        var judged = outcomes.SelectMany(o => o.Windows.Where(w => w.D50RelativeError(o.TotalDoseEA2) is not null)
                .Select(w => (True: w.TrueFamilyFitError(o.TotalDoseEA2), Best: w.BestFamilyFitError(o.TotalDoseEA2))))
            .Where(x => x.True is not null && x.Best is not null)
            .Select(x => (True: x.True!.Value, Best: x.Best!.Value))
            .ToList();
        return judged.Count == 0
            ? ""
            : $"; least-squares fits to the same frames miss {judged.Count(x => x.True > MaxD50Error)} of {judged.Count} knowing the true family (median {Percent(Median(judged.Select(x => x.True).ToList()))}) and {judged.Count(x => x.Best > MaxD50Error)} of {judged.Count} choosing the family the data favour (median {Percent(Median(judged.Select(x => x.Best).ToList()))})";
    }

    private static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
    }

    private static string Percent(double fraction) =>
        double.IsPositiveInfinity(fraction) ? "no estimate" : fraction.ToString("P1", CultureInfo.InvariantCulture);
}
