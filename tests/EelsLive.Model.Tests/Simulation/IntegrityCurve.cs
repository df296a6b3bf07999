namespace EelsLive.Model.Tests.Simulation;

/// <summary>Closed-form ground-truth integrity curves I(D) used to synthesise test data.</summary>
public sealed record IntegrityCurve(string Kind, Func<double, double> Integrity, double? TrueD50EA2)
{
    /// <summary>No damage: I ≡ 1.</summary>
    public static IntegrityCurve None { get; } = new("none", _ => 1.0, null);

    /// <summary>Egerton single exponential I = exp(−ln2·D/D50).</summary>
    public static IntegrityCurve SingleExponential(double d50) => new("exp", d => Math.Exp(-Math.Log(2) * d / d50), d50);

    /// <summary>Order-p kinetics I = [1 + (p−1)kD]^(−1/(p−1)) with k chosen to give the requested D50.</summary>
    public static IntegrityCurve OrderP(double d50, double p)
    {
        var k = (Math.Pow(2, p - 1) - 1) / ((p - 1) * d50);
        return new($"order{p}", d => Math.Pow(1 + (p - 1) * k * d, -1 / (p - 1)), d50);
    }

    /// <summary>Stretched exponential I = exp(−(D/Dc)^β).</summary>
    public static IntegrityCurve Stretched(double dc, double beta) =>
        new($"stretched{beta}", d => Math.Exp(-Math.Pow(d / dc, beta)), dc * Math.Pow(Math.Log(2), 1 / beta));

    /// <summary>Incubation then first-order decay: hazard is ~0 below <paramref name="incubation"/>, then rate <paramref name="rate"/> (smooth corner).</summary>
    public static IntegrityCurve TwoStage(double incubation, double rate, double corner)
    {
        double Lambda(double d) => 0.5 * rate * (Math.Sqrt((d - incubation) * (d - incubation) + corner * corner) + (d - incubation)
            - (Math.Sqrt(incubation * incubation + corner * corner) - incubation));
        double lo = 0, hi = incubation + 50 / rate;
        for (var i = 0; i < 200; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (Lambda(mid) >= Math.Log(2))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return new("two-stage", d => Math.Exp(-Lambda(d)), 0.5 * (lo + hi));
    }

    /// <summary>Dose at which the curve reaches <paramref name="threshold"/> (bisection), or null if it never does below 1e7.</summary>
    public double? CrossingDose(double threshold)
    {
        if (Integrity(1e7) > threshold)
        {
            return null;
        }

        double lo = 0, hi = 1e7;
        for (var i = 0; i < 200; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (Integrity(mid) <= threshold)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return 0.5 * (lo + hi);
    }
}
