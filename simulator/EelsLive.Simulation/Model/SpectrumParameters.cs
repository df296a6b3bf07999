namespace EelsLive.Simulation;

/// <summary>The noise-free low-loss spectrum: zero-loss peak, Drude plasmon with multiple scattering, and a flat background.</summary>
public sealed record SpectrumParameters
{
    /// <summary>The defaults documented in docs/simulator.md.</summary>
    public static SpectrumParameters Default { get; } = new();

    /// <summary>Counts in the zero-loss peak per frame at the nominal beam current. Default 1×10⁶.</summary>
    public double ZeroLossCounts { get; init; } = 1e6;

    /// <summary>Full width at half maximum of the zero-loss peak in eV (Schottky FEG, no monochromator). Default 0.7.</summary>
    public double ZeroLossFwhmEv { get; init; } = 0.7;

    /// <summary>Area fraction η of the Lorentzian in the pseudo-Voigt zero-loss peak (Gaussian core, Lorentzian tails). Default 0.03.</summary>
    public double ZeroLossLorentzianFraction { get; init; } = 0.03;

    /// <summary>Bulk plasmon energy Ep in eV. Default 23 (MOF).</summary>
    public double PlasmonEnergyEv { get; init; } = 23;

    /// <summary>Drude damping width Γ of the plasmon in eV. Default 10 (broad, as in organic solids).</summary>
    public double PlasmonWidthEv { get; init; } = 10;

    /// <summary>Relative thickness t/λ: single and double scattering are weighted (t/λ) and (t/λ)²/2 relative to the zero-loss peak. Default 0.3.</summary>
    public double ThicknessOverMeanFreePath { get; init; } = 0.3;

    /// <summary>Spectrometer collection semi-angle β in mrad, for the angular factor ln(1 + (β/θ_E)²). Default 10.</summary>
    public double CollectionSemiAngleMrad { get; init; } = 10;

    /// <summary>Flat background (stray scattering, dark residue) in counts per channel per frame. Default 40.</summary>
    public double BackgroundCountsPerChannel { get; init; } = 40;
}
