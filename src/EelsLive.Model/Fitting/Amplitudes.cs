namespace EelsLive.Model.Fitting;

/// <summary>Linear amplitudes of the observation model S = S∞ + (S0 − S∞)·I for one window.</summary>
/// <param name="Asymptote">S∞, the signal of fully damaged material.</param>
/// <param name="Amplitude">S0 − S∞ (negative for a rising window).</param>
public readonly record struct Amplitudes(double Asymptote, double Amplitude)
{
    /// <summary>The undamaged signal S0.</summary>
    public double Initial => Asymptote + Amplitude;

    /// <summary>Predicted signal at integrity <paramref name="integrity"/>.</summary>
    public double Predict(double integrity) => Asymptote + Amplitude * integrity;
}
