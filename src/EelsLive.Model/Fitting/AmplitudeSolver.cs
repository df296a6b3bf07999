namespace EelsLive.Model.Fitting;

/// <summary>Closed-form weighted least squares for (S∞, S0 − S∞) given integrities (variable projection).</summary>
public static class AmplitudeSolver
{
    /// <summary>Relative ridge on the amplitude that keeps the 2×2 system regular while integrity is still ≈ 1 everywhere.</summary>
    public const double Ridge = 1e-6;

    /// <summary>Minimises Σ w (y − S∞ − A·I)² + Ridge·Σw·A², optionally with S∞ ≥ 0.</summary>
    public static Amplitudes Solve(ReadOnlySpan<double> weights, ReadOnlySpan<double> signals, ReadOnlySpan<double> integrities, bool nonNegativeAsymptote)
    {
        double sw = 0, si = 0, sii = 0, sy = 0, siy = 0;
        for (var b = 0; b < weights.Length; b++)
        {
            var w = weights[b];
            var i = integrities[b];
            var y = signals[b];
            sw += w;
            si += w * i;
            sii += w * i * i;
            sy += w * y;
            siy += w * i * y;
        }

        return Solve(sw, si, sii, sy, siy, nonNegativeAsymptote);
    }

    /// <summary>Same as <see cref="Solve(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, bool)"/> from the weighted sums.</summary>
    public static Amplitudes Solve(double sw, double si, double sii, double sy, double siy, bool nonNegativeAsymptote)
    {
        if (sw <= 0)
        {
            return new Amplitudes(0, 0);
        }

        var aii = sii + Ridge * sw;
        var det = sw * aii - si * si;
        double asymptote, amplitude;
        if (det > 1e-300)
        {
            asymptote = (aii * sy - si * siy) / det;
            amplitude = (sw * siy - si * sy) / det;
        }
        else
        {
            asymptote = sy / sw;
            amplitude = 0;
        }

        if (nonNegativeAsymptote && asymptote < 0)
        {
            asymptote = 0;
            amplitude = siy / aii;
        }

        return new Amplitudes(asymptote, amplitude);
    }
}
