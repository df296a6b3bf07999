namespace EelsLive.Simulation;

/// <summary>
/// How one damage window behaves: a Gaussian feature inside the window whose amplitude follows the latent integrity I(D)
/// of <see cref="Kinetics"/>, A(D) = A0·(m∞ + (1 − m∞)·I(D)), so the normalised window signal is S(D) ≈ S∞ + (S0 − S∞)·I(D).
/// </summary>
/// <param name="Window">The energy window.</param>
/// <param name="Kinetics">The latent integrity I(D).</param>
/// <param name="Contrast">The intact feature's area A0 as a fraction of the window's featureless (baseline) counts, ≥ 0.</param>
/// <param name="DamagedAmplitudeRatio">m∞ = A(∞)/A0: below 1 the signal decays, above 1 it rises with dose (e.g. π–π*), 1 means no change.</param>
public sealed record WindowModel(DamageWindow Window, IDamageKinetics Kinetics, double Contrast, double DamagedAmplitudeRatio)
{
    /// <summary>True when the window's signal grows with dose (S∞ &gt; S0).</summary>
    public bool SignalRises => DamagedAmplitudeRatio > 1 && Contrast > 0 && Kinetics is not NoDamageKinetics;

    /// <summary>The feature amplitude relative to A0 at latent integrity <paramref name="integrity"/>.</summary>
    public double RelativeAmplitude(double integrity) => DamagedAmplitudeRatio + (1 - DamagedAmplitudeRatio) * integrity;
}
