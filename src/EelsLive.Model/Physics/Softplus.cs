namespace EelsLive.Model.Physics;

/// <summary>Numerically stable softplus, logistic sigmoid and inverse softplus.</summary>
public static class Softplus
{
    /// <summary>ln(1 + eˣ).</summary>
    public static double Value(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));

    /// <summary>Logistic sigmoid 1/(1 + e⁻ˣ), the derivative of softplus.</summary>
    public static double Sigmoid(double x)
    {
        var e = Math.Exp(-Math.Abs(x));
        return x >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    /// <summary>Softplus and sigmoid from a single exponential.</summary>
    public static double ValueAndSigmoid(double x, out double sigmoid)
    {
        var e = Math.Exp(-Math.Abs(x));
        var inv = 1 / (1 + e);
        sigmoid = x >= 0 ? inv : e * inv;
        return Math.Max(x, 0) + Math.Log(1 + e);
    }

    /// <summary>Inverse of softplus for y &gt; 0: ln(eʸ − 1).</summary>
    public static double Inverse(double y) => y + Math.Log(-double.ExpM1(-y));
}
