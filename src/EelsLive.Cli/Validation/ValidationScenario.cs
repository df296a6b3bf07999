using EelsLive.Model;
using EelsLive.Simulation;

namespace EelsLive.Cli.Validation;

/// <summary>One simulated session for validation: a preset's kinetics, a noise seed, a model, the dose schedule and the signal level.</summary>
internal sealed record ValidationScenario(SimulationPreset Preset, int Seed, ModelKind Model, int Frames = 1000, double DosePerFrameEA2 = 5)
{
    /// <summary>Counts per frame in the zero-loss peak; the plasmon and the window features scale with it, so it sets the counting noise.</summary>
    public double ZeroLossCounts { get; init; } = SpectrumParameters.Default.ZeroLossCounts;

    /// <summary>
    /// Refit only every this many frames, as the monitor coalesces refits when frames arrive that many times faster than it
    /// refits (1 = every frame, as <c>analyze</c>).
    /// </summary>
    public int RefitEvery { get; init; } = 1;

    /// <summary>
    /// Also fit the true kinetics family, and every family, to each halving window's frames (<see cref="ReferenceFit"/>), so
    /// that the model's final D50 can be set beside what the data alone say. Off unless asked for: it costs about as much as
    /// the session's refits.
    /// </summary>
    public bool FitReferences { get; init; }

    /// <summary>A file name for this scenario's outputs, e.g. <c>orderp-seed1-physics</c>.</summary>
    public string FileStem => $"{Preset.Name}-seed{Seed}-{Model.ToString().ToLowerInvariant()}";

    public override string ToString() => $"{Preset.Name}/seed {Seed}/{Model.ToString().ToLowerInvariant()}";
}
