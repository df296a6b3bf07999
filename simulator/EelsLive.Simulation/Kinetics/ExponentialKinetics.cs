namespace EelsLive.Simulation;

/// <summary>Single-exponential damage, I(D) = exp(−D/Dc), the classic first-order (critical-dose) model.</summary>
public sealed class ExponentialKinetics : IDamageKinetics
{
    /// <summary>Creates the family with critical dose <paramref name="criticalDoseEA2"/> (the 1/e dose).</summary>
    public ExponentialKinetics(double criticalDoseEA2)
    {
        KineticsGuard.Positive(criticalDoseEA2, nameof(criticalDoseEA2));
        CriticalDoseEA2 = criticalDoseEA2;
    }

    /// <summary>The critical dose Dc in e/Å², where I = 1/e.</summary>
    public double CriticalDoseEA2 { get; }

    public string Family => "exponential";

    public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>
    {
        ["critical_dose_e_a2"] = CriticalDoseEA2,
    };

    /// <summary>The family whose half-integrity dose is <paramref name="d50EA2"/>: Dc = D50 / ln 2.</summary>
    public static ExponentialKinetics FromD50(double d50EA2) => new(d50EA2 / Math.Log(2));

    public double Integrity(double doseEA2) => Math.Exp(-Math.Max(doseEA2, 0) / CriticalDoseEA2);

    public double DoseAtIntegrity(double threshold)
    {
        KineticsGuard.Threshold(threshold);
        return -CriticalDoseEA2 * Math.Log(threshold);
    }
}
