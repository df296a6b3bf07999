using EelsLive.Model;

namespace EelsLive.Alarms;

/// <summary>
/// Stateful per-session alarm rule: Warning when P(window reaches θ within L) ≥ p or when the window changes in a way the model
/// cannot describe (<see cref="WindowEstimate.Unexplained"/>), cleared only after the probability stays below both p − margin and
/// <see cref="AlarmOptions.ClearProbability"/> (and the window is explained) for N consecutive evaluations; Critical once the
/// model has judged the window crossed in M consecutive evaluations, latched for the session.
/// </summary>
public sealed class AlarmEvaluator
{
    private readonly AlarmOptions _options;
    private readonly AlarmLevel[] _levels;
    private readonly int[] _belowCounts;
    private readonly int[] _crossedCounts;
    private readonly DoseBudget _budget;
    private AlarmLevel _previousLevel = AlarmLevel.Ok;
    private string[] _previousWindows = [];

    /// <summary>Creates the evaluator; options are validated.</summary>
    public AlarmEvaluator(AlarmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _levels = new AlarmLevel[options.AlarmWindows.Count];
        _belowCounts = new int[options.AlarmWindows.Count];
        _crossedCounts = new int[options.AlarmWindows.Count];
        _budget = new DoseBudget(options.BudgetDoseEA2);
    }

    /// <summary>Evaluates one snapshot at cumulative dose <paramref name="currentDoseEA2"/> and dose rate <paramref name="doseRateEA2PerSecond"/>.</summary>
    public AlarmStatus Evaluate(ModelSnapshot snapshot, double currentDoseEA2, double doseRateEA2PerSecond)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (Math.Abs(snapshot.Threshold - _options.Threshold) > 1e-12 || Math.Abs(snapshot.LeadDoseEA2 - _options.LeadDoseEA2) > 1e-9)
        {
            throw new ArgumentException(
                $"Snapshot was computed for θ = {snapshot.Threshold}, L = {snapshot.LeadDoseEA2} but the alarm uses θ = {_options.Threshold}, L = {_options.LeadDoseEA2}.",
                nameof(snapshot));
        }

        var forecasts = new WindowForecast[_levels.Length];
        var active = new List<string>();
        var level = AlarmLevel.Ok;
        for (var i = 0; i < _levels.Length; i++)
        {
            var name = _options.AlarmWindows[i];
            var estimate = snapshot.Find(name)
                ?? throw new ArgumentException($"Alarm window '{name}' is not in the snapshot ({string.Join(", ", snapshot.Windows.Select(w => w.Name))}).", nameof(snapshot));
            _levels[i] = Next(i, estimate);
            forecasts[i] = new WindowForecast(name, _levels[i], estimate.CrossProbability, estimate.CrossDoseEA2, SecondsTo(estimate.CrossDoseEA2, currentDoseEA2, doseRateEA2PerSecond))
            {
                Unexplained = estimate.Unexplained,
            };
            if (_levels[i] != AlarmLevel.Ok)
            {
                active.Add(name);
                level = (AlarmLevel)Math.Max((int)level, (int)_levels[i]);
            }
        }

        var changed = level != _previousLevel || !active.SequenceEqual(_previousWindows, StringComparer.Ordinal);
        _previousLevel = level;
        _previousWindows = [.. active];

        var budget = _budget.Evaluate(currentDoseEA2, doseRateEA2PerSecond);
        return new AlarmStatus(level, active, forecasts, budget.Used, budget.Alert, budget.SecondsLeft, changed);
    }

    private AlarmLevel Next(int i, WindowEstimate estimate)
    {
        var current = _levels[i];
        if (current == AlarmLevel.Critical)
        {
            return AlarmLevel.Critical;
        }

        _crossedCounts[i] = estimate.Crossed ? _crossedCounts[i] + 1 : 0;
        if (_crossedCounts[i] >= _options.CriticalConfirmEvaluations)
        {
            return AlarmLevel.Critical;
        }

        if (estimate.Crossed || estimate.CrossProbability >= _options.AlarmProbability || estimate.Unexplained)
        {
            _belowCounts[i] = 0;
            return AlarmLevel.Warning;
        }

        if (current == AlarmLevel.Warning)
        {
            if (estimate.CrossProbability < Math.Min(_options.AlarmProbability - _options.ClearMargin, _options.ClearProbability))
            {
                _belowCounts[i]++;
            }
            else
            {
                _belowCounts[i] = 0;
            }

            return _belowCounts[i] >= _options.ClearEvaluations ? AlarmLevel.Ok : AlarmLevel.Warning;
        }

        return AlarmLevel.Ok;
    }

    private static double? SecondsTo(double? crossDose, double currentDose, double doseRate)
    {
        if (crossDose is not { } target)
        {
            return null;
        }

        if (target <= currentDose)
        {
            return 0;
        }

        return doseRate > 0 ? (target - currentDose) / doseRate : null;
    }
}
