namespace EelsLive.Simulation;

/// <summary>
/// Two-stage damage: the feature is intact during an incubation dose D0, then decays exponentially,
/// I(D) = 1 for D ≤ D0 and exp(−(D − D0)/Dc) after.
/// </summary>
public sealed class TwoStageKinetics : IDamageKinetics
{
    /// <summary>Creates the family with incubation dose <paramref name="incubationDoseEA2"/> (≥ 0) and decay dose <paramref name="criticalDoseEA2"/>.</summary>
    public TwoStageKinetics(double incubationDoseEA2, double criticalDoseEA2)
    {
        if (!(incubationDoseEA2 >= 0) || !double.IsFinite(incubationDoseEA2))
        {
            throw new ArgumentOutOfRangeException(nameof(incubationDoseEA2), incubationDoseEA2, "incubationDoseEA2 must be a finite number ≥ 0.");
        }

        KineticsGuard.Positive(criticalDoseEA2, nameof(criticalDoseEA2));
        IncubationDoseEA2 = incubationDoseEA2;
        CriticalDoseEA2 = criticalDoseEA2;
    }

    /// <summary>The dose D0 in e/Å² before any damage shows.</summary>
    public double IncubationDoseEA2 { get; }

    /// <summary>The 1/e dose Dc of the decay that follows the incubation, in e/Å².</summary>
    public double CriticalDoseEA2 { get; }

    public string Family => "two_stage";

    public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>
    {
        ["incubation_dose_e_a2"] = IncubationDoseEA2,
        ["critical_dose_e_a2"] = CriticalDoseEA2,
    };

    /// <summary>The family with incubation <paramref name="incubationDoseEA2"/> and half-integrity dose <paramref name="d50EA2"/> (&gt; D0).</summary>
    public static TwoStageKinetics FromD50(double incubationDoseEA2, double d50EA2) =>
        new(incubationDoseEA2, (d50EA2 - incubationDoseEA2) / Math.Log(2));

    public double Integrity(double doseEA2) =>
        doseEA2 <= IncubationDoseEA2 ? 1 : Math.Exp(-(doseEA2 - IncubationDoseEA2) / CriticalDoseEA2);

    public double DoseAtIntegrity(double threshold)
    {
        KineticsGuard.Threshold(threshold);
        return IncubationDoseEA2 - CriticalDoseEA2 * Math.Log(threshold);
    }
}
