namespace EelsLive.Simulation;

/// <summary>
/// Order-p damage, dI/dD = −k·I^p: I(D) = [1 + (p−1)·k·D]^(−1/(p−1)) for p ≠ 1 and exp(−k·D) for p = 1;
/// D50 = (2^(p−1) − 1) / ((p−1)·k).
/// </summary>
public sealed class OrderPKinetics : IDamageKinetics
{
    private const double FirstOrderTolerance = 1e-9;

    /// <summary>Creates the family with rate constant <paramref name="rateConstant"/> (Å²/e) and reaction order <paramref name="order"/> (p ≥ 0).</summary>
    public OrderPKinetics(double rateConstant, double order)
    {
        KineticsGuard.Positive(rateConstant, nameof(rateConstant));
        if (!(order >= 0) || !double.IsFinite(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "order must be a finite number ≥ 0.");
        }

        RateConstant = rateConstant;
        Order = order;
    }

    /// <summary>The rate constant k in Å²/e.</summary>
    public double RateConstant { get; }

    /// <summary>The reaction order p.</summary>
    public double Order { get; }

    public string Family => "order_p";

    public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>
    {
        ["rate_constant_a2_per_e"] = RateConstant,
        ["order"] = Order,
    };

    private bool IsFirstOrder => Math.Abs(Order - 1) < FirstOrderTolerance;

    /// <summary>The family of order <paramref name="order"/> whose half-integrity dose is <paramref name="d50EA2"/>.</summary>
    public static OrderPKinetics FromD50(double d50EA2, double order)
    {
        KineticsGuard.Positive(d50EA2, nameof(d50EA2));
        double q = order - 1;
        double k = Math.Abs(q) < FirstOrderTolerance ? Math.Log(2) / d50EA2 : (Math.Pow(2, q) - 1) / (q * d50EA2);
        return new OrderPKinetics(k, order);
    }

    public double Integrity(double doseEA2)
    {
        double dose = Math.Max(doseEA2, 0);
        if (IsFirstOrder)
        {
            return Math.Exp(-RateConstant * dose);
        }

        double q = Order - 1;
        double baseValue = 1 + q * RateConstant * dose;

        // p < 1 reaches I = 0 at a finite dose (1/((1−p)k)) and stays there.
        return baseValue <= 0 ? 0 : Math.Pow(baseValue, -1 / q);
    }

    public double DoseAtIntegrity(double threshold)
    {
        KineticsGuard.Threshold(threshold);
        if (IsFirstOrder)
        {
            return -Math.Log(threshold) / RateConstant;
        }

        double q = Order - 1;
        return (Math.Pow(threshold, -q) - 1) / (q * RateConstant);
    }
}
