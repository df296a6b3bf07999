namespace EelsLive.Simulation;

/// <summary>Everything that determines the simulated spectra: sample preset, axis, spectrum shape, noise, dose and RNG seed.</summary>
/// <param name="Preset">The sample and its damage kinetics.</param>
/// <param name="Seed">The seed; the same scenario always produces the same frames.</param>
public sealed record SimulationScenario(SimulationPreset Preset, int Seed)
{
    /// <summary>The energy axis. Default <see cref="EnergyAxis.Default"/>.</summary>
    public EnergyAxis Axis { get; init; } = EnergyAxis.Default;

    /// <summary>The noise-free spectrum shape. Default <see cref="SpectrumParameters.Default"/>.</summary>
    public SpectrumParameters Spectrum { get; init; } = SpectrumParameters.Default;

    /// <summary>Noise, current fluctuation and drift. Default <see cref="NoiseParameters.Default"/>.</summary>
    public NoiseParameters Noise { get; init; } = NoiseParameters.Default;

    /// <summary>Exposure and dose per frame. Default <see cref="DoseSettings.Default"/>.</summary>
    public DoseSettings Dose { get; init; } = DoseSettings.Default;
}
