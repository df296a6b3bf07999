namespace EelsLive.Alarms;

/// <summary>Validated settings of the damage alarm.</summary>
public sealed record AlarmOptions
{
    /// <summary>Integrity threshold θ; must equal the model's threshold.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Lead dose L (e/Å²); must equal the model's lead dose.</summary>
    public double LeadDoseEA2 { get; init; } = 200;

    /// <summary>
    /// Probability p that a window reaches θ within L needed to raise a warning: by default 0.5, "more likely than not".
    /// With the counting noise of a typical session the crossing dose stays uncertain by more than L until close to the
    /// crossing, and the forecast is under-confident in its middle range, so p = 0.8 warned after the crossing in 18 of 30
    /// validation crossings and 0.5 in 3 (docs/validation.md). Lower p warns earlier still; the significance gate, not p,
    /// keeps stable windows and beam-resistant samples free of alarms.
    /// </summary>
    public double AlarmProbability { get; init; } = 0.5;

    /// <summary>Windows that can raise alarms (π–π* rises with dose and is excluded by default).</summary>
    public IReadOnlyList<string> AlarmWindows { get; init; } = ["c_c", "c_o", "m_o"];

    /// <summary>A warning clears only when the probability is below p − ClearMargin ...</summary>
    public double ClearMargin { get; init; } = 0.15;

    /// <summary>... for this many consecutive evaluations.</summary>
    public int ClearEvaluations { get; init; } = 5;

    /// <summary>
    /// ... and below this probability, whatever p: a warning clears only once the model gives the window almost no chance of
    /// reaching θ within L. Damage does not heal, and a forecast that drops after a warning has usually moved along the
    /// final-signal ambiguity, not away from the crossing: clearing at p − ClearMargin alone left 9 of 60 validation crossings
    /// (6 seeds) with no warning in force when the window crossed, although each had been warned earlier (exponential seed 2
    /// C–C: warned 620 e/Å² before its crossing, cleared 280 before it, warned again 140 after it; docs/validation.md,
    /// "Warnings that lapse"). With 0.05 none did, for 1.2% more frames with an alarm. 0 keeps every warning until the
    /// window is critical.
    /// </summary>
    public double ClearProbability { get; init; } = 0.05;

    /// <summary>
    /// A window turns critical (latched for the series) only after the model has judged it crossed in this many consecutive
    /// evaluations; until then it is a warning. One noisy refit cannot latch a critical: in validation a single evaluation
    /// declared a window crossed one frame before it truly crossed (docs/validation.md, "Confirming a crossing").
    /// </summary>
    public int CriticalConfirmEvaluations { get; init; } = 3;

    /// <summary>Optional total dose budget (e/Å²); alerts at 80% and 100%.</summary>
    public double? BudgetDoseEA2 { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> with a clear message if any setting is invalid.</summary>
    public void Validate()
    {
        Require(Threshold is > 0 and < 1, nameof(Threshold), $"must be in (0, 1), was {Threshold}");
        Require(LeadDoseEA2 > 0 && double.IsFinite(LeadDoseEA2), nameof(LeadDoseEA2), $"must be positive and finite, was {LeadDoseEA2}");
        Require(AlarmProbability is > 0 and < 1, nameof(AlarmProbability), $"must be in (0, 1), was {AlarmProbability}");
        Require(ClearMargin >= 0 && ClearMargin < AlarmProbability, nameof(ClearMargin), $"must be in [0, AlarmProbability), was {ClearMargin}");
        Require(ClearEvaluations >= 1, nameof(ClearEvaluations), $"must be ≥ 1, was {ClearEvaluations}");
        Require(ClearProbability is >= 0 and < 1, nameof(ClearProbability), $"must be in [0, 1), was {ClearProbability}");
        Require(CriticalConfirmEvaluations >= 1, nameof(CriticalConfirmEvaluations), $"must be ≥ 1, was {CriticalConfirmEvaluations}");
        Require(AlarmWindows is { Count: > 0 }, nameof(AlarmWindows), "must name at least one window");
        Require(AlarmWindows!.All(name => !string.IsNullOrWhiteSpace(name)) && AlarmWindows!.Distinct(StringComparer.Ordinal).Count() == AlarmWindows!.Count, nameof(AlarmWindows), "must be non-empty, unique names");
        Require(BudgetDoseEA2 is null || (BudgetDoseEA2 > 0 && double.IsFinite(BudgetDoseEA2.Value)), nameof(BudgetDoseEA2), $"must be positive and finite when set, was {BudgetDoseEA2}");
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"{nameof(AlarmOptions)}.{name} {message}.", name);
        }
    }
}
