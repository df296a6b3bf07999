namespace EelsLive.Simulation;

/// <summary>A damage-kinetics family: the latent integrity I(D) of one spectral feature as a function of cumulative dose.</summary>
/// <remarks>Every implementation satisfies I(0) = 1, is non-increasing in D and stays within [0, 1].</remarks>
public interface IDamageKinetics
{
    /// <summary>The family name written in ground-truth files (snake_case, e.g. <c>order_p</c>).</summary>
    string Family { get; }

    /// <summary>The family's parameters by snake_case name, as written in ground-truth files.</summary>
    IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>The integrity after <paramref name="doseEA2"/> e/Å² (negative doses count as 0).</summary>
    double Integrity(double doseEA2);

    /// <summary>
    /// The dose at which the integrity first falls to <paramref name="threshold"/> (0 &lt; θ &lt; 1), or
    /// <see cref="double.PositiveInfinity"/> when it never does.
    /// </summary>
    double DoseAtIntegrity(double threshold);

    /// <summary>The true half-integrity dose D50, or <see cref="double.PositiveInfinity"/> when the feature never halves.</summary>
    double D50 => DoseAtIntegrity(0.5);
}
