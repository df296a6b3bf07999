namespace EelsLive.Model.Physics;

/// <summary>Adam optimiser with persistent moments (warm start across refits) and box projection.</summary>
public sealed class AdamOptimizer
{
    private readonly double[] _m;
    private readonly double[] _v;
    private readonly double _beta1;
    private readonly double _beta2;
    private double _beta1Power = 1;
    private double _beta2Power = 1;

    /// <summary>Creates the optimiser for <paramref name="size"/> parameters.</summary>
    public AdamOptimizer(int size, double learningRate, double beta1 = 0.9, double beta2 = 0.99)
    {
        _m = new double[size];
        _v = new double[size];
        LearningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
    }

    /// <summary>Step size.</summary>
    public double LearningRate { get; }

    /// <summary>Steps taken so far.</summary>
    public long Steps { get; private set; }

    /// <summary>
    /// Exchanges the moments of parameters [<paramref name="start"/>, start + <paramref name="length"/>) with
    /// <paramref name="other"/>'s, for when the two optimisers' parameters trade places.
    /// </summary>
    public void ExchangeMoments(AdamOptimizer other, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(other);
        Swap(_m.AsSpan(start, length), other._m.AsSpan(start, length));
        Swap(_v.AsSpan(start, length), other._v.AsSpan(start, length));
    }

    private static void Swap(Span<double> a, Span<double> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            (a[i], b[i]) = (b[i], a[i]);
        }
    }

    /// <summary>Gives <paramref name="destination"/> this optimiser's moments of parameters [<paramref name="start"/>, start + <paramref name="length"/>).</summary>
    public void CopyMomentsTo(AdamOptimizer destination, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(destination);
        _m.AsSpan(start, length).CopyTo(destination._m.AsSpan(start, length));
        _v.AsSpan(start, length).CopyTo(destination._v.AsSpan(start, length));
    }

    /// <summary>Forgets the moments of parameters [<paramref name="start"/>, start + <paramref name="length"/>), for a parameter moved by something other than this optimiser.</summary>
    public void ResetMoments(int start, int length)
    {
        _m.AsSpan(start, length).Clear();
        _v.AsSpan(start, length).Clear();
    }

    /// <summary>One Adam step on <paramref name="parameters"/>, then clamps into [lower, upper].</summary>
    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        Steps++;
        _beta1Power *= _beta1;
        _beta2Power *= _beta2;
        var correction1 = 1 / (1 - _beta1Power);
        var correction2 = 1 / (1 - _beta2Power);
        for (var i = 0; i < parameters.Length; i++)
        {
            var g = gradient[i];
            if (!double.IsFinite(g))
            {
                continue;
            }

            _m[i] = _beta1 * _m[i] + (1 - _beta1) * g;
            _v[i] = _beta2 * _v[i] + (1 - _beta2) * g * g;
            var step = LearningRate * _m[i] * correction1 / (Math.Sqrt(_v[i] * correction2) + 1e-8);
            parameters[i] = Math.Clamp(parameters[i] - step, lower[i], upper[i]);
        }
    }
}
