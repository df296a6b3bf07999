namespace EelsLive.Simulation;

/// <summary>Stretched-exponential (Kohlrausch) damage, I(D) = exp(−(D/Dc)^β), for a distribution of local sensitivities.</summary>
public sealed class StretchedExponentialKinetics : IDamageKinetics
{
    /// <summary>Creates the family with characteristic dose <paramref name="criticalDoseEA2"/> and stretch exponent <paramref name="beta"/>.</summary>
    public StretchedExponentialKinetics(double criticalDoseEA2, double beta)
    {
        KineticsGuard.Positive(criticalDoseEA2, nameof(criticalDoseEA2));
        KineticsGuard.Positive(beta, nameof(beta));
        CriticalDoseEA2 = criticalDoseEA2;
        Beta = beta;
    }

    /// <summary>The characteristic dose Dc in e/Å², where I = 1/e.</summary>
    public double CriticalDoseEA2 { get; }

    /// <summary>The stretch exponent β (β &lt; 1 stretched, β &gt; 1 compressed).</summary>
    public double Beta { get; }

    public string Family => "stretched_exponential";

    public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>
    {
        ["critical_dose_e_a2"] = CriticalDoseEA2,
        ["beta"] = Beta,
    };

    /// <summary>The family with half-integrity dose <paramref name="d50EA2"/>: Dc = D50 / (ln 2)^(1/β).</summary>
    public static StretchedExponentialKinetics FromD50(double d50EA2, double beta) =>
        new(d50EA2 / Math.Pow(Math.Log(2), 1 / beta), beta);

    public double Integrity(double doseEA2) =>
        doseEA2 <= 0 ? 1 : Math.Exp(-Math.Pow(doseEA2 / CriticalDoseEA2, Beta));

    public double DoseAtIntegrity(double threshold)
    {
        KineticsGuard.Threshold(threshold);
        return CriticalDoseEA2 * Math.Pow(-Math.Log(threshold), 1 / Beta);
    }
}
