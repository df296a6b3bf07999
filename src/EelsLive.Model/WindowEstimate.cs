using EelsLive.Model.Fitting;

namespace EelsLive.Model;

/// <summary>Estimate for one energy-loss window at the current dose.</summary>
/// <param name="Name">Window name.</param>
/// <param name="Signal">Fitted normalised signal at the current dose (JSON <c>signal</c>).</param>
/// <param name="Integrity">Point estimate of integrity I(D) in [0, 1] (JSON <c>integrity</c>).</param>
/// <param name="IntegrityLo">Lower end of the central 90% interval of integrity (JSON <c>integrity_lo</c>).</param>
/// <param name="IntegrityHi">Upper end of the central 90% interval of integrity (JSON <c>integrity_hi</c>).</param>
/// <param name="D50EA2">Dose of half integrity, or null while it is not estimable (JSON <c>d50_e_a2</c>).</param>
/// <param name="D50LoEA2">Lower 5% bound of D50; while D50 is not estimable an honest "not before" dose (JSON <c>d50_lo_e_a2</c>).</param>
/// <param name="D50HiEA2">Upper 95% bound of D50, or null if unbounded within the forecast horizon (JSON <c>d50_hi_e_a2</c>).</param>
/// <param name="CrossDoseEA2">Forecast dose at which integrity reaches the threshold, or null if not forecastable (JSON <c>cross_dose_e_a2</c>).</param>
/// <param name="CrossProbability">Probability that integrity is at or below the threshold at current dose + lead dose.</param>
/// <param name="Crossed">True when integrity has reached the threshold at the current dose, judged robustly.</param>
/// <param name="Rising">True when the asymptotic signal exceeds the initial one (mixed response).</param>
/// <param name="SignalChangeZ">Model-free z-score of the change between the earliest and the latest frames.</param>
public sealed record WindowEstimate(
    string Name,
    double Signal,
    double Integrity,
    double IntegrityLo,
    double IntegrityHi,
    double? D50EA2,
    double? D50LoEA2,
    double? D50HiEA2,
    double? CrossDoseEA2,
    double CrossProbability,
    bool Crossed,
    bool Rising,
    double SignalChangeZ)
{
    /// <summary>Reduced χ² of the window's fit to its binned data (1 when the fit describes the data within noise, or for models that do not report it).</summary>
    public double ReducedChiSquare { get; init; } = 1;

    /// <summary>
    /// True when the signal has changed significantly but the model cannot describe the data (reduced χ² at least
    /// <see cref="ModelOptions.UnexplainedChiSquare"/>), e.g. damage that sets in after an incubation dose: the forecast is
    /// then unreliable, and the alarm treats the window as a warning.
    /// </summary>
    public bool Unexplained { get; init; }

    /// <summary>
    /// The law the window's fit follows now, or null for a model that does not say. A window of the physics model can change
    /// law during a session (its estimates then jump); this shows when.
    /// </summary>
    public KineticsLaw? Kinetics { get; init; }

    /// <summary>
    /// The fitted observation model S = S∞ + (S0 − S∞)·I of the window: with it a measured signal S reads as integrity
    /// (S − S∞)/(S0 − S∞).
    /// </summary>
    public Amplitudes Observation { get; init; }

    /// <summary>
    /// Lower 5% bound of the dose at which integrity reaches the threshold; while the crossing is not forecastable an honest
    /// "not before" dose (JSON <c>cross_dose_lo_e_a2</c>). At the default threshold 0.5 it is D50's bound.
    /// </summary>
    public double? CrossDoseLoEA2 { get; init; }

    /// <summary>Upper 95% bound of the crossing dose, or null if unbounded within the forecast horizon (JSON <c>cross_dose_hi_e_a2</c>).</summary>
    public double? CrossDoseHiEA2 { get; init; }
}
